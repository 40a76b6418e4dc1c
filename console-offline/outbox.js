import { createOutbox as sharedOutbox } from '../shared/outbox.js';

// The durable outbox of console actions (see ../shared/outbox.js), in the `outbox` store (auto-increment `seq` =
// the order they were done). An entry leaves it only when the server answered for it: `sent` (applied, duplicate, or a call relayed to the
// boards) or `refused` (final, with the reason). Either way it moves to the `done` store, which the list on
// screen shows; nothing else (no answer, a 5xx, a refused request) takes an entry out.

export const KEEP_DONE = 200;

export function createOutbox(store) {
  const outbox = sharedOutbox(store);
  return {
    /** Saved before the screen says "queued": the write must commit. */
    async add(action) {
      const seq = await outbox.add({ ...action, state: 'queued' });
      return { ...action, seq, state: 'queued' };
    },

    entries: outbox.entries,
    size: outbox.size,

    /** state: 'sent' or 'refused'; note: what the server said (applied, duplicate, relayed, or the reason). */
    async settle(entry, state, note) {
      await outbox.settle(entry, 'done', { ...entry, state, note: note ?? null, settledAt: new Date().toISOString() });
    },

    /** Queued and settled actions together, newest first, for the list on screen. Prunes old settled ones. */
    async history(limit = 50) {
      const settled = (await store.getAll('done')).sort((a, b) => a.seq - b.seq);
      for (const old of settled.slice(0, Math.max(0, settled.length - KEEP_DONE))) await store.delete('done', old.seq);
      const all = [...settled.slice(-KEEP_DONE), ...(await store.getAll('outbox'))];
      return all.sort((a, b) => b.seq - a.seq).slice(0, limit);
    },
  };
}

/** The counter remembered from the last online visit: { id, code, name, services, current }. */
export const COUNTER = 'counter';

export async function rememberedCounter(store) {
  return (await store.get('settings', COUNTER)) ?? null;
}

/** Every counter of the hospital, from the last visit to the online chooser: [{ id, name, services }]. */
export const COUNTERS = 'counters';

export async function rememberedCounters(store) {
  return (await store.get('settings', COUNTERS)) ?? [];
}

export async function rememberCounters(store, counters) {
  await store.put('settings', counters, COUNTERS);
}

export async function rememberCounter(store, counter) {
  const before = await rememberedCounter(store);
  const merged = before?.id === counter.id ? { ...before, ...counter } : counter;
  await store.put('settings', { ...merged, savedAt: new Date().toISOString() }, COUNTER);
}
