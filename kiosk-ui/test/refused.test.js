import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tIn } from '../i18n.js';
import { refusedModel } from '../refused.js';

const now = new Date('2026-11-22T12:00:00Z');
const refused = (seq, number, issuedAt, rejectedAt, reason) => ({
  seq, requestId: `r${seq}`, serviceCode: 'MED', priority: 'GENERAL', offlineNumber: number, issuedAt, rejectedAt, reason,
});

test('refused slips are listed by the time on the slip, with number, time and reason', () => {
  const model = refusedModel([
    refused(2, 'MED-K002', '2026-11-22T05:10:00Z', '2026-11-22T06:00:00Z', 'number MED-K002 was already merged for another token'),
    refused(1, 'MED-Z001', '2026-11-22T05:05:00Z', '2026-11-22T06:00:00Z', 'offlineNumber: MED-Z001 is not in series K of MED'),
  ], { now, timeZone: 'Asia/Kolkata' });
  assert.equal(model.count, 2);
  assert.deepEqual(model.items.map((i) => i.number), ['MED-Z001', 'MED-K002']);
  assert.equal(model.items[1].reason, 'number MED-K002 was already merged for another token');
  assert.match(model.items[0].time, /10:35/, 'the time as printed on the slip, in the hospital\'s zone');
  assert.equal(model.items[0].serviceCode, 'MED');
});

test('a slip refused more than a day ago leaves the kiosk; the dashboard keeps it', () => {
  const model = refusedModel([
    refused(1, 'MED-K001', '2026-11-21T05:00:00Z', '2026-11-21T11:59:00Z', 'x'),
    refused(2, 'MED-K002', '2026-11-21T05:00:00Z', '2026-11-21T12:00:00Z', 'y'),
  ], { now, timeZone: 'UTC' });
  assert.deepEqual(model.items.map((i) => i.number), ['MED-K002']);
  assert.equal(refusedModel([], { now, timeZone: 'UTC' }).count, 0);
});

test('an entry without a reason still says it was refused', () => {
  const model = refusedModel([refused(1, 'MED-K001', '2026-11-22T05:00:00Z', '2026-11-22T06:00:00Z', '')], { now, timeZone: 'UTC' });
  assert.equal(model.items[0].reason, 'rejected');
});

test('the badge says it in words, in English and Hindi, one or many', () => {
  const one = refusedModel([refused(1, 'MED-K001', '2026-11-22T05:00:00Z', '2026-11-22T06:00:00Z', 'x')], { now, timeZone: 'UTC' });
  assert.equal(tIn('en', one.badgeKey, { count: one.count }), '1 slip refused – staff');
  assert.equal(tIn('hi', one.badgeKey, { count: one.count }), '1 पर्ची अस्वीकृत – स्टाफ़');
  const three = refusedModel([1, 2, 3].map((n) => refused(n, `MED-K00${n}`, '2026-11-22T05:00:00Z', '2026-11-22T06:00:00Z', 'x')),
    { now, timeZone: 'UTC' });
  assert.equal(tIn('en', three.badgeKey, { count: three.count }), '3 slips refused – staff');
  assert.equal(tIn('hi', three.badgeKey, { count: three.count }), '3 पर्चियाँ अस्वीकृत – स्टाफ़');
});
