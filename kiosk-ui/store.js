// The kiosk's durable storage: one IndexedDB database, `opd-kiosk`. Everything above this file sees a small
// promise API ({ get, getAll, put, add, delete }), so the offline logic is tested in Node with memoryStore().

export const DB_NAME = 'opd-kiosk';
export const DB_VERSION = 2;

/**
 * Schema upgrades are a ladder: each step only adds, so a kiosk that was offline across an app update keeps
 * its outbox. Never delete or recreate a store here.
 */
export function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    db.createObjectStore('settings');
    db.createObjectStore('reserve', { keyPath: 'id' });
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  }
  if (oldVersion < 2) {
    db.createObjectStore('rejected', { keyPath: 'seq' });
  }
}

const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

export async function openStore({ idb = globalThis.indexedDB, name = DB_NAME } = {}) {
  const opening = idb.open(name, DB_VERSION);
  opening.onupgradeneeded = (event) => upgrade(opening.result, event.oldVersion);
  const db = await done(opening);

  // Resolves when the transaction commits, so a caller never takes a write for granted.
  async function run(storeName, mode, fn) {
    const tx = db.transaction(storeName, mode);
    const committed = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    const result = await done(fn(tx.objectStore(storeName)));
    await committed;
    return result;
  }

  return {
    get: (store, key) => run(store, 'readonly', (s) => s.get(key)),
    getAll: (store) => run(store, 'readonly', (s) => s.getAll()),
    put: (store, value, key) => run(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key))),
    add: (store, value) => run(store, 'readwrite', (s) => s.add(value)),
    delete: (store, key) => run(store, 'readwrite', (s) => s.delete(key)),
  };
}

/** The same API in memory, for unit tests (and as a last resort where IndexedDB is unavailable). */
export function memoryStore() {
  const KEYS = { reserve: 'id', outbox: 'seq', rejected: 'seq' };
  const stores = new Map();
  let seq = 0;
  const of = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    return stores.get(name);
  };
  const clone = (value) => (value === undefined ? undefined : structuredClone(value));
  const sorted = (map) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => clone(v));
  return {
    async get(store, key) { return clone(of(store).get(key)); },
    async getAll(store) { return sorted(of(store)); },
    async put(store, value, key) {
      const k = key ?? value[KEYS[store]];
      of(store).set(k, clone(value));
      return k;
    },
    async add(store, value) {
      const keyPath = KEYS[store];
      const k = value[keyPath] ?? (seq = Math.max(seq, ...of(store).keys(), 0) + 1);
      if (of(store).has(k)) throw new Error(`key ${k} exists in ${store}`);
      of(store).set(k, clone({ ...value, [keyPath]: k }));
      return k;
    },
    async delete(store, key) { of(store).delete(key); },
  };
}
