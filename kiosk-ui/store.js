import * as shared from '../shared/store.js';

// The kiosk's durable storage: one IndexedDB database, `opd-kiosk`, through the shared store (../shared/store.js).

/**
 * Released steps of the ladder, never changed: a kiosk holding offline tokens across an app update keeps them.
 * Version 1: settings, the reserved number blocks and the outbox; version 2: the slips the server refused.
 */
export const SCHEMA = shared.defineSchema('opd-kiosk', [
  [1, 'settings'],
  [1, 'reserve', { keyPath: 'id' }],
  [1, 'outbox', { keyPath: 'seq', autoIncrement: true }],
  [2, 'rejected', { keyPath: 'seq' }],
]);
export const DB_NAME = SCHEMA.name;
export const DB_VERSION = SCHEMA.version;
export const upgrade = SCHEMA.upgrade;

export const openStore = (options) => shared.openStore(SCHEMA, options);
export const memoryStore = () => shared.memoryStore(SCHEMA);
