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

export async function call(path, { method = 'GET', body, headers = {}, timeoutMs = TIMEOUT_MS, fetchFn = globalThis.fetch } = {}) {
  let response;
  try {
    response = await fetchFn(path, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new UnreachableError(error?.name === 'TimeoutError' ? 'timeout' : 'network');
  }
  // A proxy's HTML error page or a cut-off body must not surface as a parse error.
  const payload = await response.json().catch(() => null);
  if (response.ok) return payload;
  throw new ProblemError(payload?.status ? payload : { status: response.status, title: response.statusText });
}

export const getStatus = (options) => call('/api/status', options);
export const getServices = (options) => call('/api/services', options);
export const getPriorityCategories = (options) => call('/api/priority-categories', options);

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
