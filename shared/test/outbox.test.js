import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answersFor, createOutbox } from '../outbox.js';
import { defineSchema, memoryStore } from '../store.js';

const SCHEMA = defineSchema('test', [[1, 'outbox', { keyPath: 'seq', autoIncrement: true }], [1, 'settled', { keyPath: 'seq' }]]);

test('entries come out in the order they were added; delivered and settled ones leave, nothing else does', async () => {
  const store = memoryStore(SCHEMA);
  const outbox = createOutbox(store);
  for (const id of ['a', 'b', 'c']) await outbox.add({ id });
  const [a, b] = await outbox.entries();
  assert.deepEqual([a.seq, b.seq], [1, 2]);
  await outbox.delivered(a.seq);
  await outbox.settle(b, 'settled', { ...b, note: 'refused' });
  assert.deepEqual((await outbox.entries()).map((e) => e.id), ['c']);
  assert.equal(await outbox.size(), 1);
  assert.deepEqual(await store.getAll('settled'), [{ id: 'b', seq: 2, note: 'refused' }]);
});

test('answers are matched to entries in request order; a missing or mismatched one is no answer', () => {
  const batch = [{ requestId: 'r1' }, { requestId: 'r2' }, { requestId: 'r3' }];
  assert.deepEqual(answersFor(batch, [{ requestId: 'r1', result: 'created' }, { requestId: 'rX', result: 'created' }], 'requestId'),
    [{ requestId: 'r1', result: 'created' }, null, null]);
  assert.deepEqual(answersFor(batch, undefined, 'requestId'), [null, null, null]);
});
