import * as shared from '../shared/store.js';

// The offline console's durable storage: one IndexedDB database, `opd-console`, through the shared store
// (../shared/store.js), used by the online console (which remembers the counter here and replays what is left)
// and the offline page.

/** Released steps of the ladder, never changed: a console offline across an app update keeps its outbox. */
export const SCHEMA = shared.defineSchema('opd-console', [
  [1, 'settings'],
  [1, 'outbox', { keyPath: 'seq', autoIncrement: true }],
  [1, 'done', { keyPath: 'seq' }],
]);
export const DB_NAME = SCHEMA.name;
export const DB_VERSION = SCHEMA.version;
export const upgrade = SCHEMA.upgrade;

export const openStore = (options) => shared.openStore(SCHEMA, options);
export const memoryStore = () => shared.memoryStore(SCHEMA);
