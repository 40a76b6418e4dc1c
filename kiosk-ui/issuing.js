import { isRetryable, postToken } from './api.js';
import { newRequestId } from './ids.js';
import { patientPayload } from './validation.js';

// The one place that turns a patient's choices into a token. Screens only call issue() and reset(), so the
// offline path (reserved numbers, outbox) can later be added here without any screen changing.

const CHANNEL = 'KIOSK';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function tokenRequest(draft, requestId) {
  const request = { requestId, serviceCode: draft.serviceCode, priority: draft.priority, channel: CHANNEL };
  const patient = patientPayload(draft.patient);
  if (patient) request.patient = patient;
  return request;
}

export function createIssuer({ post = postToken, newId = newRequestId, retryDelaysMs = [700], wait = sleep } = {}) {
  // The server makes a retry safe only if it carries the same requestId AND the same body; a changed body
  // under an old id would be a 409, so a new body always gets a new id.
  let pending = null;

  function requestIdFor(draft) {
    const key = JSON.stringify(tokenRequest(draft, ''));
    if (pending?.key !== key) pending = { key, requestId: newId() };
    return pending.requestId;
  }

  return {
    async issue(draft) {
      const request = tokenRequest(draft, requestIdFor(draft));
      for (let attempt = 0; ; attempt += 1) {
        try {
          const token = await post(request);
          pending = null;
          return token;
        } catch (error) {
          if (!isRetryable(error) || attempt >= retryDelaysMs.length) throw error;
          await wait(retryDelaysMs[attempt]);
        }
      }
    },

    /** A new patient must never replay the previous patient's request and receive their token. */
    reset() {
      pending = null;
    },
  };
}
