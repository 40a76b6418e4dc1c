import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_DELAY_MS, MAX_DELAY_MS, backoffDelay, boardProtocols, displaySocketUrl, frameText, messagesIn } from '../socket.js';
import { EMPTY, reduce } from '../state.js';

test('the first retry comes after about half a second', () => {
  assert.equal(backoffDelay(0, () => 0.5), FIRST_DELAY_MS);
  assert.ok(backoffDelay(0, () => 0) >= 375);
  assert.ok(backoffDelay(0, () => 0.999) <= 625);
});

test('delays double and stop at 30 s', () => {
  const mid = (attempt) => backoffDelay(attempt, () => 0.5);
  assert.deepEqual([0, 1, 2, 3, 4].map(mid), [500, 1000, 2000, 4000, 8000]);
  assert.equal(mid(6), MAX_DELAY_MS);
  assert.equal(mid(50), MAX_DELAY_MS);
  for (let i = 0; i < 100; i++) assert.ok(backoffDelay(40) <= MAX_DELAY_MS);
});

test('jitter spreads boards that lost the server together', () => {
  assert.notEqual(backoffDelay(5, () => 0), backoffDelay(5, () => 0.99));
  assert.ok(backoffDelay(10, () => 0) >= MAX_DELAY_MS * 0.75);
});

test('the socket URL follows the page protocol and carries since', () => {
  assert.equal(displaySocketUrl({ protocol: 'http:', host: 'h:8080' }, 1, null), 'ws://h:8080/ws/display/1?batch=1');
  assert.equal(displaySocketUrl({ protocol: 'https:', host: 'h' }, '2', 57), 'wss://h/ws/display/2?since=57&batch=1');
  assert.equal(displaySocketUrl({ protocol: 'http:', host: 'h' }, 3, 0), 'ws://h/ws/display/3?since=0&batch=1');
});

test('the board PC key travels as a subprotocol, never in the socket URL', () => {
  assert.deepEqual(boardProtocols(null), [], 'a keyless demo board offers none');
  assert.deepEqual(boardProtocols('BOARDA.demo-board-a'), ['opd-board', `opd-board-key.${Buffer.from('BOARDA.demo-board-a').toString('base64url')}`]);
  // every offered protocol must be an HTTP token, or the browser throws before it connects
  const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  for (const key of ['PC1.s/+=', 'हॉल-1.x', 'PC 2.a,b']) {
    const [board, offered] = boardProtocols(key);
    assert.equal(board, 'opd-board');
    assert.match(offered, token);
    assert.equal(Buffer.from(offered.slice('opd-board-key.'.length), 'base64url').toString(), key);
  }
});

test('a frame holding several events applies each of them in order, so no call in a burst is lost', () => {
  const frame = JSON.parse(JSON.stringify([
    { type: 'called', seq: 11, number: 'MED-001', counterId: 1, counterName: 'Room 1', serviceCode: 'MED', at: 't' },
    { type: 'cleared', seq: 12, number: 'MED-001', counterId: 1, reason: 'COMPLETED' },
    { type: 'called', seq: 13, number: 'ENT-002', counterId: 2, counterName: 'Room 2', serviceCode: 'ENT', at: 't' },
  ]));
  const seen = messagesIn(frame);
  assert.deepEqual(seen.map((m) => m.seq), [11, 12, 13]);
  const state = seen.reduce(reduce, { ...EMPTY, seq: 10 });
  assert.equal(state.seq, 13);
  assert.deepEqual(state.recentCalls.map((c) => c.number), ['ENT-002', 'MED-001']);
});

test('a frame holding one event is that event', () => {
  const one = { type: 'waiting', seq: 5, serviceCode: 'MED', waiting: 3 };
  assert.deepEqual(messagesIn(one), [one]);
});

test('a binary frame is read as UTF-8 JSON, Hindi counter names included', () => {
  const json = JSON.stringify([{ type: 'called', seq: 7, number: 'MED-007', counterId: 1, counterNameHi: 'कमरा 1' }]);
  const bytes = new TextEncoder().encode(json);
  const asArrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  assert.deepEqual(messagesIn(JSON.parse(frameText(asArrayBuffer))), JSON.parse(json));
  assert.equal(frameText(json), json);
});
