import { NoAnswer, fetchJson } from '../shared/http.js';

// The offline console's only door to the server. A call returns JSON or throws one of:
// Unreachable (no answer within the time limit, a network error, or a 5xx that is not our problem+json),
// Degraded (503: the server is up, its database is not), LoggedOut (401), Refused (any other problem answer).

export const TIMEOUT_MS = 2000;

export class Unreachable extends Error {
  constructor(reason) {
    super(`The server cannot be reached (${reason}).`);
    this.name = 'Unreachable';
  }
}

export class Refused extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.name = 'Refused';
    this.status = status;
    this.type = problem?.type ?? null;
  }
}

export class Degraded extends Refused {
  constructor(problem) {
    super(503, problem);
    this.name = 'Degraded';
  }
}

export class LoggedOut extends Refused {
  constructor(problem) {
    super(401, problem);
    this.name = 'LoggedOut';
    this.message = 'Your log-in has ended: log in again to send what is queued.';
  }
}

/** What an answer that is not 2xx means for the console. */
export function classify(status, problem) {
  const ours = typeof problem?.type === 'string' && problem.type.startsWith('/problems/');
  if (status === 503 && problem?.type === '/problems/degraded') return new Degraded(problem);
  if (status === 401) return new LoggedOut(problem);
  if (status >= 500 && !ours) return new Unreachable(`HTTP ${status}`);
  return new Refused(status, problem);
}

/** True when the console should work offline: no usable answer, or the database is away. */
export function serverGone(error) {
  return error instanceof Unreachable || error instanceof Degraded;
}

export async function call(path, { timeoutMs = TIMEOUT_MS, ...options } = {}) {
  let answer;
  try {
    answer = await fetchJson(path, { ...options, timeoutMs, headers: { 'x-requested-with': 'fetch' }, credentials: 'same-origin' });
  } catch (error) {
    throw new Unreachable(error instanceof NoAnswer && error.reason === 'timeout' ? 'no answer in time' : 'network');
  }
  if (answer.ok) return answer.data;
  throw classify(answer.status, answer.data);
}

export const getStatus = (options) => call('/api/status', options);

/** { results: [{ actionId, result: applied|duplicate|refused, reason? }] }, in request order. */
export const postActions = (counterId, outbox, options) => call(`/api/counters/${encodeURIComponent(counterId)}/offline-actions`,
  { timeoutMs: 15000, ...options, method: 'POST', body: outbox });

/** A call by number: 202 while the database is away (relayed to the boards), 200 when it is back. */
export const callByNumber = (counterId, number, options) => call(`/api/counters/${encodeURIComponent(counterId)}/call`,
  { ...options, method: 'POST', body: { number } });
