// Just enough of IndexedDB, in memory, to open real databases through ../store.js in Node: versions and the
// upgradeneeded event with oldVersion, stores created (ConstraintError when one exists) and deleted, keyPath and
// autoIncrement keys, requests answered in order, transactions that commit when their last request is done and
// roll back whole when one fails. Databases persist per factory, across close and open, as on a kiosk's disk.

const later = (fn) => setTimeout(fn, 0);

function domError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function copyStores(stores) {
  return new Map([...stores].map(([name, s]) => [name, { ...s, records: new Map(s.records) }]));
}

function request(source) {
  return { source, result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, readyState: 'pending' };
}

export function createFactory() {
  const databases = new Map(); // name → { version, stores: Map(name → { keyPath, autoIncrement, nextKey, records }) }

  function connection(db) {
    let closed = false;
    return {
      get version() { return db.version; },
      get objectStoreNames() { return [...db.stores.keys()].sort(); },
      close() { closed = true; },
      createObjectStore(name, options = {}) {
        if (!db.upgrading) throw domError('InvalidStateError', 'not in a version change');
        if (db.stores.has(name)) throw domError('ConstraintError', `object store ${name} exists`);
        db.stores.set(name, { keyPath: options.keyPath, autoIncrement: Boolean(options.autoIncrement), nextKey: 1, records: new Map() });
      },
      deleteObjectStore(name) {
        if (!db.upgrading) throw domError('InvalidStateError', 'not in a version change');
        if (!db.stores.delete(name)) throw domError('NotFoundError', `no object store ${name}`);
      },
      transaction(names, mode = 'readonly') {
        if (closed) throw domError('InvalidStateError', 'the connection is closed');
        const scope = [names].flat();
        for (const name of scope) if (!db.stores.has(name)) throw domError('NotFoundError', `no object store ${name}`);
        return transaction(db, scope, mode);
      },
    };
  }

  function transaction(db, scope, mode) {
    const before = copyStores(db.stores);
    let pending = 0;
    let finished = false;
    const tx = { mode, error: null, oncomplete: null, onerror: null, onabort: null };

    function abort(error) {
      if (finished) return;
      finished = true;
      for (const name of scope) db.stores.set(name, before.get(name));
      tx.error = error;
      tx.onerror?.({ target: tx });
      tx.onabort?.({ target: tx });
    }

    function maybeCommit() {
      later(() => {
        if (finished || pending > 0) return;
        finished = true;
        tx.oncomplete?.({ target: tx });
      });
    }

    function issue(store, operation) {
      if (finished) throw domError('TransactionInactiveError', 'the transaction has finished');
      const req = request(store);
      pending += 1;
      later(() => {
        pending -= 1;
        if (finished) return;
        try {
          req.result = operation();
          req.readyState = 'done';
          req.onsuccess?.({ target: req });
          maybeCommit();
        } catch (error) {
          req.error = error;
          req.readyState = 'done';
          req.onerror?.({ target: req });
          abort(error);
        }
      });
      return req;
    }

    tx.objectStore = (name) => {
      if (!scope.includes(name)) throw domError('NotFoundError', `${name} is not in this transaction`);
      const writable = () => {
        if (mode === 'readonly') throw domError('ReadOnlyError', 'read-only transaction');
      };
      const s = () => db.stores.get(name);
      const keyOf = (value, key) => {
        const store = s();
        if (store.keyPath !== undefined) {
          if (key !== undefined) throw domError('DataError', 'a key given for a store with a keyPath');
          if (value?.[store.keyPath] !== undefined) return { key: value[store.keyPath], value };
          if (!store.autoIncrement) throw domError('DataError', `the value has no ${store.keyPath}`);
          const generated = store.nextKey;
          return { key: generated, value: { ...value, [store.keyPath]: generated } };
        }
        if (key !== undefined) return { key, value };
        if (store.autoIncrement) return { key: store.nextKey, value };
        throw domError('DataError', 'no key');
      };
      const write = (value, key, mustBeNew) => {
        writable();
        const store = s();
        const keyed = keyOf(structuredClone(value), key);
        if (mustBeNew && store.records.has(keyed.key)) throw domError('ConstraintError', `key ${keyed.key} exists in ${name}`);
        store.records.set(keyed.key, keyed.value);
        if (store.autoIncrement && typeof keyed.key === 'number' && keyed.key >= store.nextKey) store.nextKey = Math.floor(keyed.key) + 1;
        return keyed.key;
      };
      return {
        get: (key) => issue(name, () => structuredClone(s().records.get(key))),
        getAll: () => issue(name, () => [...s().records.entries()].sort(([a], [b]) => compare(a, b)).map(([, v]) => structuredClone(v))),
        put: (value, key) => issue(name, () => write(value, key, false)),
        add: (value, key) => issue(name, () => write(value, key, true)),
        delete: (key) => issue(name, () => { writable(); s().records.delete(key); }),
      };
    };
    maybeCommit(); // a transaction with no request commits at once
    return tx;
  }

  return {
    open(name, version) {
      const req = request(null);
      later(() => {
        const db = databases.get(name) ?? { version: 0, stores: new Map() };
        const wanted = version ?? Math.max(db.version, 1);
        if (wanted < db.version) {
          req.error = domError('VersionError', `requested ${wanted}, the database is at ${db.version}`);
          req.onerror?.({ target: req });
          return;
        }
        const conn = connection(db);
        req.result = conn;
        if (wanted > db.version) {
          const before = { version: db.version, stores: copyStores(db.stores) };
          db.upgrading = true;
          try {
            req.onupgradeneeded?.({ target: req, oldVersion: before.version, newVersion: wanted });
          } catch (error) {
            db.upgrading = false;
            Object.assign(db, before);
            req.result = undefined;
            req.error = error;
            req.onerror?.({ target: req });
            return;
          } finally {
            db.upgrading = false;
          }
          db.version = wanted;
          databases.set(name, db);
        }
        req.onsuccess?.({ target: req });
      });
      return req;
    },
  };
}
