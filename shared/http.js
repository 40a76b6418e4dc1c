// The one fetch of the front ends: JSON in and out, a time limit, and no exception but NoAnswer. Each app turns
// an answer that is not 2xx into its own errors (the kiosk's ProblemError, the console's Degraded, the pages'
// ApiProblem): what an answer means differs, how it is fetched does not.

export class NoAnswer extends Error {
  /** reason: 'timeout' (nothing within timeoutMs) or 'network' (no connection, refused, cut off). */
  constructor(reason) {
    super(`No answer from the server (${reason})`);
    this.name = 'NoAnswer';
    this.reason = reason;
  }
}

/**
 * Returns { status, ok, statusText, data }: `data` is the parsed JSON body, or null when there is none (204) or it
 * is not JSON (a proxy's HTML error page, a cut-off body must not surface as a parse error).
 * `timeoutMs` absent: no time limit.
 */
export async function fetchJson(path, { method = 'GET', body, headers = {}, timeoutMs, fetchFn = globalThis.fetch, ...init } = {}) {
  let response;
  try {
    response = await fetchFn(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
      ...init,
    });
  } catch (error) {
    throw new NoAnswer(error?.name === 'TimeoutError' ? 'timeout' : 'network');
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, ok: response.ok, statusText: response.statusText, data };
}
