import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MUTED_KEY, boardIdFrom, initiallyMuted } from '../config.js';

const at = (path) => new URL(path, 'http://hall-pc:8080');
const storage = (value) => ({ getItem: (key) => (key === MUTED_KEY ? value : null) });

test('board id from the path, the query, or none', () => {
  assert.equal(boardIdFrom(at('/board/3')), '3');
  assert.equal(boardIdFrom(at('/board/3/')), '3');
  assert.equal(boardIdFrom(at('/board/index.html?board=7')), '7');
  assert.equal(boardIdFrom(at('/board/2?board=7')), '7');
  assert.equal(boardIdFrom(at('/board/')), null);
  assert.equal(boardIdFrom(at('/board/index.html')), null);
});

test('muted from the query first, else from what this TV remembers', () => {
  assert.equal(initiallyMuted(at('/board/1?muted=1'), storage('0')), true);
  assert.equal(initiallyMuted(at('/board/1?muted=0'), storage('1')), false);
  assert.equal(initiallyMuted(at('/board/1'), storage('1')), true);
  assert.equal(initiallyMuted(at('/board/1'), storage(null)), false);
  assert.equal(initiallyMuted(at('/board/1'), undefined), false);
});
