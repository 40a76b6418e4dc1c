import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIdleTimer } from '../idle.js';

function fakeClock() {
  let now = 0;
  let tick = null;
  return {
    now: () => now,
    every: (fn) => { tick = fn; return 1; },
    cancel: () => { tick = null; },
    advance(ms) { for (let t = 0; t < ms; t += 250) { now += 250; tick?.(); } },
  };
}

test('counts down the last seconds, then times out once', () => {
  const clock = fakeClock();
  const ticks = [];
  let timeouts = 0;
  const idle = createIdleTimer({ onTick: (s) => ticks.push(s), onTimeout: () => { timeouts += 1; }, ...clock });
  idle.arm({ seconds: 30, warnSeconds: 10 });
  clock.advance(19_000);
  assert.equal(ticks.at(-1), null);
  clock.advance(2_000);
  assert.equal(ticks.at(-1), 9);
  clock.advance(20_000);
  assert.equal(timeouts, 1);
  assert.equal(ticks.at(-1), null);
});

test('a touch starts the wait again, unless the screen counts down regardless', () => {
  const clock = fakeClock();
  let timeouts = 0;
  const idle = createIdleTimer({ onTick: () => {}, onTimeout: () => { timeouts += 1; }, ...clock });
  idle.arm({ seconds: 30, warnSeconds: 10 });
  clock.advance(25_000);
  idle.touch();
  clock.advance(25_000);
  assert.equal(timeouts, 0);
  idle.arm({ seconds: 10, warnSeconds: 10, resetOnTouch: false });
  clock.advance(5_000);
  idle.touch();
  clock.advance(5_000);
  assert.equal(timeouts, 1);
});
