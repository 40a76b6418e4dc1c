// The durable outbox both offline apps keep: entries in an auto-increment store (`seq` = the order they were made),
// sent oldest first. An entry is never taken out to be sent: it stays in place until the server answered for it,
// so no answer, a 5xx, a refused batch or a tab closed mid-send all leave it where it was, to go again.
// Only a settled answer (2xx "created/applied", "duplicate", or a final refusal) takes it out: delivered, or moved
// to a store of settled entries in the same transaction.

export function createOutbox(store, name = 'outbox') {
  return {
    /** The write must commit before the screen says "kept": returns the entry's seq. */
    add(entry) {
      return store.add(name, entry);
    },

    async entries() {
      return (await store.getAll(name)).sort((a, b) => a.seq - b.seq);
    },

    async size() {
      return (await store.getAll(name)).length;
    },

    /** Delivered: the server took it (or had it already). */
    delivered(seq) {
      return store.delete(name, seq);
    },

    /** Settled and kept for staff: written to `into` and taken out of the outbox at once. */
    settle(entry, into, record) {
      return store.move(name, entry.seq, into, record);
    },
  };
}

/**
 * The server's answer about each entry of a batch: results come in request order; a result whose id does not
 * match its entry's is taken as no answer, so the entry stays.
 */
export function answersFor(batch, results, idField) {
  return batch.map((entry, i) => (results?.[i]?.[idField] === entry[idField] ? results[i] : null));
}
