import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError, UnreachableError } from '../api.js';
import { createIssuer, tokenRequest } from '../issuing.js';

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
