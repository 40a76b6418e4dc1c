import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError, UnreachableError } from '../api.js';
import { NoReserveError, createIssuer, tokenRequest } from '../issuing.js';

const draft = (patient = {}) => ({ serviceCode: 'MED', priority: 'GENERAL', patient });
const counter = () => { let n = 0; return () => `id-${(n += 1)}`; };
const noWait = async () => {};

test('a request names the kiosk channel and leaves out details not given', () => {
  assert.deepEqual(tokenRequest(draft(), 'r1'), { requestId: 'r1', serviceCode: 'MED', priority: 'GENERAL', channel: 'KIOSK' });
  assert.deepEqual(tokenRequest(draft({ mobile: '9876543210', uhid: '' }), 'r2').patient, { mobile: '9876543210' });
});

test('a lost answer is retried with the same requestId', async () => {
  const sent = [];
  const post = async (request) => {
    sent.push(request.requestId);
    if (sent.length === 1) throw new UnreachableError('network');
    return { number: 'MED-001' };
  };
  const issuer = createIssuer({ post, newId: counter(), wait: noWait });
  assert.deepEqual(await issuer.issue(draft()), { number: 'MED-001' });
  assert.deepEqual(sent, ['id-1', 'id-1']);
});

test('after giving up, pressing "try again" still reuses the requestId', async () => {
  const sent = [];
  const post = async (request) => { sent.push(request.requestId); throw new ProblemError({ status: 503, type: '/problems/degraded' }); };
  const issuer = createIssuer({ post, newId: counter(), wait: noWait, retryDelaysMs: [1] });
  await assert.rejects(issuer.issue(draft()), ProblemError);
  await assert.rejects(issuer.issue(draft()), ProblemError);
  assert.deepEqual(sent, ['id-1', 'id-1', 'id-1', 'id-1']);
});

test('a refusal is not retried, and changed details get a new requestId', async () => {
  const sent = [];
  const post = async (request) => {
    sent.push(request.requestId);
    if (request.patient?.mobile === '5555555555') throw new ProblemError({ status: 400, errors: [{ field: 'patient.mobile' }] });
    return { number: 'MED-002' };
  };
  const issuer = createIssuer({ post, newId: counter(), wait: noWait });
  await assert.rejects(issuer.issue(draft({ mobile: '5555555555' })), (e) => e.status === 400);
  await issuer.issue(draft({ mobile: '9876543210' }));
  assert.deepEqual(sent, ['id-1', 'id-2']);
});

test('the next patient never reuses the previous requestId', async () => {
  const sent = [];
  let fail = true;
  const post = async (request) => { sent.push(request.requestId); if (fail) throw new UnreachableError('timeout'); return {}; };
  const issuer = createIssuer({ post, newId: counter(), wait: noWait, retryDelaysMs: [] });
  await assert.rejects(issuer.issue(draft()));
  issuer.reset();
  fail = false;
  await issuer.issue(draft());
  assert.deepEqual(sent, ['id-1', 'id-2']);
});

// ---------- offline (an enrolled kiosk) ----------

function offlineKit({ online = true, numbers = ['MED-K001', 'MED-K002'] } = {}) {
  const kit = {
    online,
    recorded: [],
    isOnline: () => kit.online,
    take: async () => (numbers.length ? { number: numbers.shift() } : null),
    record: async (entry) => { kit.recorded.push(entry); },
    wentOffline: async () => { kit.online = false; },
  };
  return kit;
}

test('no answer in time: the token comes from the reserve, goes to the outbox, and the kiosk goes offline', async () => {
  const offline = offlineKit();
  const timeouts = [];
  const post = async (request, options) => { timeouts.push(options?.timeoutMs); throw new UnreachableError('timeout'); };
  const issuer = createIssuer({ post, newId: counter(), wait: noWait, offline, now: () => new Date('2026-11-22T05:00:00Z') });
  const token = await issuer.issue(draft({ mobile: '9876543210' }));
  assert.equal(token.offline, true);
  assert.equal(token.number, 'MED-K001');
  assert.deepEqual(timeouts, [2000], 'one try, two seconds, no retry: the patient is waiting');
  assert.deepEqual(offline.recorded, [{ requestId: 'id-2', serviceCode: 'MED', priority: 'GENERAL', offlineNumber: 'MED-K001', issuedAt: '2026-11-22T05:00:00.000Z', patient: { mobile: '9876543210' } }]);
  assert.equal(offline.online, false);
});

test('a 5xx also issues offline; a refusal (4xx) never does', async () => {
  const offline = offlineKit();
  const issuer = createIssuer({ post: async () => { throw new ProblemError({ status: 503, type: '/problems/degraded' }); }, newId: counter(), offline });
  assert.equal((await issuer.issue(draft())).number, 'MED-K001');
  const online = offlineKit();
  const refusing = createIssuer({ post: async () => { throw new ProblemError({ status: 400 }); }, newId: counter(), offline: online });
  await assert.rejects(refusing.issue(draft()), (e) => e.status === 400);
  assert.deepEqual(online.recorded, []);
});

test('while known to be offline the server is not tried, and an empty reserve refuses instead of inventing', async () => {
  const offline = offlineKit({ online: false, numbers: ['MED-K001'] });
  let posts = 0;
  const issuer = createIssuer({ post: async () => { posts += 1; return {}; }, newId: counter(), offline });
  assert.equal((await issuer.issue(draft())).number, 'MED-K001');
  issuer.reset();
  await assert.rejects(issuer.issue(draft()), NoReserveError);
  assert.equal(posts, 0);
  assert.equal(offline.recorded.length, 1);
});
