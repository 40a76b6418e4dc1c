import { createOutbox as sharedOutbox } from '../shared/outbox.js';

// The durable outbox of tokens issued offline (see ../shared/outbox.js). An entry leaves it only when the server
// answered "created" or "duplicate" for it; "rejected" moves it to the `rejected` store, where it is kept for staff;
// anything else (no answer, 5xx, a refused batch) leaves it in place.

export function createOutbox(store) {
  const outbox = sharedOutbox(store);
  return {
    /** Saved before the slip prints: the write must commit, or the patient does not get this number. */
    add: outbox.add,
    entries: outbox.entries,
    size: outbox.size,

    async rejectedCount() {
      return (await store.getAll('rejected')).length;
    },

    /** What the server refused, with its reason: kept for staff (see refused.js). */
    rejected() {
      return store.getAll('rejected');
    },

    remove: outbox.delivered,

    reject(entry, reason) {
      return outbox.settle(entry, 'rejected', { ...entry, reason: reason ?? 'rejected', rejectedAt: new Date().toISOString() });
    },
  };
}

/** What the sync request carries for one entry: only the fields the server's OfflineToken knows. */
export function syncItem(entry) {
  const item = {
    requestId: entry.requestId,
    serviceCode: entry.serviceCode,
    priority: entry.priority,
    offlineNumber: entry.offlineNumber,
    issuedAt: entry.issuedAt,
  };
  if (entry.patient) item.patient = entry.patient;
  return item;
}
