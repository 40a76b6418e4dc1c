import { test } from 'node:test';
import assert from 'node:assert/strict';
import { walkInRequest } from '/pages/walkin.js';

const form = (fields) => (name) => fields[name] ?? '';

test('a walk-in with only a department is a counter token with no patient', () => {
  assert.deepEqual(walkInRequest(form({ serviceCode: 'MED', priority: 'GENERAL' }), 'r1'),
    { requestId: 'r1', serviceCode: 'MED', priority: 'GENERAL', channel: 'COUNTER' });
});

test('filled patient fields go along; an age of digits is a number, anything else is sent as typed for the server to name', () => {
  const fields = { serviceCode: 'ORTH', priority: 'SENIOR_CITIZEN', 'patient.name': 'रामेश्वर प्रसाद', 'patient.age': '67', 'patient.mobile': '9876543210' };
  assert.deepEqual(walkInRequest(form(fields), 'r2').patient, { name: 'रामेश्वर प्रसाद', age: 67, mobile: '9876543210' });
  assert.equal(walkInRequest(form({ ...fields, 'patient.age': '6 7' }), 'r2').patient.age, '6 7');
  assert.deepEqual(walkInRequest(form({ serviceCode: 'MED', 'patient.abha': '12-3456-7890-1234', 'patient.uhid': 'U1' }), 'r3').patient,
    { abha: '12-3456-7890-1234', uhid: 'U1' });
});

test('the SMS consent goes with a mobile number only, in the language of the slip', () => {
  const fields = { serviceCode: 'MED', 'patient.mobile': '9876543210', 'patient.notifyConsent': 'yes', slipLang: 'en' };
  assert.deepEqual(walkInRequest(form(fields), 'r4').patient, { mobile: '9876543210', notifyConsent: true, language: 'en' });
  assert.deepEqual(walkInRequest(form({ ...fields, slipLang: 'hi' }), 'r4').patient,
    { mobile: '9876543210', notifyConsent: true, language: 'hi' });
  assert.deepEqual(walkInRequest(form({ ...fields, 'patient.notifyConsent': '' }), 'r4').patient, { mobile: '9876543210' });
  assert.equal(walkInRequest(form({ serviceCode: 'MED', 'patient.notifyConsent': 'yes' }), 'r5').patient, undefined);
});
