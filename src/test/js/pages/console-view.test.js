import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionForKey, confirmationFor, currentStatusText, enabledActions, leftoversMessage, priorityLabel, queueHeading, refusedLine,
  refusedTitle, serverGone, waitedText, words } from '/pages/console-view.js';

const on = (state, current) => Object.entries(enabledActions(state, current)).filter(([, yes]) => yes).map(([action]) => action);

test('a free open counter can only call next, pause or close', () => {
  assert.deepEqual(on('OPEN', null), ['call-next', 'pause', 'close']);
  assert.equal(currentStatusText('OPEN', null), 'Free: call the next patient / अगले मरीज़ को बुलाएँ');
});

test('a called patient can be recalled, started, completed, marked no-show or transferred; one being seen cannot be recalled', () => {
  assert.deepEqual(on('OPEN', { status: 'CALLED' }), ['recall', 'start', 'complete', 'no-show', 'transfer', 'pause', 'close']);
  assert.deepEqual(on('OPEN', { status: 'IN_SERVICE' }), ['complete', 'transfer', 'pause', 'close']);
  assert.equal(currentStatusText('OPEN', { status: 'IN_SERVICE' }), 'in service');
  assert.equal(currentStatusText('OPEN', { status: 'SERVING' }), 'Being seen / देखा जा रहा है');
});

test('a paused or closed counter calls nobody new but finishes the patient at it', () => {
  assert.deepEqual(on('PAUSED', null), ['open', 'close']);
  assert.deepEqual(on('CLOSED', { status: 'IN_SERVICE' }), ['complete', 'transfer', 'open']);
  assert.equal(currentStatusText('CLOSED', null), 'Counter: Closed / बंद');
});

test('each action has one key, whatever the case; other keys do nothing', () => {
  assert.equal(actionForKey('n'), 'call-next');
  assert.equal(actionForKey('X'), 'no-show');
  assert.equal(actionForKey('l'), 'close');
  assert.equal(actionForKey('q'), null);
  assert.equal(actionForKey('Enter'), null);
});

test('only no answer, a gateway\'s page or the database away send the console offline; the API\'s own refusals do not', () => {
  assert.equal(serverGone({ status: 0 }), true);
  assert.equal(serverGone({ status: 502, type: null }), true);
  assert.equal(serverGone({ status: 503, type: '/problems/degraded' }), true);
  assert.equal(serverGone({ status: 503, type: '/problems/overloaded' }), false);
  assert.equal(serverGone({ status: 500, type: '/problems/internal' }), false);
  assert.equal(serverGone({ status: 409, type: '/problems/illegal-transition' }), false);
});

test('the waiting lists and refused slips say what staff need in one line', () => {
  assert.equal(queueHeading({ serviceCode: 'MED', waitingCount: 12, estimatedWaitMinutes: 35 }), 'MED: 12 waiting, about 35 min');
  assert.equal(priorityLabel('SENIOR_CITIZEN'), 'senior citizen');
  assert.equal(refusedTitle(1), '1 offline slip was refused — this patient holds a slip that is in no queue');
  assert.equal(refusedTitle(3), '3 offline slips were refused — these patients hold a slip that is in no queue');
  assert.equal(refusedLine({ issuedAt: '2026-11-22T05:00:00Z', kiosk: 'KIOSK1', reason: 'not reserved' }, () => '10:30'),
    ' printed 10:30 at kiosk KIOSK1: not reserved');
});

test('what the offline console left is reported only when it all went through normally', () => {
  assert.deepEqual(leftoversMessage({ mode: 'normal', sent: 3, refused: 0, failed: null }), { text: 'Sent 3 action(s) made offline.', kind: 'notice' });
  assert.deepEqual(leftoversMessage({ mode: 'normal', sent: 2, refused: 1, failed: null }),
    { text: 'Sent 2 action(s) made offline; 1 refused, see the offline console\'s list.', kind: 'alert' });
  assert.equal(leftoversMessage(null), null);
  assert.equal(leftoversMessage({ mode: 'degraded', sent: 0, refused: 0, failed: null }), null);
  assert.equal(leftoversMessage({ mode: 'normal', sent: 1, refused: 0, failed: new Error('401') }), null);
});

test('states are plain words in English and Hindi, never the internal names', () => {
  assert.equal(words('NO_SHOW'), 'Did not come / नहीं आए');
  assert.equal(words('CALLED'), 'Called, not started yet / बुलाया गया, अभी शुरू नहीं');
  assert.equal(words('PAUSED'), 'Paused / रुका हुआ');
  for (const status of ['WAITING', 'CALLED', 'SERVING', 'COMPLETED', 'NO_SHOW', 'CANCELLED']) {
    assert.doesNotMatch(words(status), /_|[A-Z]{3,}/);
  }
});

test('each waiting token says how long it has waited', () => {
  const issued = '2026-11-30T04:00:00Z';
  assert.equal(waitedText(issued, Date.parse('2026-11-30T04:00:30Z')), 'waited < 1 min');
  assert.equal(waitedText(issued, Date.parse('2026-11-30T04:17:59Z')), 'waited 17 min');
  assert.equal(waitedText(issued, Date.parse('2026-11-30T06:05:00Z')), 'waited 2 h 5 min');
});

test('complete asks once only for a patient never started; no-show always asks once; the rest act at once', () => {
  assert.match(confirmationFor('complete', { number: 'MED-003', status: 'CALLED' }), /MED-003 was called but never started/);
  assert.equal(confirmationFor('complete', { number: 'MED-003', status: 'SERVING' }), null);
  assert.match(confirmationFor('no-show', { number: 'MED-003', status: 'CALLED' }), /Press X again/);
  assert.equal(confirmationFor('start', { number: 'MED-003', status: 'CALLED' }), null);
  assert.equal(confirmationFor('complete', null), null);
  assert.equal(actionForKey('u'), 'undo');
});
