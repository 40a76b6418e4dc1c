import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError, UnreachableError, call, isRetryable } from '../api.js';

const answer = (status, body, type = 'application/json') => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });

test('JSON answers come back as data', async () => {
  assert.deepEqual(await call('/api/status', { fetchFn: answer(200, { mode: 'NORMAL' }) }), { mode: 'NORMAL' });
});

test('a problem+json answer becomes a ProblemError carrying the problem', async () => {
  const problem = { type: '/problems/invalid-input', status: 400, errors: [{ field: 'patient.mobile', message: 'bad' }] };
  await assert.rejects(call('/api/tokens', { fetchFn: answer(400, problem, 'application/problem+json') }), (error) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 400);
    assert.deepEqual(error.problem.errors, problem.errors);
    assert.equal(isRetryable(error), false);
    return true;
  });
});

test('a proxy error page is still a ProblemError, and a 5xx is worth retrying', async () => {
  await assert.rejects(call('/api/tokens', { fetchFn: answer(502, '<html>Bad gateway</html>', 'text/html') }), (error) => {
    assert.equal(error.status, 502);
    assert.equal(isRetryable(error), true);
    return true;
  });
});

test('no answer at all is an UnreachableError', async () => {
  const fetchFn = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(call('/api/tokens', { fetchFn }), (error) => error instanceof UnreachableError && isRetryable(error));
  // AbortSignal.timeout's timer does not keep Node alive; a server that never answers holds a socket, so does this.
  const hang = (url, { signal }) => new Promise((resolve, reject) => {
    const socket = setTimeout(resolve, 5_000);
    signal.addEventListener('abort', () => { clearTimeout(socket); reject(signal.reason); });
  });
  await assert.rejects(call('/api/tokens', { fetchFn: hang, timeoutMs: 20 }), (error) => error.reason === 'timeout');
});
