import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEVICE_KEY, MUTED_KEY, boardIdFrom, deviceKeyFrom, initiallyMuted, withoutDeviceKey } from '../config.js';

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

test('the board PC key comes once in the address, is kept, and leaves the address', () => {
  const kept = new Map();
  const store = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, v) };
  assert.equal(deviceKeyFrom(at('/board/1'), store), null);
  assert.equal(deviceKeyFrom(at('/board/1?device=PC1.secret&muted=1'), store), 'PC1.secret');
  assert.equal(kept.get(DEVICE_KEY), 'PC1.secret');
  assert.equal(deviceKeyFrom(at('/board/1'), store), 'PC1.secret');
  assert.equal(withoutDeviceKey(at('/board/1?device=PC1.secret&muted=1')), 'http://hall-pc:8080/board/1?muted=1');
});
