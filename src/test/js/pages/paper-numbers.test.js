import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeNumber, entryRequest, localParts, prefixOf, readIssueTime } from '/pages/paper-numbers.js';

test('digits alone complete to the last slip\'s book; a full number is taken as typed, in capitals', () => {
  assert.equal(completeNumber('12', 'MED'), 'MED-P0012');
  assert.equal(completeNumber(' 7 ', 'ORTH'), 'ORTH-P0007');
  assert.equal(completeNumber('12', null), '12', 'the first slip of a sitting needs its whole number');
  assert.equal(completeNumber('med-p0013', 'ORTH'), 'MED-P0013');
  assert.equal(prefixOf('MED-P0012'), 'MED');
  assert.equal(prefixOf('MED-042'), null);
});

test('the issue time reads 10:45, 1045 and 9:05; a bad time or date is an error in words', () => {
  const at = readIssueTime('2025-03-12', '1045');
  assert.equal(at.time, '10:45');
  assert.equal(at.instant, new Date(2025, 2, 12, 10, 45).toISOString());
  assert.equal(readIssueTime('2025-03-12', '9:05').time, '09:05');
  assert.equal(readIssueTime('2025-03-12', '24:00').error, 'Type the time as 10:45 (24-hour clock).');
  assert.equal(readIssueTime('12/03/2025', '10:45').error, 'Type the date as 2025-03-12.');
  assert.equal(readIssueTime('2025-02-30', '10:45').error, 'There is no such date.');
});

test('the date and time fields start at this PC\'s now', () => {
  assert.deepEqual(localParts(new Date(2025, 0, 5, 8, 3)), { date: '2025-01-05', time: '08:03' });
});

test('a slip\'s entry carries its number, time and seen mark; no category chosen sends none', () => {
  const fields = { priority: '', 'patient.name': 'Asha', 'patient.age': '34' };
  assert.deepEqual(entryRequest((name) => fields[name] ?? '', { requestId: 'r1', number: 'MED-P0012', issuedAt: '2025-03-12T05:15:00.000Z', seen: true }),
    { requestId: 'r1', number: 'MED-P0012', issuedAt: '2025-03-12T05:15:00.000Z', seen: true, priority: undefined, patient: { name: 'Asha', age: 34 } });
  assert.equal(entryRequest(() => '', { number: 'MED-P0012' }).patient, undefined);
});

test('a time read off a slip is the hospital\'s clock, whatever zone the PC is set to', () => {
  assert.equal(readIssueTime('2025-03-12', '10:45', 'Asia/Kolkata').instant, '2025-03-12T05:15:00.000Z');
  assert.equal(readIssueTime('2025-07-01', '9:00', 'America/New_York').instant, '2025-07-01T13:00:00.000Z');
  assert.equal(readIssueTime('2025-01-01', '00:10', 'Asia/Kolkata').instant, '2024-12-31T18:40:00.000Z');
  assert.deepEqual(localParts(new Date('2025-03-12T20:00:00Z'), 'Asia/Kolkata'), { date: '2025-03-13', time: '01:30' });
});
