import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanQuery, looksLikeMobile, nextStep, refusalKey, slotTime } from '../appointments.js';

test('a typed or scanned appointment number is cleaned up, a QR link gives its number', () => {
  assert.equal(cleanQuery(' a-1001 '), 'A-1001');
  assert.equal(cleanQuery('https://portal.example.org/appointments/A-1001'), 'A-1001');
  assert.equal(cleanQuery('https://portal.example.org/checkin?number=ors%2F77&x=1'), 'ORS/77');
  assert.equal(cleanQuery('+91 98765 43210'), '9876543210');
  assert.equal(cleanQuery(undefined), '');
});

test('a mobile is ten digits starting with 6 to 9', () => {
  assert.equal(looksLikeMobile('9876543210'), true);
  assert.equal(looksLikeMobile('5876543210'), false);
  assert.equal(looksLikeMobile('A-1001'), false);
});

test('each refusal gets the message the patient can act on', () => {
  assert.equal(refusalKey({ status: 409, type: '/problems/appointment-too-early' }), 'appointment.tooEarly');
  assert.equal(refusalKey({ status: 409, type: '/problems/appointment-cancelled' }), 'appointment.cancelled');
  assert.equal(refusalKey({ status: 409, type: '/problems/illegal-transition' }), 'appointment.notToday');
  assert.equal(refusalKey({ status: 404, type: '/problems/not-found' }), 'appointment.notFound');
  assert.equal(refusalKey({ status: 429, type: '/problems/too-many-requests' }), 'appointment.tooMany');
  assert.equal(refusalKey({ status: 503, type: '/problems/degraded' }), null);
  assert.equal(refusalKey(new Error('network')), null);
});

test('one appointment is checked in at once, several are offered to pick from', () => {
  assert.deepEqual(nextStep([]), { step: 'none' });
  assert.deepEqual(nextStep([{ choice: 'a' }]), { step: 'checkIn', choice: { choice: 'a' } });
  assert.equal(nextStep([{ choice: 'a' }, { choice: 'b' }]).step, 'pick');
});

test('the slot is shown on the hospital clock', () => {
  assert.equal(slotTime('2026-11-30T04:30:00Z', 'Asia/Kolkata'), '10:00');
});
