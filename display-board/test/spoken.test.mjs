import { test } from 'node:test';
import assert from 'node:assert/strict';
import { announcement, hindiCounterName, placeNames } from '../spoken.js';

test('the prefix is spelt and the number said without leading zeros', () => {
  assert.deepEqual(announcement('MED-042', 'Room 1'), {
    en: 'Token M E D 42, Room 1',
    hi: 'टोकन एम ई डी 42, कमरा 1',
  });
});

test('counters are named in Hindi', () => {
  assert.equal(announcement('ORTH-007', 'Counter 3').hi, 'टोकन ओ आर टी एच 7, काउंटर 3');
  assert.equal(hindiCounterName('Room 12'), 'कमरा 12');
  assert.equal(hindiCounterName('Pharmacy'), 'Pharmacy');
});

test('every Latin letter has its Hindi name', () => {
  const hi = announcement('ABCDEFGHIJKLMNOPQRSTUVWXYZ-1').hi;
  assert.equal(
    hi,
    'टोकन ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई ज़ेड 1',
  );
});

test('odd numbers still come out sayable', () => {
  assert.equal(announcement('med-000').en, 'Token M E D 0');
  assert.equal(announcement('ENT-1042', 'Room 4').en, 'Token E N T 1042, Room 4');
  assert.equal(announcement('MED-K2-015').en, 'Token M E D K 2 15');
});

test('a place is written in Hindi and English, the counter\'s own Hindi name first', () => {
  assert.deepEqual(placeNames({ name: 'Room 1' }), { hi: 'कमरा 1', en: 'Room 1' });
  assert.deepEqual(placeNames({ name: 'Room 1', nameHi: 'कक्ष 1 (भूतल)' }), { hi: 'कक्ष 1 (भूतल)', en: 'Room 1' });
  assert.deepEqual(placeNames({ name: 'Pharmacy' }), { hi: '', en: 'Pharmacy' });
  assert.deepEqual(placeNames({}), { hi: '', en: '' });
});

test('the Hindi announcement says the counter\'s own Hindi name when it has one', () => {
  assert.equal(announcement('MED-7', 'Cabin 7', 'कमरा 7').hi, 'टोकन एम ई डी 7, कमरा 7');
  assert.equal(announcement('MED-7', 'Cabin 7', 'कमरा 7').en, 'Token M E D 7, Cabin 7');
});
