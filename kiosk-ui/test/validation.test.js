import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkField, checkPatient, errorText, fieldErrorsFromProblem, formatAbha, patientPayload, sanitize } from '../validation.js';

test('mobile numbers are 10 digits starting with 6 to 9', () => {
  for (const good of ['9876543210', '6000000000', '7123456789', '8999999999']) assert.equal(checkField('mobile', good), null, good);
  for (const bad of ['5876543210', '987654321', '98765432101', '98765x3210']) assert.equal(checkField('mobile', bad), 'invalid.mobile', bad);
});

test('ABHA numbers are 14 digits, plain or grouped 2-4-4-4', () => {
  assert.equal(checkField('abha', '12345678901234'), null);
  assert.equal(checkField('abha', '12-3456-7890-1234'), null);
  assert.equal(checkField('abha', '1234567890123'), 'invalid.abha');
  assert.equal(checkField('abha', '123-456-7890-1234'), 'invalid.abha');
});

test('UHIDs are 1 to 30 letters, digits, slash or hyphen', () => {
  assert.equal(checkField('uhid', 'AIIMS/2026/1'), null);
  assert.equal(checkField('uhid', 'a-b'), null);
  assert.equal(checkField('uhid', 'X'.repeat(30)), null);
  assert.equal(checkField('uhid', 'X'.repeat(31)), 'invalid.uhid');
  assert.equal(checkField('uhid', 'AB 12'), 'invalid.uhid');
});

test('every field is optional', () => {
  assert.deepEqual(checkPatient({}), {});
  assert.deepEqual(checkPatient({ mobile: '', abha: '', uhid: '' }), {});
  assert.deepEqual(checkPatient({ mobile: '123', uhid: 'OK/1' }), { mobile: 'invalid.mobile' });
});

test('typing keeps only what a field can hold', () => {
  assert.equal(sanitize('mobile', '98 765-43210 99'), '9876543210');
  assert.equal(sanitize('abha', '12-3456-7890-1234'), '12345678901234');
  assert.equal(sanitize('uhid', 'aiims/2026 #1'), 'AIIMS/20261');
});

test('ABHA digits are shown in 2-4-4-4 groups as they are typed', () => {
  assert.equal(formatAbha(''), '');
  assert.equal(formatAbha('123'), '12-3');
  assert.equal(formatAbha('12345678901234'), '12-3456-7890-1234');
});

test('only filled-in details are sent, and none at all when nothing was given', () => {
  assert.equal(patientPayload({}), undefined);
  assert.equal(patientPayload({ mobile: '', abha: '' }), undefined);
  assert.deepEqual(patientPayload({ mobile: '9876543210', abha: '' }), { mobile: '9876543210' });
});

test("a server's field errors land on the kiosk's fields", () => {
  const problem = {
    type: '/problems/invalid-input',
    status: 400,
    errors: [
      { field: 'patient.mobile', message: 'must be a 10-digit mobile number' },
      { field: 'patient.abha', message: 'must be a 14-digit ABHA number' },
      { field: 'serviceCode', message: 'must not be blank' },
    ],
  };
  const patient = { mobile: '12345', abha: '12345678901234' };
  assert.deepEqual(fieldErrorsFromProblem(problem, patient), {
    mobile: 'invalid.mobile',
    abha: { text: 'must be a 14-digit ABHA number' },
    other: 'must not be blank',
  });
  assert.deepEqual(fieldErrorsFromProblem({ status: 400 }), {});
});

test('error texts come from the message file or, for server-only objections, from the server', () => {
  const translate = (key) => `<${key}>`;
  assert.equal(errorText('invalid.uhid', translate), '<invalid.uhid>');
  assert.equal(errorText({ text: 'unknown UHID' }, translate), 'unknown UHID');
  assert.equal(errorText(undefined, translate), '');
});

test('the SMS consent goes with a mobile number only, in the language the patient chose', () => {
  assert.deepEqual(patientPayload({ mobile: '9876543210', notifyConsent: true, language: 'hi' }),
    { mobile: '9876543210', notifyConsent: true, language: 'hi' });
  assert.deepEqual(patientPayload({ mobile: '9876543210', notifyConsent: false, language: 'hi' }), { mobile: '9876543210' });
  assert.deepEqual(patientPayload({ mobile: '9876543210' }), { mobile: '9876543210' });
  assert.equal(patientPayload({ mobile: '', notifyConsent: true, language: 'en' }), undefined);
  assert.deepEqual(patientPayload({ uhid: 'U/1', notifyConsent: true }), { uhid: 'U/1' });
});
