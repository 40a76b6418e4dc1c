import { isRetryable, postToken } from './api.js';
import { newRequestId } from '../shared/ids.js';
import { patientPayload } from './validation.js';

// The one place that turns a patient's choices into a token. Screens only call issue() and reset().
// Online first; with an enrolled kiosk (`offline` given), a server that does not answer in ~2 s, answers 5xx,
// or is already known to be away, is no reason to turn the patient back: the token comes from the numbers the
// server reserved for this kiosk and goes into the outbox, to be merged when the server is back.

const CHANNEL = 'KIOSK';
const ONLINE_TIMEOUT_MS = 2000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Offline and the reserve for this service is used up: the kiosk must not make a number up. */
export class NoReserveError extends Error {
  constructor(serviceCode) {
    super(`No offline numbers left for ${serviceCode}`);
    this.name = 'NoReserveError';
  }
}

export function tokenRequest(draft, requestId) {
  const request = { requestId, serviceCode: draft.serviceCode, priority: draft.priority, channel: CHANNEL };
  const patient = patientPayload(draft.patient);
  if (patient) request.patient = patient;
  return request;
}

/** The outbox entry for a token issued offline (the fields of the server's OfflineToken). */
export function offlineEntry(draft, requestId, offlineNumber, issuedAt) {
  const entry = { requestId, serviceCode: draft.serviceCode, priority: draft.priority, offlineNumber, issuedAt };
  const patient = patientPayload(draft.patient);
  if (patient) entry.patient = patient;
  return entry;
}

/**
 * offline: { isOnline(), take(serviceCode) → { number } | null, record(entry), wentOffline() } — absent on a
 * kiosk without a device key, which then only works online.
 */
export function createIssuer({
  post = postToken, newId = newRequestId, retryDelaysMs = [700], wait = sleep, offline = null,
  now = () => new Date(), onlineTimeoutMs = ONLINE_TIMEOUT_MS,
} = {}) {
  // The server makes a retry safe only if it carries the same requestId AND the same body; a changed body
  // under an old id would be a 409, so a new body always gets a new id.
  let pending = null;

  function pendingFor(draft) {
    const key = JSON.stringify(tokenRequest(draft, ''));
    if (pending?.key !== key) pending = { key, requestId: newId(), offlineId: null };
    return pending;
  }

  async function issueOffline(draft, request) {
    // Its own requestId, made once for this patient's request: an online attempt that timed out may still have
    // reached the server, and the patient's printed offline number must then not be refused on merge.
    request.offlineId ??= newId();
    const taken = await offline.take(draft.serviceCode);
    if (!taken) throw new NoReserveError(draft.serviceCode);
    const issuedAt = now().toISOString();
    await offline.record(offlineEntry(draft, request.offlineId, taken.number, issuedAt));
    pending = null;
    return {
      offline: true,
      number: taken.number,
      serviceCode: draft.serviceCode,
      priority: draft.priority,
      issuedAt,
      peopleAhead: null,
      estimatedWaitMinutes: null,
    };
  }

  return {
    async issue(draft) {
      const mine = pendingFor(draft);
      const request = tokenRequest(draft, mine.requestId);
      if (offline && !offline.isOnline()) return issueOffline(draft, mine);
      const delays = offline ? [] : retryDelaysMs;
      for (let attempt = 0; ; attempt += 1) {
        try {
          const token = await post(request, offline ? { timeoutMs: onlineTimeoutMs } : undefined);
          pending = null;
          return token;
        } catch (error) {
          if (offline && isRetryable(error)) {
            await offline.wentOffline();
            return issueOffline(draft, mine);
          }
          if (!isRetryable(error) || attempt >= delays.length) throw error;
          await wait(delays[attempt]);
        }
      }
    },

    /** A new patient must never replay the previous patient's request and receive their token. */
    reset() {
      pending = null;
    },
  };
}
