import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORY_ICONS, iconOf } from '../icons.js';

test('a category shows the picture its icon names, whatever its code', () => {
  assert.equal(iconOf({ code: 'GENERAL', icon: 'GENERAL' }), 'GENERAL');
  assert.equal(iconOf({ code: 'FREEDOM_FIGHTER', icon: 'SENIOR_CITIZEN' }), 'SENIOR_CITIZEN');
  assert.equal(iconOf({ code: 'PREGNANT', icon: 'DIVYANG' }), 'DIVYANG');
});

test('a category without a known picture shows none, not another category\'s', () => {
  assert.equal(iconOf({ code: 'SENIOR_CITIZEN', icon: null }), null);
  assert.equal(iconOf({ code: 'SENIOR_CITIZEN' }), null);
  assert.equal(iconOf({ code: 'X', icon: 'ROCKET' }), null);
  assert.equal(iconOf({ code: 'X', icon: 'toString' }), null);
  assert.equal(iconOf(undefined), null);
});

test('the kiosk has the four standard pictures the admin page offers', () => {
  assert.deepEqual([...CATEGORY_ICONS], ['GENERAL', 'SENIOR_CITIZEN', 'DIVYANG', 'PREGNANT']);
});
