import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiProblem, api, noAnswer, requestId } from '/pages/api.js';

const answering = (status, body, seen = []) => async (path, init) => {
  seen.push([path, init]);
  return new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), { status });
};

test('an answer comes back as its JSON, a 204 as null, and the request says it is a script\'s', async () => {
  const seen = [];
  assert.deepEqual(await api('POST', '/api/tokens', { serviceCode: 'MED' }, { fetchFn: answering(201, { number: 'MED-001' }, seen) }), { number: 'MED-001' });
  assert.equal(seen[0][1].method, 'POST');
  assert.equal(seen[0][1].body, '{"serviceCode":"MED"}');
  assert.equal(seen[0][1].headers['x-requested-with'], 'fetch', 'so the server answers 401, not a log-in page');
  assert.equal(await api('POST', '/api/counters/1/call-next', {}, { fetchFn: answering(204) }), null);
});

test('a refusal carries the server\'s sentence, its field errors and its problem type', async () => {
  const problem = { type: '/problems/invalid-input', status: 400, detail: 'patient.mobile: give 10 digits', errors: [{ field: 'patient.mobile', message: 'give 10 digits' }] };
  await assert.rejects(api('POST', '/api/tokens', {}, { fetchFn: answering(400, problem) }), (error) => {
    assert.ok(error instanceof ApiProblem);
    assert.deepEqual([error.status, error.message, error.errors, error.type], [400, problem.detail, problem.errors, '/problems/invalid-input']);
    assert.equal(noAnswer(error), false);
    return true;
  });
  await assert.rejects(api('GET', '/x', undefined, { fetchFn: answering(502, '<html>Bad gateway</html>') }),
    { status: 502, message: 'The server answered 502.', errors: [], type: null });
});

test('a log-in that ended and a role that may not are said in words a clerk can act on', async () => {
  await assert.rejects(api('GET', '/x', undefined, { fetchFn: answering(401, { detail: 'unauthenticated' }) }),
    { status: 401, message: 'Your log-in has ended. Please log in again (reload the page).' });
  await assert.rejects(api('GET', '/x', undefined, { fetchFn: answering(403, {}) }), { status: 403, message: 'Your role may not do this.' });
});

test('no answer (no network, or none in time) is status 0, the one case worth resending under the same id', async () => {
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(api('POST', '/api/tokens', {}, { fetchFn: offline }), (error) => error.status === 0 && noAnswer(error)
    && error.message.includes('use the paper token book'));
  const hang = (url, { signal }) => new Promise((resolve, reject) => {
    const socket = setTimeout(resolve, 5_000);
    signal.addEventListener('abort', () => { clearTimeout(socket); reject(signal.reason); });
  });
  await assert.rejects(api('GET', '/api/counters/1', undefined, { fetchFn: hang, timeoutMs: 20 }), (error) => noAnswer(error));
  assert.equal(noAnswer(new Error('a bug')), false);
});

test('request ids are version 4 UUIDs', () => {
  assert.match(requestId(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(requestId(), requestId());
});
