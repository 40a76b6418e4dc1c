import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionId, makeAction, normalizeNumber, replayItem } from '../actions.js';

test('numbers as typed or scanned become the queue\'s spelling; anything else is refused', () => {
  assert.equal(normalizeNumber(' med-042 '), 'MED-042');
  assert.equal(normalizeNumber('MED-K007'), 'MED-K007');
  assert.equal(normalizeNumber('med-p0012\n'), 'MED-P0012');
  assert.equal(normalizeNumber('MED 042'), null);
  assert.equal(normalizeNumber('042'), null);
  assert.equal(normalizeNumber(''), null);
  assert.equal(normalizeNumber(undefined), null);
  assert.equal(normalizeNumber('MEDICINEXX-1'), null);
});

test('action ids are version 4 UUIDs, different each time', () => {
  const ids = new Set(Array.from({ length: 50 }, () => actionId()));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('an action carries its id, kind, counter, number and this PC\'s time; the request only what the server knows', () => {
  const action = makeAction('NO_SHOW', '7', 'MED-042', { now: () => new Date('2026-11-22T05:00:00Z'), id: () => 'a1' });
  assert.deepEqual(action, { actionId: 'a1', kind: 'NO_SHOW', counterId: 7, number: 'MED-042', at: '2026-11-22T05:00:00.000Z' });
  assert.deepEqual(replayItem({ ...action, seq: 3, state: 'queued' }),
    { actionId: 'a1', kind: 'NO_SHOW', number: 'MED-042', at: '2026-11-22T05:00:00.000Z' });
  assert.throws(() => makeAction('JUMP', 7, 'MED-042'));
});
