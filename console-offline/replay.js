import { answersFor } from '../shared/outbox.js';
import { replayItem } from './actions.js';
import { Degraded, Refused } from './api.js';

// Sends the outbox, oldest first, to POST /api/counters/{id}/offline-actions (consecutive actions of one counter in
// one request). Safe to repeat: the server answers "duplicate" for an action id it already applied.
// While the database is away (Degraded) that endpoint cannot apply anything, but the boards can still show calls:
// each queued call goes to POST /api/counters/{id}/call instead, which relays it and journals it when the
// database is back. Completes and no-shows wait for the database.

export const BATCH = 100;

/** What to do with an outbox entry after the server's answer about it. */
export function decide(result) {
  if (result?.result === 'applied' || result?.result === 'duplicate') return 'sent';
  if (result?.result === 'refused') return 'refused';
  return 'keep';
}

/**
 * Returns { sent, refused, relayed, kept, mode: 'normal'|'degraded'|'offline', failed }: `failed` is the error
 * that stopped it (what it covered stays queued).
 */
export async function replay({ outbox, postActions, callByNumber, now = () => new Date(), batchSize = BATCH }) {
  const totals = { sent: 0, refused: 0, relayed: 0, kept: 0, mode: 'normal', failed: null };
  const entries = await outbox.entries();
  for (let i = 0; i < entries.length;) {
    const counterId = entries[i].counterId;
    const batch = [];
    while (i < entries.length && entries[i].counterId === counterId && batch.length < batchSize) batch.push(entries[i++]);
    let answer;
    try {
      answer = await postActions(counterId, { sentAt: now().toISOString(), actions: batch.map(replayItem) });
    } catch (error) {
      if (error instanceof Degraded) return relayCalls(entries.slice(i - batch.length), { outbox, callByNumber }, totals);
      totals.failed = error;
      totals.mode = error instanceof Refused ? 'normal' : 'offline';
      totals.kept = entries.length - (i - batch.length);
      return totals;
    }
    const results = answersFor(batch, answer?.results, 'actionId');
    for (let j = 0; j < batch.length; j += 1) {
      const result = results[j];
      const action = decide(result);
      if (action === 'sent') {
        await outbox.settle(batch[j], 'sent', result.result);
        totals.sent += 1;
      } else if (action === 'refused') {
        await outbox.settle(batch[j], 'refused', result.reason);
        totals.refused += 1;
      } else {
        totals.kept += 1;
      }
    }
  }
  return totals;
}

async function relayCalls(entries, { outbox, callByNumber }, totals) {
  totals.mode = 'degraded';
  for (let k = 0; k < entries.length; k += 1) {
    const entry = entries[k];
    if (entry.kind !== 'CALL') {
      totals.kept += 1;
      continue;
    }
    try {
      const answer = await callByNumber(entry.counterId, entry.number);
      await outbox.settle(entry, 'sent', answer?.relayed ? 'relayed to the boards' : 'applied');
      totals.relayed += 1;
    } catch (error) {
      if (error instanceof Refused && error.status === 400) {
        await outbox.settle(entry, 'refused', error.message);
        totals.refused += 1;
        continue;
      }
      // no answer, or the database came back meanwhile (the next round sends it the normal way)
      totals.failed = error;
      totals.kept += entries.length - k;
      return totals;
    }
  }
  return totals;
}
