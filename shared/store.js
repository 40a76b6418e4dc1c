// A small promise API over one IndexedDB database ({ get, getAll, put, add, delete, move }), so the offline logic
// of the kiosk and the offline console is tested in Node with memoryStore(), and the opening, upgrading and
// committing is written once.

/**
 * A database's stores as a list of [version, name, options]: the upgrade is the `if (oldVersion < N)` ladder this
 * list spells. A step only adds: a device that was offline across an app update keeps its outbox, so a store is
 * never deleted or created again, and a released step is never changed (add a step with the next version).
 */
export function defineSchema(name, steps) {
  const version = Math.max(...steps.map(([v]) => v));
  const keyPaths = Object.fromEntries(steps.map(([, store, options]) => [store, options?.keyPath]));
  function upgrade(db, oldVersion) {
    for (const [since, store, options] of steps) {
      if (oldVersion < since) db.createObjectStore(store, options);
    }
  }
  return { name, version, upgrade, keyPaths };
}

const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

export async function openStore(schema, { idb = globalThis.indexedDB, name = schema.name } = {}) {
  const opening = idb.open(name, schema.version);
  opening.onupgradeneeded = (event) => schema.upgrade(opening.result, event.oldVersion);
  const db = await done(opening);

  // Resolves when the transaction commits, so a caller never takes a write for granted.
  async function run(storeNames, mode, fn) {
    const tx = db.transaction(storeNames, mode);
    const committed = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    // Both awaited together: when a request fails, the abort that follows is not left as an unhandled rejection.
    const [result] = await Promise.all([fn(tx), committed]);
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
    close: () => db.close(),
  };
}

/** The same API in memory, for unit tests (and as a last resort where IndexedDB is unavailable). */
export function memoryStore(schema) {
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
      const k = key ?? value[schema.keyPaths[store]];
      of(store).set(k, clone(value));
      return k;
    },
    async add(store, value) {
      const keyPath = schema.keyPaths[store];
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
    close() {},
  };
  return api;
}
