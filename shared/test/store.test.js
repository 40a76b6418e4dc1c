import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineSchema, memoryStore, openStore } from '../store.js';
import { SCHEMA as KIOSK } from '../../kiosk-ui/store.js';
import { createOutbox as kioskOutbox } from '../../kiosk-ui/outbox.js';
import { replay as kioskReplay } from '../../kiosk-ui/sync.js';
import { SCHEMA as CONSOLE } from '../../console-offline/store.js';
import { createOutbox as consoleOutbox } from '../../console-offline/outbox.js';
import { createFactory } from './fake-indexeddb.js';

// The IndexedDB code as it shipped before the shared module (kiosk-ui/store.js at version 1 and 2,
// console-offline/store.js at version 1), written out here so a database it left on a device is built the same way.
const raw = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

async function shippedDatabase(idb, name, version, upgrade, fill) {
  const opening = idb.open(name, version);
  opening.onupgradeneeded = (event) => upgrade(opening.result, event.oldVersion);
  const db = await raw(opening);
  for (const [store, value, key] of fill) {
    const tx = db.transaction(store, 'readwrite');
    const committed = new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    await raw(key === undefined ? tx.objectStore(store).add(value) : tx.objectStore(store).put(value, key));
    await committed;
  }
  db.close();
}

const kioskV1 = (db, oldVersion) => {
  if (oldVersion < 1) {
    db.createObjectStore('settings');
    db.createObjectStore('reserve', { keyPath: 'id' });
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  }
};
const kioskV2 = (db, oldVersion) => {
  kioskV1(db, oldVersion);
  if (oldVersion < 2) db.createObjectStore('rejected', { keyPath: 'seq' });
};
const consoleV1 = (db, oldVersion) => {
  if (oldVersion < 1) {
    db.createObjectStore('settings');
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('done', { keyPath: 'seq' });
  }
};

const token = (n) => ({ requestId: `r${n}`, serviceCode: 'MED', priority: 'GENERAL', offlineNumber: `MED-K00${n}`, issuedAt: `2026-11-22T05:0${n}:00Z` });
const block = { id: 'MED|2026-11-22|K|001', serviceCode: 'MED', prefix: 'MED', series: 'K', businessDay: '2026-11-22', from: 1, to: 30, next: 4 };

test('the database names, stores and versions are the ones already on kiosks and counter PCs', () => {
  assert.equal(KIOSK.name, 'opd-kiosk');
  assert.equal(KIOSK.version, 2);
  assert.equal(CONSOLE.name, 'opd-console');
  assert.equal(CONSOLE.version, 1);
});

test('a kiosk holding offline tokens in a version 1 database keeps every one when the new code opens it', async () => {
  const idb = createFactory();
  await shippedDatabase(idb, 'opd-kiosk', 1, kioskV1,
    [['outbox', token(1)], ['outbox', token(2)], ['outbox', token(3)], ['reserve', block], ['settings', 'KIOSK1.secret', 'deviceKey']]);

  const store = await openStore(KIOSK, { idb });
  const outbox = kioskOutbox(store);
  assert.deepEqual((await outbox.entries()).map((e) => [e.seq, e.offlineNumber]), [[1, 'MED-K001'], [2, 'MED-K002'], [3, 'MED-K003']]);
  assert.deepEqual(await store.getAll('reserve'), [block]);
  assert.equal(await store.get('settings', 'deviceKey'), 'KIOSK1.secret');
  assert.equal(await outbox.rejectedCount(), 0, 'the store version 2 added is there, empty');
  assert.equal(await outbox.add(token(4)), 4, 'numbering goes on after the kept entries');
});

test('a version 2 kiosk database opens as it is, outbox and refused slips included', async () => {
  const idb = createFactory();
  await shippedDatabase(idb, 'opd-kiosk', 2, kioskV2,
    [['outbox', token(1)], ['outbox', token(2)], ['rejected', { ...token(9), seq: 9, reason: 'not reserved' }]]);

  const outbox = kioskOutbox(await openStore(KIOSK, { idb }));
  assert.deepEqual((await outbox.entries()).map((e) => e.requestId), ['r1', 'r2']);
  assert.deepEqual((await outbox.rejected()).map((e) => e.reason), ['not reserved']);
});

test('kept tokens then leave only as the server answers for them: created and duplicate go, a 5xx keeps them', async () => {
  const idb = createFactory();
  await shippedDatabase(idb, 'opd-kiosk', 1, kioskV1, [['outbox', token(1)], ['outbox', token(2)], ['outbox', token(3)]]);
  const outbox = kioskOutbox(await openStore(KIOSK, { idb }));

  const down = await kioskReplay({ outbox, postSync: async () => { throw Object.assign(new Error('HTTP 503'), { status: 503 }); } });
  assert.ok(down.failed);
  assert.equal(await outbox.size(), 3);

  const answer = { r1: 'created', r2: 'duplicate', r3: 'rejected' };
  await kioskReplay({ outbox, postSync: async (batch) => ({ results: batch.tokens.map((t) => ({ requestId: t.requestId, result: answer[t.requestId], reason: 'not reserved' })) }) });
  assert.equal(await outbox.size(), 0);
  assert.deepEqual((await outbox.rejected()).map((e) => e.offlineNumber), ['MED-K003']);

  // The same data after closing and opening again: nothing was held only in memory.
  const again = kioskOutbox(await openStore(KIOSK, { idb }));
  assert.equal(await again.size(), 0);
  assert.equal(await again.rejectedCount(), 1);
});

test('a counter PC\'s queued console actions survive the new code opening its database', async () => {
  const idb = createFactory();
  const action = (n) => ({ actionId: `a${n}`, kind: 'CALL', counterId: 3, number: `MED-00${n}`, at: '2026-11-22T05:00:00Z', state: 'queued' });
  await shippedDatabase(idb, 'opd-console', 1, consoleV1,
    [['outbox', action(1)], ['outbox', action(2)], ['settings', { id: 3, name: 'Room 3' }, 'counter']]);

  const store = await openStore(CONSOLE, { idb });
  const outbox = consoleOutbox(store);
  assert.deepEqual((await outbox.entries()).map((e) => e.actionId), ['a1', 'a2']);
  assert.deepEqual(await store.get('settings', 'counter'), { id: 3, name: 'Room 3' });
  await outbox.settle((await outbox.entries())[0], 'sent', 'applied');
  assert.deepEqual((await outbox.history()).map((e) => [e.actionId, e.state]), [['a2', 'queued'], ['a1', 'sent']]);
});

test('these tests would catch a ladder that drops a store: recreating the outbox loses what it held', async () => {
  const idb = createFactory();
  await shippedDatabase(idb, 'opd-kiosk', 2, kioskV2, [['outbox', token(1)]]);
  const careless = defineSchema('opd-kiosk', [[1, 'settings'], [1, 'reserve', { keyPath: 'id' }], [1, 'outbox', { keyPath: 'seq', autoIncrement: true }],
    [2, 'rejected', { keyPath: 'seq' }]]);
  const dropping = { ...careless, version: 3, upgrade(db, oldVersion) {
    careless.upgrade(db, oldVersion);
    if (oldVersion < 3) {
      db.deleteObjectStore('outbox');
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    }
  } };
  assert.equal(await kioskOutbox(await openStore(dropping, { idb })).size(), 0);
});

test('the ladder runs only the steps above the old version, in order, and never creates a store twice', async () => {
  const created = [];
  const db = { createObjectStore: (name) => created.push(name) };
  KIOSK.upgrade(db, 0);
  KIOSK.upgrade(db, 1);
  KIOSK.upgrade(db, 2);
  assert.deepEqual(created, ['settings', 'reserve', 'outbox', 'rejected', 'rejected']);

  const idb = createFactory();
  await shippedDatabase(idb, 'opd-kiosk', 2, kioskV2, []);
  const repeating = { ...KIOSK, version: 3, upgrade: (d) => d.createObjectStore('outbox') };
  await assert.rejects(openStore(repeating, { idb }), { name: 'ConstraintError' });
  await assert.rejects(openStore({ ...KIOSK, version: 1 }, { idb }), { name: 'VersionError' }, 'old code cannot open a newer database');
});

test('settling moves an entry in one transaction: when the write fails it stays in the outbox', async () => {
  const idb = createFactory();
  const store = await openStore(KIOSK, { idb });
  const outbox = kioskOutbox(store);
  await outbox.add(token(1));
  const [entry] = await outbox.entries();
  // A record the `rejected` store cannot take (no key): the put fails, and the delete must not stand alone.
  await assert.rejects(store.move('outbox', entry.seq, 'rejected', { reason: 'x' }), { name: 'DataError' });
  assert.equal(await outbox.size(), 1);
  assert.equal(await outbox.rejectedCount(), 0);
  await outbox.reject(entry, 'not reserved');
  assert.equal(await outbox.size(), 0);
  assert.equal(await outbox.rejectedCount(), 1);
});

test('the memory store keys entries as IndexedDB does, for the apps\' own tests', async () => {
  const store = memoryStore(KIOSK);
  assert.equal(await store.add('outbox', token(1)), 1);
  assert.equal(await store.add('outbox', token(2)), 2);
  await store.put('reserve', block);
  await store.put('settings', 'x', 'deviceKey');
  assert.deepEqual(await store.getAll('reserve'), [block]);
  assert.equal(await store.get('settings', 'deviceKey'), 'x');
  await store.move('outbox', 1, 'rejected', { ...token(1), seq: 1 });
  assert.deepEqual((await store.getAll('outbox')).map((e) => e.seq), [2]);
  assert.deepEqual((await store.getAll('rejected')).map((e) => e.seq), [1]);
});
