import { NoAnswer, fetchJson } from '../shared/http.js';

// The kiosk's only door to the server. Screens never see a raw exception: a call either returns JSON or throws
// a ProblemError (the server answered and refused) or an UnreachableError (no usable answer at all).

const TIMEOUT_MS = 4000;

export class ProblemError extends Error {
  constructor(problem) {
    super(problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type ?? 'about:blank';
  }
}

export class UnreachableError extends Error {
  constructor(reason) {
    super(`Server unreachable (${reason})`);
    this.name = 'UnreachableError';
    this.reason = reason;
  }
}

/** Worth sending again with the same requestId: nothing came back, or the server (or its database) is down. */
export function isRetryable(error) {
  return error instanceof UnreachableError || (error instanceof ProblemError && error.status >= 500);
}

export async function call(path, { timeoutMs = TIMEOUT_MS, ...options } = {}) {
  let answer;
  try {
    answer = await fetchJson(path, { ...options, timeoutMs });
  } catch (error) {
    throw new UnreachableError(error instanceof NoAnswer ? error.reason : 'network');
  }
  if (answer.ok) return answer.data;
  throw new ProblemError(answer.data?.status ? answer.data : { status: answer.status, title: answer.statusText });
}

export const getStatus = (options) => call('/api/status', options);
export const getServices = (options) => call('/api/services', options);
export const getPriorityCategories = (options) => call('/api/priority-categories', options);
/** { askDetails, audio }: how the hospital set its kiosks' screens (opd.kiosk.* on the server). */
export const getKioskSettings = (options) => call('/api/kiosk-settings', options);

// The kiosk's key is `<deviceCode>.<secret>`, given once by an admin (see README). The server issues tokens to
// enrolled kiosks (and staff); without a key a kiosk gets tokens only where the hospital lets anyone have them.
const deviceHeaders = (key) => ({ authorization: `Device ${key}` });

/** 201 for a new token, 200 for the same token when this requestId was already issued: both are success. */
export const postToken = (request, options = {}, key = null) => call('/api/tokens',
  { ...options, method: 'POST', body: request, headers: { ...options.headers, ...(key ? deviceHeaders(key) : {}) } });

export const deviceCode = (key) => key.slice(0, key.indexOf('.'));

/** A block of offline numbers for one service today: { serviceCode, prefix, series, businessDay, from, to }. */
export const reserveNumbers = (key, serviceCode, count, options) => call(`/api/devices/${encodeURIComponent(deviceCode(key))}/reserve`,
  { ...options, method: 'POST', headers: deviceHeaders(key), body: { serviceCode, count } });

/** Merges offline tokens: { results: [{ requestId, result: created|duplicate|rejected, reason? }] } in order. */
export const syncTokens = (key, batch, options) => call('/api/sync/tokens',
  { timeoutMs: 30000, ...options, method: 'POST', headers: deviceHeaders(key), body: batch });

/** Today's appointments of a number or mobile: [{ choice, initials, slotStart, checkInFrom, serviceCode, checkedIn }]. */
export const findAppointments = (key, query, options) => call('/api/appointments/find',
  { ...options, method: 'POST', headers: deviceHeaders(key), body: { query } });

/** { token, created, lateWalkIn, slotStart }: 201 checked in now, 200 checked in before (the same token). */
export const checkInAppointment = (key, choice, options) => call('/api/appointments/check-in',
  { ...options, method: 'POST', headers: deviceHeaders(key), body: { choice } });
