import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ago, healthView } from '../health.js';

const T = 1_000_000;

test('connected and normal: nothing to show', () => {
  assert.deepEqual(healthView({ connected: true, mode: 'NORMAL', probeMode: null, lastUpdateAt: T, disconnectedAt: T, now: T + 5000 }), {
    stale: null,
    banner: null,
  });
});

test('disconnected: the marker counts seconds since the last update, the banner waits 10 s', () => {
  const at = (now) => healthView({ connected: false, mode: 'NORMAL', probeMode: null, lastUpdateAt: T, disconnectedAt: T, now });
  assert.equal(at(T + 3_400).stale.seconds, 3);
  assert.equal(at(T + 3_400).stale.lastUpdate.getTime(), T);
  assert.equal(at(T + 10_000).banner, null);
  assert.equal(at(T + 10_001).banner, 'offline');
});

test('a short gap (page load, quick reconnect) shows no marker yet', () => {
  const at = (now) => healthView({ connected: false, mode: 'NORMAL', probeMode: null, lastUpdateAt: T, disconnectedAt: T, now });
  assert.equal(at(T + 1_000).stale, null);
  assert.notEqual(at(T + 1_500).stale, null);
});

test('never connected: the marker says so, counting from page load', () => {
  const view = healthView({ connected: false, mode: 'NORMAL', probeMode: null, lastUpdateAt: null, disconnectedAt: T, now: T + 2000 });
  assert.equal(view.stale.lastUpdate, null);
  assert.equal(view.stale.seconds, 2);
});

test('the server saying DEGRADED means paper mode, connected or not', () => {
  assert.equal(healthView({ connected: true, mode: 'DEGRADED', probeMode: null, lastUpdateAt: T, disconnectedAt: T, now: T }).banner, 'paper');
  assert.equal(healthView({ connected: false, mode: 'DEGRADED', probeMode: null, lastUpdateAt: T, disconnectedAt: T, now: T + 60_000 }).banner, 'paper');
  assert.equal(healthView({ connected: false, mode: 'NORMAL', probeMode: 'DEGRADED', lastUpdateAt: T, disconnectedAt: T, now: T + 1 }).banner, 'paper');
  assert.equal(healthView({ connected: true, mode: 'NORMAL', probeMode: 'DEGRADED', lastUpdateAt: T, disconnectedAt: T, now: T }).banner, null, 'the socket is fresher than the probe');
});

test('ago reads naturally in both languages', () => {
  assert.deepEqual(ago(12), { en: '12 s ago', hi: '12 सेकंड पहले' });
  assert.deepEqual(ago(300), { en: '5 min ago', hi: '5 मिनट पहले' });
  assert.deepEqual(ago(3 * 3600), { en: '3 h ago', hi: '3 घंटे पहले' });
});
