import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLIED_KEPT, EMPTY, RECENT_CALLS_MAX, RESUME_BACK, reduce, resumeFrom } from '../state.js';

const snapshot = () => ({
  type: 'snapshot',
  seq: 123,
  hospital: { code: 'DEMO', name: 'Demo District Hospital' },
  board: { id: 1, name: 'OPD waiting hall A', nameHi: 'ओपीडी प्रतीक्षा कक्ष A', ticker: 'Welcome' },
  mode: 'NORMAL',
  modeSince: '2026-11-22T03:24:36Z',
  serverTime: '2026-11-22T05:01:02Z',
  counters: [
    { id: 1, name: 'Room 1', state: 'OPEN', serviceCode: 'MED', number: 'MED-042', status: 'CALLED', calledAt: 'x' },
    { id: 2, name: 'Room 2', state: 'PAUSED', serviceCode: null, number: null, status: null, calledAt: null },
  ],
  recentCalls: [{ seq: 120, number: 'MED-041', counterId: 2, counterName: 'Room 2', serviceCode: 'MED', at: 'y' }],
  services: [{ code: 'MED', name: { en: 'General Medicine', hi: 'सामान्य चिकित्सा' }, prefix: 'MED', waiting: 12, estimatedWaitMinutes: 20 }],
});

const called = (seq, number, counterId, extra = {}) => ({
  type: 'called', seq, number, counterId, counterName: `Room ${counterId}`, serviceCode: 'MED', recall: false, at: 't', ...extra,
});

const start = () => reduce(EMPTY, snapshot());
const counter = (state, id) => state.counters.find((c) => c.id === id);

test('a snapshot becomes the whole state', () => {
  const state = start();
  assert.equal(state.seq, 123);
  assert.equal(counter(state, 1).number, 'MED-042');
  assert.equal(state.board.ticker, 'Welcome');
  assert.equal(state.recentCalls.length, 1);
});

test('a snapshot replaces the state even with a lower seq', () => {
  const state = reduce(reduce(start(), called(200, 'MED-050', 1)), { ...snapshot(), seq: 5 });
  assert.equal(state.seq, 5);
  assert.equal(counter(state, 1).number, 'MED-042');
});

test('a call fills the counter, tops the recent calls and updates the waiting count', () => {
  const state = reduce(start(), called(124, 'MED-043', 2, { waiting: 11, estimatedWaitMinutes: 18 }));
  assert.equal(state.seq, 124);
  assert.deepEqual(
    { number: counter(state, 2).number, status: counter(state, 2).status, state: counter(state, 2).state },
    { number: 'MED-043', status: 'CALLED', state: 'PAUSED' },
  );
  assert.equal(state.recentCalls[0].number, 'MED-043');
  assert.equal(state.recentCalls[0].counterName, 'Room 2');
  assert.equal(state.services[0].waiting, 11);
  assert.equal(state.services[0].estimatedWaitMinutes, 18);
});

test('a recall moves its row to the top instead of adding another', () => {
  let state = reduce(start(), called(124, 'MED-043', 1));
  state = reduce(state, called(125, 'MED-041', 2, { recall: true }));
  assert.deepEqual(state.recentCalls.map((r) => r.number), ['MED-041', 'MED-043']);
});

test('recent calls keep the newest ten', () => {
  let state = start();
  for (let i = 0; i < 15; i++) state = reduce(state, called(200 + i, `MED-${100 + i}`, 1));
  assert.equal(state.recentCalls.length, RECENT_CALLS_MAX);
  assert.equal(state.recentCalls[0].number, 'MED-114');
  assert.equal(state.recentCalls.at(-1).number, 'MED-105');
});

test('a token called at another counter leaves the tile it was on', () => {
  const state = reduce(start(), called(124, 'MED-042', 2));
  assert.equal(counter(state, 1).number, null);
  assert.equal(counter(state, 2).number, 'MED-042');
});

test('a call for a counter the snapshot did not list still shows', () => {
  const state = reduce(start(), called(124, 'MED-043', 9));
  assert.equal(counter(state, 9).number, 'MED-043');
  assert.deepEqual(state.counters.map((c) => c.id), [1, 2, 9]);
});

test('events at or below the last seq are ignored and return the same state', () => {
  const state = reduce(start(), called(124, 'MED-043', 2));
  assert.equal(reduce(state, called(124, 'MED-099', 2)), state);
  assert.equal(reduce(state, called(100, 'MED-099', 2)), state);
  assert.equal(reduce(state, null), state);
});

test('an unknown type changes nothing but moves seq on', () => {
  const before = start();
  const after = reduce(before, { type: 'future-thing', seq: 130, secret: 'x' });
  assert.equal(after.seq, 130);
  assert.deepEqual({ ...after, seq: 123, applied: [] }, before);
});

test('a call committed after a later-numbered one (two counters at once) is applied and shown, once', () => {
  // The server sends in commit order: seq 125 (Room 1) reached the board before seq 124 (Room 2).
  let state = reduce(start(), called(125, 'MED-044', 1));
  const late = reduce(state, called(124, 'MED-043', 2));
  assert.notEqual(late, state, 'the late call must change the board, or it is neither shown nor announced');
  assert.equal(counter(late, 2).number, 'MED-043');
  assert.equal(counter(late, 1).number, 'MED-044');
  assert.deepEqual(late.recentCalls.slice(0, 2).map((c) => c.number), ['MED-043', 'MED-044']);
  assert.equal(late.seq, 125, 'the resume point stays the highest seq seen');
  assert.equal(reduce(late, called(124, 'MED-043', 2)), late, 'a repeat of the late call is ignored');
  assert.equal(reduce(late, called(125, 'MED-044', 1)), late);
  assert.equal(reduce(late, called(123, 'MED-099', 2)), late, 'the snapshot already holds 123');
});

test('a call below the snapshot\'s seq that had not committed when it was read is applied when it comes, once', () => {
  // The snapshot was read at seq 123 while the transaction holding seq 121 was still open.
  const state = reduce(EMPTY, { ...snapshot(), pending: [121] });
  const late = reduce(state, called(121, 'MED-043', 2));
  assert.notEqual(late, state, 'a late commit the snapshot could not hold must still reach the board');
  assert.equal(counter(late, 2).number, 'MED-043');
  assert.equal(late.seq, 123, 'the resume point stays the snapshot\'s');
  assert.equal(late.floor, 123);
  assert.deepEqual(late.pending, []);
  assert.equal(reduce(late, called(121, 'MED-043', 2)), late, 'a repeat of it is ignored');
  assert.equal(reduce(late, called(122, 'MED-099', 2)), late, 'the snapshot holds 122');
  let full = late;
  for (let seq = 200; seq < 200 + APPLIED_KEPT + 1; seq++) full = reduce(full, { type: 'waiting', seq, serviceCode: 'MED', waiting: 1 });
  assert.equal(full.floor, 200, 'the floor only rises');
});

test('a board resumes from below what it applied, and a call that committed late while it was away is applied once', () => {
  assert.equal(resumeFrom(EMPTY), null, 'nothing shown: a snapshot');
  // applied 125 (Room 1) while seq 124 (Room 2) was still committing; then the connection dropped
  const away = reduce(start(), called(125, 'MED-044', 1));
  assert.equal(resumeFrom(away), 123, 'from the floor, not from 125');
  // the server sends what concerns the board after 123: 124 committed meanwhile, and 125 again
  const back = reduce(reduce(away, called(124, 'MED-043', 2)), called(125, 'MED-044', 1));
  assert.equal(counter(back, 2).number, 'MED-043');
  assert.equal(back.recentCalls.filter((c) => c.number === 'MED-044').length, 1, '125 applied once');
  assert.equal(reduce(back, called(125, 'MED-044', 1)), back);
  // a quiet board looks back RESUME_BACK seqs, not to its old floor; a busy one to its floor (below it, it could not
  // tell a late call from a repeat); a pending seq lower still counts until it came
  assert.equal(resumeFrom(reduce(start(), called(500, 'MED-045', 1))), 500 - RESUME_BACK);
  let busy = reduce(EMPTY, { ...snapshot(), pending: [100] });
  for (let seq = 124; seq < 124 + 300; seq += 2) busy = reduce(busy, { type: 'waiting', seq, serviceCode: 'MED', waiting: 1 });
  assert.equal(resumeFrom(busy), 100);
  busy = reduce(busy, called(100, 'MED-001', 1));
  assert.ok(busy.floor > busy.seq - RESUME_BACK);
  assert.equal(resumeFrom(busy), busy.floor);
});

test('a board remembers the last applied seqs, not all of them', () => {
  let state = start();
  for (let seq = 200; seq < 200 + APPLIED_KEPT + 10; seq++) state = reduce(state, { type: 'waiting', seq, serviceCode: 'MED', waiting: seq });
  assert.equal(state.applied.length, APPLIED_KEPT);
  assert.equal(state.floor, 209);
  assert.equal(reduce(state, called(150, 'MED-001', 1)), state, 'far below what it remembers: taken as a repeat');
  assert.notEqual(reduce(state, called(199 + APPLIED_KEPT + 11, 'MED-001', 1)), state);
});

test('started marks the token as in consultation', () => {
  const state = reduce(start(), { type: 'started', seq: 124, number: 'MED-042', counterId: 1 });
  assert.equal(counter(state, 1).status, 'SERVING');
  assert.equal(counter(state, 1).number, 'MED-042');
});

test('cleared empties the tile, but only for the token it names', () => {
  const stale = reduce(start(), { type: 'cleared', seq: 124, number: 'MED-001', counterId: 1, reason: 'COMPLETED' });
  assert.equal(counter(stale, 1).number, 'MED-042');
  const cleared = reduce(stale, { type: 'cleared', seq: 125, number: 'MED-042', counterId: 1, reason: 'NO_SHOW' });
  assert.equal(counter(cleared, 1).number, null);
  assert.equal(counter(cleared, 1).status, null);
  assert.equal(cleared.recentCalls.length, 1, 'history stays');
});

test('waiting, counter, mode and ticker events', () => {
  let state = start();
  state = reduce(state, { type: 'waiting', seq: 124, serviceCode: 'MED', waiting: 13, estimatedWaitMinutes: 21 });
  state = reduce(state, { type: 'waiting', seq: 125, serviceCode: 'XYZ', waiting: 99 });
  state = reduce(state, { type: 'counter', seq: 126, counterId: 2, state: 'OPEN' });
  state = reduce(state, { type: 'mode', seq: 127, mode: 'DEGRADED', since: '2026-11-22T06:00:00Z' });
  state = reduce(state, { type: 'ticker', seq: 128, text: 'New message' });
  assert.equal(state.services[0].waiting, 13);
  assert.equal(state.services[0].estimatedWaitMinutes, 21);
  assert.equal(state.services.length, 1);
  assert.equal(counter(state, 2).state, 'OPEN');
  assert.equal(state.mode, 'DEGRADED');
  assert.equal(state.modeSince, '2026-11-22T06:00:00Z');
  assert.equal(state.board.ticker, 'New message');
  assert.equal(state.seq, 128);
});

test('the reducer never changes the state it was given', () => {
  const before = start();
  const frozen = JSON.stringify(before);
  reduce(before, called(124, 'MED-043', 2, { waiting: 1 }));
  reduce(before, { type: 'cleared', seq: 125, number: 'MED-042', counterId: 1 });
  assert.equal(JSON.stringify(before), frozen);
});

test('messages without a seq (mode, relayed calls) apply but do not move the resume point', () => {
  const degraded = reduce(start(), { type: 'mode', mode: 'DEGRADED', since: 's' });
  assert.equal(degraded.mode, 'DEGRADED');
  assert.equal(degraded.seq, 123);
  const relayed = reduce(degraded, { type: 'called', number: 'MED-050', counterId: 2, counterName: 'Room 2', recall: false, at: 't' });
  assert.equal(counter(relayed, 2).number, 'MED-050');
  assert.equal(relayed.seq, 123);
});

test('counts carried by any event update each service they name', () => {
  const state = reduce(start(), { type: 'cleared', seq: 130, number: 'MED-042', counterId: 1, reason: 'TRANSFERRED',
    counts: [{ code: 'MED', waiting: 3, estimatedWaitMinutes: 4 }] });
  assert.equal(state.services[0].waiting, 3);
  assert.equal(state.services[0].estimatedWaitMinutes, 4);
  assert.equal(counter(state, 1).number, null);
});

test('a board that joins while the database is away starts from the mode alone, shows relayed calls, then takes its snapshot', () => {
  let state = reduce(EMPTY, { type: 'mode', mode: 'DEGRADED', since: 's' });
  assert.equal(state.mode, 'DEGRADED');
  assert.equal(state.seq, null, 'nothing to resume from: the next connection asks for a snapshot');
  state = reduce(state, { type: 'called', number: 'MED-050', counterId: 2, counterName: 'Room 2', recall: false, at: 't' });
  assert.deepEqual(state.counters.map((c) => [c.id, c.name, c.number]), [[2, 'Room 2', 'MED-050']]);
  assert.equal(state.recentCalls[0].number, 'MED-050');
  assert.equal(state.seq, null);
  state = reduce(state, { type: 'mode', mode: 'NORMAL', since: 'n' });
  state = reduce(state, snapshot());
  assert.equal(state.mode, 'NORMAL');
  assert.equal(state.seq, 123);
});

test('a counter\'s Hindi name, when the server sends one, follows the call to the recent calls', () => {
  let state = reduce(start(), called(124, 'MED-043', 2, { counterNameHi: 'कक्ष 2' }));
  assert.equal(counter(state, 2).nameHi, 'कक्ष 2');
  assert.equal(state.recentCalls[0].counterNameHi, 'कक्ष 2');
  state = reduce(state, called(125, 'MED-044', 2));
  assert.equal(state.recentCalls[0].counterNameHi, 'कक्ष 2');
  assert.equal(reduce(start(), called(124, 'MED-043', 2)).recentCalls[0].counterNameHi, undefined);
});
