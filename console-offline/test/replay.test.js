import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, Degraded, LoggedOut, Refused, Unreachable } from '../api.js';
import { createOutbox, rememberCounter, rememberedCounter } from '../outbox.js';
import { decide, replay } from '../replay.js';
import { memoryStore, upgrade } from '../store.js';

const at = (n) => `2026-11-22T05:0${n}:00.000Z`;

async function outboxWith(...actions) {
  const outbox = createOutbox(memoryStore());
  for (const [n, [kind, number, counterId = 1]] of actions.entries()) {
    await outbox.add({ actionId: `a${n + 1}`, kind, counterId, number, at: at(n + 1) });
  }
  return outbox;
}

const answerAll = (result = 'applied', reasons = {}) => async (counterId, body) => ({
  results: body.actions.map((a) => ({ actionId: a.actionId, result: reasons[a.actionId] ? 'refused' : result, reason: reasons[a.actionId] })),
});

test('an entry leaves the outbox only on applied, duplicate or refused', () => {
  assert.equal(decide({ result: 'applied' }), 'sent');
  assert.equal(decide({ result: 'duplicate' }), 'sent');
  assert.equal(decide({ result: 'refused', reason: 'x' }), 'refused');
  assert.equal(decide(undefined), 'keep');
  assert.equal(decide({ result: 'something new' }), 'keep');
});

test('replay sends in order with sentAt, one request per run of one counter, and settles what was answered', async () => {
  const outbox = await outboxWith(['CALL', 'MED-001'], ['COMPLETE', 'MED-001'], ['CALL', 'OPD-002', 2], ['CALL', 'MED-003']);
  const requests = [];
  const postActions = async (counterId, body) => {
    requests.push([counterId, body.sentAt, body.actions.map((a) => a.actionId)]);
    return answerAll('applied', { a2: 'MED-001 is WAITING' })(counterId, body);
  };
  const totals = await replay({ outbox, postActions, callByNumber: assert.fail, now: () => new Date('2026-11-22T06:00:00Z') });
  assert.deepEqual(requests, [[1, '2026-11-22T06:00:00.000Z', ['a1', 'a2']], [2, '2026-11-22T06:00:00.000Z', ['a3']],
    [1, '2026-11-22T06:00:00.000Z', ['a4']]]);
  assert.deepEqual({ ...totals, failed: null }, { sent: 3, refused: 1, relayed: 0, kept: 0, mode: 'normal', failed: null });
  assert.equal(await outbox.size(), 0);
  const history = await outbox.history();
  assert.deepEqual(history.map((e) => [e.actionId, e.state, e.note]),
    [['a4', 'sent', 'applied'], ['a3', 'sent', 'applied'], ['a2', 'refused', 'MED-001 is WAITING'], ['a1', 'sent', 'applied']]);
});

test('no answer, a 5xx, a log-in that ended or an answer without the entry keep it in the outbox', async () => {
  for (const error of [new Unreachable('network'), new Unreachable('HTTP 502'), new LoggedOut({}), new Refused(400, { detail: 'bad' })]) {
    const outbox = await outboxWith(['CALL', 'MED-001'], ['COMPLETE', 'MED-001']);
    const totals = await replay({ outbox, postActions: async () => { throw error; }, callByNumber: assert.fail });
    assert.equal(totals.failed, error);
    assert.equal(totals.kept, 2);
    assert.equal(totals.mode, error instanceof Unreachable ? 'offline' : 'normal');
    assert.equal(await outbox.size(), 2);
  }
  const outbox = await outboxWith(['CALL', 'MED-001'], ['COMPLETE', 'MED-001']);
  const totals = await replay({ outbox, postActions: async () => ({ results: [{ actionId: 'a2', result: 'applied' }] }), callByNumber: assert.fail });
  assert.equal(totals.kept, 2, 'results out of step count as no answer');
  assert.equal(await outbox.size(), 2);
});

test('while the database is away calls go to the boards and completes and no-shows wait', async () => {
  const outbox = await outboxWith(['CALL', 'MED-001'], ['COMPLETE', 'MED-001'], ['CALL', 'MED-002'], ['NO_SHOW', 'MED-002'], ['CALL', 'MED 3']);
  const relayed = [];
  const callByNumber = async (counterId, number) => {
    if (number === 'MED 3') throw new Refused(400, { detail: 'number: give the number being called' });
    relayed.push(number);
    return { number, relayed: true };
  };
  const totals = await replay({ outbox, postActions: async () => { throw new Degraded({ type: '/problems/degraded' }); }, callByNumber });
  assert.deepEqual(relayed, ['MED-001', 'MED-002']);
  assert.equal(totals.mode, 'degraded');
  assert.equal(totals.relayed, 2);
  assert.equal(totals.refused, 1);
  assert.deepEqual((await outbox.entries()).map((e) => e.kind), ['COMPLETE', 'NO_SHOW']);

  const gone = await outboxWith(['CALL', 'MED-001'], ['CALL', 'MED-002']);
  const stopped = await replay({ outbox: gone, postActions: async () => { throw new Degraded({}); }, callByNumber: async () => { throw new Unreachable('network'); } });
  assert.equal(stopped.kept, 2);
  assert.equal(await gone.size(), 2);
});

test('answers are classified: degraded, logged out, a clear refusal, or a server that is as good as gone', () => {
  assert.ok(classify(503, { type: '/problems/degraded' }) instanceof Degraded);
  assert.ok(classify(401, { type: '/problems/unauthenticated' }) instanceof LoggedOut);
  assert.ok(classify(502, null) instanceof Unreachable);
  assert.ok(classify(500, { type: '/problems/internal' }) instanceof Refused);
  assert.ok(classify(503, { type: '/problems/overloaded' }) instanceof Refused);
  const refused = classify(409, { type: '/problems/illegal-transition', detail: 'MED-001 is COMPLETED' });
  assert.equal(refused.message, 'MED-001 is COMPLETED');
});

test('the database schema only ever adds stores', () => {
  const created = [];
  const db = { createObjectStore: (name) => created.push(name) };
  upgrade(db, 0);
  assert.deepEqual(created, ['settings', 'outbox', 'done']);
  upgrade(db, 1);
  assert.equal(created.length, 3);
});

test('the counter is remembered; its current number is kept for the same counter only', async () => {
  const store = memoryStore();
  await rememberCounter(store, { id: 3, name: 'Room 3', services: ['MED'], current: 'MED-001' });
  await rememberCounter(store, { id: 3, current: 'MED-002' });
  assert.equal((await rememberedCounter(store)).name, 'Room 3');
  assert.equal((await rememberedCounter(store)).current, 'MED-002');
  await rememberCounter(store, { id: 4, name: 'Room 4', services: ['OPD'] });
  assert.equal((await rememberedCounter(store)).current, undefined);
});
