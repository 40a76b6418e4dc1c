// The durable outbox of tokens issued offline, in the `outbox` store (auto-increment `seq` = issue order).
// An entry leaves it only when the server answered "created" or "duplicate" for it; "rejected" moves it to the
// `rejected` store, where it is kept for staff; anything else (no answer, 5xx, a refused batch) leaves it in place.

export function createOutbox(store) {
  return {
    /** Saved before the slip prints: the write must commit, or the patient does not get this number. */
    add(entry) {
      return store.add('outbox', entry);
    },

    async entries() {
      return (await store.getAll('outbox')).sort((a, b) => a.seq - b.seq);
    },

    async size() {
      return (await store.getAll('outbox')).length;
    },

    async rejectedCount() {
      return (await store.getAll('rejected')).length;
    },

    /** What the server refused, with its reason: kept for staff (see refused.js). */
    rejected() {
      return store.getAll('rejected');
    },

    remove(seq) {
      return store.delete('outbox', seq);
    },

    async reject(entry, reason) {
      await store.put('rejected', { ...entry, reason: reason ?? 'rejected', rejectedAt: new Date().toISOString() });
      await store.delete('outbox', entry.seq);
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
