import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoAnswer, fetchJson } from '../http.js';

const answering = (status, body, seen = []) => async (path, init) => {
  seen.push([path, init]);
  return new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), { status });
};

test('JSON goes out with its content type and comes back parsed, never from a cache', async () => {
  const seen = [];
  const answer = await fetchJson('/api/tokens', { method: 'POST', body: { a: 1 }, headers: { 'x-requested-with': 'fetch' }, fetchFn: answering(201, { id: 7 }, seen) });
  assert.deepEqual(answer, { status: 201, ok: true, statusText: '', data: { id: 7 } });
  const [[path, init]] = seen;
  assert.equal(path, '/api/tokens');
  assert.equal(init.body, '{"a":1}');
  assert.deepEqual(init.headers, { 'content-type': 'application/json', accept: 'application/json', 'x-requested-with': 'fetch' });
  assert.equal(init.cache, 'no-store');
});

test('a GET carries no body and no content type, and has no time limit unless given one', async () => {
  const seen = [];
  await fetchJson('/api/status', { fetchFn: answering(200, {}, seen) });
  assert.equal(seen[0][1].body, undefined);
  assert.equal(seen[0][1].headers['content-type'], undefined);
  assert.equal(seen[0][1].signal, undefined);
});

test('an answer that is not JSON (a proxy\'s error page, a 204) has no data but keeps its status', async () => {
  assert.deepEqual(await fetchJson('/x', { fetchFn: answering(502, '<html>Bad gateway</html>') }), { status: 502, ok: false, statusText: '', data: null });
  assert.deepEqual(await fetchJson('/x', { fetchFn: answering(204) }), { status: 204, ok: true, statusText: '', data: null });
});

test('no connection and no answer in time are NoAnswer, with the reason', async () => {
  await assert.rejects(fetchJson('/x', { fetchFn: async () => { throw new TypeError('Failed to fetch'); } }),
    (error) => error instanceof NoAnswer && error.reason === 'network');
  // AbortSignal.timeout's timer does not keep Node alive; a server that never answers holds a socket, so does this.
  const hang = (url, { signal }) => new Promise((resolve, reject) => {
    const socket = setTimeout(resolve, 5_000);
    signal.addEventListener('abort', () => { clearTimeout(socket); reject(signal.reason); });
  });
  await assert.rejects(fetchJson('/x', { fetchFn: hang, timeoutMs: 20 }), (error) => error instanceof NoAnswer && error.reason === 'timeout');
});
