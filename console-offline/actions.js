import { newRequestId } from '../shared/ids.js';

// What staff do on the offline console, as outbox entries: an id made here (the server applies each id once),
// the counter, the number as the queue writes it, and this PC's clock at the moment.

/** Online (MED-042), kiosk (MED-K007) and paper (MED-P0012) numbers; the same rule as the server's. */
const NUMBER = /^[A-Z0-9]{1,8}-[A-Z0-9]{1,12}$/;

export const KINDS = ['CALL', 'COMPLETE', 'NO_SHOW'];

/** The number as typed or scanned, in the queue's spelling, or null when it cannot be a token number. */
export function normalizeNumber(text) {
  const number = String(text ?? '').trim().toUpperCase().replace(/\s+/g, '');
  return NUMBER.test(number) ? number : null;
}

/** The id the server applies each action once by. */
export { newRequestId as actionId };

export function makeAction(kind, counterId, number, { now = () => new Date(), id = newRequestId } = {}) {
  if (!KINDS.includes(kind)) throw new Error(`unknown action ${kind}`);
  return { actionId: id(), kind, counterId: Number(counterId), number, at: now().toISOString() };
}

/** What the replay request carries for one entry: only the fields the server's OfflineAction knows. */
export function replayItem(entry) {
  return { actionId: entry.actionId, kind: entry.kind, number: entry.number, at: entry.at };
}

/** Words for the list on screen. */
export const KIND_WORDS = { CALL: 'Call', COMPLETE: 'Complete', NO_SHOW: 'No-show' };
