import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnreachableError, ProblemError } from '../api.js';
import { createOutbox } from '../outbox.js';
import { memoryStore, upgrade } from '../store.js';
import { createSync, decide, replay } from '../sync.js';

const entry = (n) => ({ requestId: `r${n}`, serviceCode: 'MED', priority: 'GENERAL', offlineNumber: `MED-K00${n}`, issuedAt: `2026-11-22T05:0${n}:00Z` });

async function outboxWith(count) {
  const outbox = createOutbox(memoryStore());
  for (let n = 1; n <= count; n += 1) await outbox.add(entry(n));
  return outbox;
}

test('an entry leaves the outbox only on created or duplicate', () => {
  assert.equal(decide({ result: 'created' }), 'remove');
  assert.equal(decide({ result: 'duplicate' }), 'remove');
  assert.equal(decide({ result: 'rejected', reason: 'x' }), 'reject');
  assert.equal(decide(undefined), 'keep');
  assert.equal(decide({ result: 'something new' }), 'keep');
});

test('replay sends in issue order, with sentAt, and removes what the server took', async () => {
  const outbox = await outboxWith(5);
  const batches = [];
  const postSync = async (batch) => {
    batches.push(batch);
    const answer = { r2: 'duplicate', r3: 'rejected' };
    return { results: batch.tokens.map((t) => ({ requestId: t.requestId, result: answer[t.requestId] ?? 'created', reason: 'not reserved' })) };
  };
  const totals = await replay({ outbox, postSync, batchSize: 2, now: () => new Date('2026-11-22T06:00:00Z') });
  assert.deepEqual(batches.map((b) => b.tokens.map((t) => t.requestId)), [['r1', 'r2'], ['r3', 'r4'], ['r5']]);
  assert.equal(batches[0].sentAt, '2026-11-22T06:00:00.000Z');
  assert.deepEqual(Object.keys(batches[0].tokens[0]).sort(), ['issuedAt', 'offlineNumber', 'priority', 'requestId', 'serviceCode']);
  assert.equal(totals.removed, 4);
  assert.equal(await outbox.size(), 0);
  assert.equal(await outbox.rejectedCount(), 1, 'a rejected token is kept for staff, not dropped');
});

test('a failed batch (no answer, 5xx, refused) leaves it and everything after it in place', async () => {
  for (const failure of [new UnreachableError('network'), new ProblemError({ status: 503, type: '/problems/degraded' }), new ProblemError({ status: 401 })]) {
    const outbox = await outboxWith(3);
    let calls = 0;
    const postSync = async (batch) => {
      calls += 1;
      if (calls === 2) throw failure;
      return { results: batch.tokens.map((t) => ({ requestId: t.requestId, result: 'created' })) };
    };
    const totals = await replay({ outbox, postSync, batchSize: 1 });
    assert.equal(totals.failed, failure);
    assert.deepEqual((await outbox.entries()).map((e) => e.requestId), ['r2', 'r3']);
  }
});

test('an answer that does not match the request is not taken as delivery', async () => {
  const outbox = await outboxWith(2);
  await replay({ outbox, postSync: async () => ({ results: [{ requestId: 'other', result: 'created' }] }) });
  assert.equal(await outbox.size(), 2);
});

test('replaying twice: the second time everything is a duplicate and the outbox stays empty', async () => {
  const outbox = await outboxWith(3);
  const merged = new Set();
  const postSync = async (batch) => ({
    results: batch.tokens.map((t) => ({ requestId: t.requestId, result: merged.has(t.requestId) ? 'duplicate' : (merged.add(t.requestId), 'created') })),
  });
  const kept = await outbox.entries();
  await replay({ outbox, postSync });
  for (const e of kept) await outbox.add(e); // the same outbox again (e.g. restored from a backup)
  const again = await replay({ outbox, postSync });
  assert.equal(again.removed, 3);
  assert.equal(merged.size, 3);
  assert.equal(await outbox.size(), 0);
});

test('the sync loop replays only when the server answers NORMAL', async () => {
  const outbox = await outboxWith(2);
  let mode = 'DEGRADED';
  const sent = [];
  const changes = [];
  const sync = createSync({
    outbox,
    getStatus: async () => { if (mode === null) throw new UnreachableError('network'); return { mode }; },
    postSync: async (batch) => { sent.push(batch); return { results: batch.tokens.map((t) => ({ requestId: t.requestId, result: 'created' })) }; },
    onChange: (c) => changes.push(c),
  });
  await sync.wentOffline();
  await sync.check();
  mode = null;
  await sync.check();
  assert.equal(sent.length, 0);
  assert.equal(sync.isOnline(), false);
  mode = 'NORMAL';
  await sync.check();
  assert.equal(sent.length, 1);
  assert.equal(sync.isOnline(), true);
  assert.deepEqual(changes.at(-1), { online: true, pending: 0, rejected: 0, refused: [] });
});

test('schema upgrades only add stores, whatever version a kiosk comes from', () => {
  const created = [];
  const db = { createObjectStore: (name) => created.push(name) };
  upgrade(db, 0);
  assert.deepEqual(created, ['settings', 'reserve', 'outbox', 'rejected']);
  created.length = 0;
  upgrade(db, 1);
  assert.deepEqual(created, ['rejected']);
  created.length = 0;
  upgrade(db, 2);
  assert.deepEqual(created, []);
});

test('the sync loop hands the app every refused slip with its reason, for the staff badge', async () => {
  const outbox = await outboxWith(2);
  const changes = [];
  const sync = createSync({
    outbox,
    getStatus: async () => ({ mode: 'NORMAL' }),
    postSync: async (batch) => ({ results: batch.tokens.map((t) => (t.requestId === 'r1'
      ? { requestId: t.requestId, result: 'rejected', reason: 'number MED-K001 was already merged for another token' }
      : { requestId: t.requestId, result: 'created' })) }),
    onChange: (c) => changes.push(c),
  });
  await sync.check();
  const last = changes.at(-1);
  assert.equal(last.rejected, 1);
  assert.deepEqual(last.refused.map((e) => [e.offlineNumber, e.reason]), [['MED-K001', 'number MED-K001 was already merged for another token']]);
  assert.ok(Date.parse(last.refused[0].rejectedAt) > 0, 'when it was refused, to keep the list to recent ones');
});

test('the kiosk goes back online only once its outbox is in, so no online token goes ahead of it', async () => {
  const outbox = await outboxWith(2);
  let answer = () => { throw new ProblemError({ status: 503 }); };
  const onlineWhileSending = [];
  const sync = createSync({
    outbox,
    getStatus: async () => ({ mode: 'NORMAL' }),
    postSync: async (batch) => { onlineWhileSending.push(sync.isOnline()); return answer(batch); },
  });
  await sync.wentOffline();
  await sync.check();
  assert.equal(sync.isOnline(), false, 'a replay that failed for a reason worth retrying keeps the kiosk offline');
  answer = (batch) => ({ results: batch.tokens.map((t) => ({ requestId: t.requestId, result: 'created' })) });
  await sync.check();
  assert.deepEqual(onlineWhileSending, [false, false]);
  assert.equal(sync.isOnline(), true);
  assert.equal(await outbox.size(), 0);
});

test('a replay the server refuses outright (a revoked key) does not keep the kiosk offline for good', async () => {
  const outbox = await outboxWith(1);
  const sync = createSync({
    outbox,
    getStatus: async () => ({ mode: 'NORMAL' }),
    postSync: async () => { throw new ProblemError({ status: 401 }); },
  });
  await sync.wentOffline();
  await sync.check();
  assert.equal(sync.isOnline(), true);
});
