import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError, UnreachableError, call, isRetryable, postToken } from '../api.js';

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

test('an enrolled kiosk issues online with its key, as JSON', async () => {
  const sent = [];
  const fetchFn = async (path, init) => { sent.push(init.headers); return answer(201, { id: 1 })(); };
  await postToken({ requestId: 'r1' }, { fetchFn }, 'KIOSK1.secret');
  await postToken({ requestId: 'r2' }, { fetchFn });
  assert.equal(sent[0].authorization, 'Device KIOSK1.secret');
  assert.equal(sent[0]['content-type'], 'application/json');
  assert.equal(sent[1].authorization, undefined);
});
