import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesFor } from '../view.js';

test('every call gets a line: one column up to six on a wide screen, two beyond; one column standing up', () => {
  for (let n = 0; n <= 12; n++) {
    const wide = linesFor(n, false);
    assert.ok(wide.cols * wide.rows >= n, `${n} calls fit`);
    assert.equal(wide.cols, n <= 6 ? 1 : 2);
    assert.equal(linesFor(n, true).cols, 1);
  }
});

test('a few calls do not grow into giant lines: at least four rows wide, three standing up', () => {
  assert.equal(linesFor(1, false).rows, 4);
  assert.equal(linesFor(1, true).rows, 3);
  assert.equal(linesFor(5, true).rows, 5);
});
