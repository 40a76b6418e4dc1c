import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionForKey, currentStatusText, enabledActions, leftoversMessage, priorityLabel, queueHeading, refusedLine, refusedTitle, serverGone }
  from '/pages/console-view.js';

const on = (state, current) => Object.entries(enabledActions(state, current)).filter(([, yes]) => yes).map(([action]) => action);

test('a free open counter can only call next, pause or close', () => {
  assert.deepEqual(on('OPEN', null), ['call-next', 'pause', 'close']);
  assert.equal(currentStatusText('OPEN', null), 'Free: call the next patient');
});

test('a called patient can be recalled, started, completed, marked no-show or transferred; one being seen cannot be recalled', () => {
  assert.deepEqual(on('OPEN', { status: 'CALLED' }), ['recall', 'start', 'complete', 'no-show', 'transfer', 'pause', 'close']);
  assert.deepEqual(on('OPEN', { status: 'IN_SERVICE' }), ['complete', 'transfer', 'pause', 'close']);
  assert.equal(currentStatusText('OPEN', { status: 'IN_SERVICE' }), 'IN_SERVICE');
});

test('a paused or closed counter calls nobody new but finishes the patient at it', () => {
  assert.deepEqual(on('PAUSED', null), ['open', 'close']);
  assert.deepEqual(on('CLOSED', { status: 'IN_SERVICE' }), ['complete', 'transfer', 'open']);
  assert.equal(currentStatusText('CLOSED', null), 'Counter is CLOSED');
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
