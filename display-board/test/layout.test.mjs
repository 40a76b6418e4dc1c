import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridFor } from '../view.js';

test('every counter up to twelve gets a place, in tiles up to eight and rows beyond', () => {
  for (let n = 1; n <= 12; n++) {
    const { cols, rows, layout } = gridFor(n);
    assert.ok(cols * rows >= n, `${n} counters fit`);
    assert.ok(cols * rows - n < cols, `${n} counters leave no empty row`);
    assert.equal(layout, n <= 8 ? 'tiles' : 'rows');
  }
});
