// The staff pages' one way to call the JSON API: the log-in cookie goes along, and every failure
// comes back as an ApiProblem with a sentence a clerk can read.
export class ApiProblem extends Error {
  constructor(status, detail, errors = [], type = null) {
    super(detail);
    this.status = status;
    this.errors = errors;
    this.type = type;
  }
}

/** `timeoutMs`: give up after this long (a status 0 problem, as when the server cannot be reached). */
export async function api(method, path, body, { timeoutMs } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'fetch' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let answer;
  try {
    answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined });
  } catch {
    throw new ApiProblem(0, 'The server cannot be reached. Check the network; use the paper token book if it stays down.');
  }
  if (answer.status === 204) return null;
  const data = await answer.json().catch(() => null);
  if (answer.ok) return data;
  if (answer.status === 401) {
    throw new ApiProblem(401, 'Your log-in has ended. Please log in again (reload the page).');
  }
  if (answer.status === 403) {
    throw new ApiProblem(403, 'Your role may not do this.');
  }
  throw new ApiProblem(answer.status, data?.detail || `The server answered ${answer.status}.`, data?.errors || [], data?.type ?? null);
}

/** A request id for POST /api/tokens; crypto.randomUUID needs https, a hospital LAN often has none. */
export function requestId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
