import { answersFor } from '../shared/outbox.js';
import { isRetryable } from './api.js';
import { syncItem } from './outbox.js';

// Brings the kiosk back: while offline it asks GET /api/status every few seconds; once the server answers NORMAL
// it replays the outbox, oldest first, in batches, through POST /api/sync/tokens. Replaying is safe to repeat:
// the server answers "duplicate" for a requestId it already merged.

export const BATCH = 200;

/** What to do with an outbox entry after the server's answer about it. */
export function decide(result) {
  if (result?.result === 'created' || result?.result === 'duplicate') return 'remove';
  if (result?.result === 'rejected') return 'reject';
  return 'keep';
}

/**
 * Sends the outbox once. Returns { sent, removed, rejected, failed }: `failed` is the error that stopped it
 * (nothing after it was sent, nothing it covered was removed).
 */
export async function replay({ outbox, postSync, batchSize = BATCH, now = () => new Date() }) {
  const totals = { sent: 0, removed: 0, rejected: 0, failed: null };
  const entries = await outbox.entries();
  for (let i = 0; i < entries.length; i += batchSize) {
    const batch = entries.slice(i, i + batchSize);
    let answer;
    try {
      answer = await postSync({ sentAt: now().toISOString(), tokens: batch.map(syncItem) });
    } catch (error) {
      totals.failed = error;
      return totals;
    }
    totals.sent += batch.length;
    const results = answersFor(batch, answer?.results, 'requestId');
    for (let j = 0; j < batch.length; j += 1) {
      const result = results[j];
      const action = decide(result);
      if (action === 'remove') {
        await outbox.remove(batch[j].seq);
        totals.removed += 1;
      } else if (action === 'reject') {
        await outbox.reject(batch[j], result.reason);
        totals.rejected += 1;
      }
    }
  }
  return totals;
}

/**
 * The loop: `online` is what the kiosk believes; onChange tells the app (banner, staff corner, refused slips).
 * check() probes and replays; start() runs it every `intervalMs` while offline or while the outbox has entries.
 */
export function createSync({ outbox, postSync, getStatus, intervalMs = 5000, onChange = () => {}, onStatus = () => {} }) {
  let online = true;
  let running = null;
  let timer = null;

  const report = async () => {
    const refused = await outbox.rejected();
    onChange({ online, pending: await outbox.size(), rejected: refused.length, refused });
  };

  async function checkOnce() {
    let status = null;
    try {
      status = await getStatus({ timeoutMs: 2000 });
    } catch {
      status = null;
    }
    if (status) onStatus(status);
    const normal = status?.mode === 'NORMAL';
    let back = normal;
    if (normal && (await outbox.size()) > 0) {
      // Online again only once the outbox is in: the server queues no offline token from before the kiosk's last
      // online token, so one issued online first would push the patients who waited in the dark back behind it.
      const result = await replay({ outbox, postSync });
      if (result.failed) console.warn('outbox replay stopped', result.failed);
      back = !(result.failed && isRetryable(result.failed));
    }
    online = back;
    await report();
  }

  return {
    isOnline: () => online,

    /** Issuing failed to reach the server: go offline now, without waiting for the next probe. */
    async wentOffline() {
      online = false;
      await report();
    },

    async changed() {
      await report();
    },

    /** One probe (and replay if the server is back); concurrent calls share the one in flight. */
    check() {
      if (!running) running = checkOnce().finally(() => { running = null; });
      return running;
    },

    start() {
      if (timer) return;
      const tick = async () => {
        try {
          if (!online || (await outbox.size()) > 0) await this.check();
        } catch (error) {
          console.warn('sync check failed', error);
        } finally {
          timer = setTimeout(tick, intervalMs);
        }
      };
      timer = setTimeout(tick, intervalMs);
    },

    stop() {
      clearTimeout(timer);
      timer = null;
    },
  };
}
