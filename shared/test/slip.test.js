import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slipModel, statusUrl } from '../slip.js';

const token = {
  id: 7,
  code: 'LYm2jPLZl7gClnInGpuO',
  number: 'MED-007',
  serviceCode: 'MED',
  serviceName: { en: 'General Medicine', hi: 'सामान्य चिकित्सा' },
  priority: 'SENIOR_CITIZEN',
  peopleAhead: 6,
  estimatedWaitMinutes: 12,
  issuedAt: '2026-11-22T03:35:00Z',
};
const service = { code: 'MED', name: token.serviceName, roomHint: 'Rooms 1–3, ground floor' };
const senior = { code: 'SENIOR_CITIZEN', name: { en: 'Senior citizen (60+)', hi: 'वरिष्ठ नागरिक (60+)' }, priority: true };

const model = (overrides = {}) => slipModel({
  token, service, category: senior, hospitalName: 'Demo District Hospital', lang: 'en',
  origin: 'http://kiosk.local:8080', timeZone: 'Asia/Kolkata', ...overrides,
});

test('the slip carries what the patient and the counter need', () => {
  const slip = model();
  assert.equal(slip.number, 'MED-007');
  assert.equal(slip.hospitalName, 'Demo District Hospital');
  assert.deepEqual(slip.service, ['General Medicine', 'सामान्य चिकित्सा']);
  assert.deepEqual(slip.room, ['Rooms 1–3, ground floor']);
  assert.equal(slip.ahead.value, '6');
  assert.equal(slip.wait.value, '12 min');
  assert.deepEqual(slip.category.value, ['Senior citizen (60+)', 'वरिष्ठ नागरिक (60+)']);
  assert.equal(slip.category.priority, true);
  assert.equal(slip.offline, false);
});

test('the QR points at the patient status page on this origin', () => {
  assert.equal(model().statusUrl, 'http://kiosk.local:8080/t/LYm2jPLZl7gClnInGpuO');
  assert.equal(statusUrl('https://h.example', 'a/b'), 'https://h.example/t/a%2Fb');
});

test("the patient's language comes first, the other second", () => {
  const slip = model({ lang: 'hi' });
  assert.deepEqual(slip.service, ['सामान्य चिकित्सा', 'General Medicine']);
  assert.deepEqual(slip.ahead.label, ['आपसे आगे', 'People ahead']);
  assert.equal(slip.wait.value, '12 मिनट');
});

test('issue time is printed in the hospital time zone', () => {
  assert.equal(model().issuedAt, '22 Nov 2026, 09:05');
});

test('no wait reads as "very soon", and a missing room or category does not break the slip', () => {
  const slip = model({ token: { ...token, peopleAhead: 0, estimatedWaitMinutes: 0 }, service: { code: 'MED' }, category: undefined });
  assert.equal(slip.ahead.value, '0');
  assert.equal(slip.wait.value, 'Very soon');
  assert.deepEqual(slip.room, []);
  assert.deepEqual(slip.category.value, ['SENIOR_CITIZEN']);
  assert.equal(slip.category.priority, false);
});

test('an offline slip says so in both languages and does not pretend to know the queue', () => {
  const slip = slipModel({
    token: { offline: true, number: 'MED-K007', serviceCode: 'MED', priority: 'GENERAL', issuedAt: '2026-11-22T05:00:00Z', peopleAhead: null },
    service: { code: 'MED', name: { en: 'General Medicine', hi: 'सामान्य चिकित्सा' } },
    category: null,
    hospitalName: 'H',
    lang: 'en',
    origin: 'http://k',
    timeZone: 'Asia/Kolkata',
  });
  assert.equal(slip.offline, true);
  assert.equal(slip.offlineMark, 'OFFLINE / ऑफ़लाइन');
  assert.equal(slip.ahead.value, '—');
  assert.equal(slip.statusUrl, null, 'no status page until the token is merged');
});

test('a Hindi slip says where to go in Hindi first when the admin gave the Hindi text, and in English after it', () => {
  const withHindi = { ...service, roomHintHi: 'कमरा 1–3, भूतल' };
  assert.deepEqual(model({ service: withHindi, lang: 'hi' }).room, ['कमरा 1–3, भूतल', 'Rooms 1–3, ground floor']);
  assert.deepEqual(model({ service: withHindi, lang: 'en' }).room, ['Rooms 1–3, ground floor', 'कमरा 1–3, भूतल']);
  assert.deepEqual(model({ lang: 'hi' }).room, ['Rooms 1–3, ground floor']);
});

test('a checked-in appointment says its time on the slip, and a late one that it was queued as a walk-in', () => {
  assert.equal(model({}).appointment, null);
  assert.deepEqual(model({ appointment: { time: '10:00', lateWalkIn: false } }).appointment,
    ['Appointment at 10:00', '10:00 बजे का अपॉइंटमेंट']);
  assert.deepEqual(model({ lang: 'hi', appointment: { time: '10:00', lateWalkIn: true } }).appointment,
    ['10:00 बजे का अपॉइंटमेंट: देर से आए, सामान्य कतार में', 'Appointment at 10:00: came late, queued as a walk-in']);
});
