import { fetchJson } from '/shared/http.js';

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

/** Worth sending again under the same request id: nothing came back, so the server may not have it. */
export const noAnswer = (problem) => problem instanceof ApiProblem && problem.status === 0;

/** `timeoutMs`: give up after this long (a status 0 problem, as when the server cannot be reached). */
export async function api(method, path, body, { timeoutMs, fetchFn } = {}) {
  let answer;
  try {
    answer = await fetchJson(path, { method, body, timeoutMs, fetchFn, headers: { 'x-requested-with': 'fetch' } });
  } catch {
    throw new ApiProblem(0, 'The server cannot be reached. Check the network; use the paper token book if it stays down.');
  }
  if (answer.ok) return answer.data;
  if (answer.status === 401) {
    throw new ApiProblem(401, 'Your log-in has ended. Please log in again (reload the page).');
  }
  if (answer.status === 403) {
    throw new ApiProblem(403, 'Your role may not do this.');
  }
  const data = answer.data;
  throw new ApiProblem(answer.status, data?.detail || `The server answered ${answer.status}.`, data?.errors || [], data?.type ?? null);
}

/** A request id for POST /api/tokens and /api/paper/entries. */
export { newRequestId as requestId } from '/shared/ids.js';
