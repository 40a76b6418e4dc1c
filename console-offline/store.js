// The offline console's durable storage: one IndexedDB database, `opd-console`, shared by the online console
// (which remembers the counter here and replays what is left) and the offline page. Everything above this
// file sees a small promise API ({ get, getAll, put, add, delete }), so the logic is tested in Node with memoryStore().

export const DB_NAME = 'opd-console';
export const DB_VERSION = 1;

/**
 * Schema upgrades are a ladder: each step only adds, so a console that was offline across an app update keeps
 * its outbox. Never delete or recreate a store here.
 */
export function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    db.createObjectStore('settings');
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('done', { keyPath: 'seq' });
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
  async function run(storeNames, mode, fn) {
    const tx = db.transaction(storeNames, mode);
    const committed = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    const result = await fn(tx);
    await committed;
    return result;
  }
  const one = (store, mode, fn) => run(store, mode, (tx) => done(fn(tx.objectStore(store))));

  return {
    get: (store, key) => one(store, 'readonly', (s) => s.get(key)),
    getAll: (store) => one(store, 'readonly', (s) => s.getAll()),
    put: (store, value, key) => one(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key))),
    add: (store, value) => one(store, 'readwrite', (s) => s.add(value)),
    delete: (store, key) => one(store, 'readwrite', (s) => s.delete(key)),
    /** Writes `value` into `to` and deletes `key` from `from` in one transaction: an entry is never in both or neither. */
    move: (from, key, to, value) => run([from, to], 'readwrite', async (tx) => {
      await done(tx.objectStore(to).put(value));
      await done(tx.objectStore(from).delete(key));
    }),
  };
}

/** The same API in memory, for unit tests. */
export function memoryStore() {
  const KEYS = { outbox: 'seq', done: 'seq' };
  const stores = new Map();
  let seq = 0;
  const of = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    return stores.get(name);
  };
  const clone = (value) => (value === undefined ? undefined : structuredClone(value));
  const sorted = (map) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => clone(v));
  const api = {
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
    async move(from, key, to, value) {
      await api.put(to, value);
      await api.delete(from, key);
    },
  };
  return api;
}
