import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callClips, destination, numberClips } from '../clips.js';

const here = (path) => fileURLToPath(new URL(`..${path.replace('/board', '')}`, import.meta.url));

test('a call becomes token number, the letters, the number, and the room, in English and in Hindi', () => {
  assert.deepEqual(callClips({ number: 'MED-063', counterName: 'Room 1', counterId: 7 }), {
    en: ['token-number', 'letter-m', 'letter-e', 'letter-d', 'n63', 'please-go-to', 'room', 'n1'].map((c) => `/board/audio/en/${c}.opus`),
    hi: ['token-number', 'letter-m', 'letter-e', 'letter-d', 'n63', 'please', 'room', 'n1', 'go'].map((c) => `/board/audio/hi/${c}.opus`),
  });
});

test('numbers up to 99 are one word, hundreds are said as hundreds, longer ones digit by digit', () => {
  assert.deepEqual(numberClips(0), ['n0']);
  assert.deepEqual(numberClips(99), ['n99']);
  assert.deepEqual(numberClips(100), ['n1', 'hundred']);
  assert.deepEqual(numberClips(163), ['n1', 'hundred', 'n63']);
  assert.deepEqual(numberClips(1042), ['n1', 'n0', 'n4', 'n2']);
});

test('a room is a room, any other counter is said as counter and its number', () => {
  assert.deepEqual(destination('Room 12', 3), { kind: 'room', number: 12 });
  assert.deepEqual(destination('कमरा 4', 3), { kind: 'room', number: 4 });
  assert.deepEqual(destination('Counter 11', 3), { kind: 'counter', number: 11 });
  assert.deepEqual(destination('Lab 3', 9), { kind: 'counter', number: 3 });
  assert.deepEqual(destination('Pharmacy', 9), { kind: 'counter', number: 9 });
  assert.equal(destination(null, undefined), null);
});

test('a call relayed without its counter still names the token', () => {
  assert.deepEqual(callClips({ number: 'ENT-7' }).en, ['token-number', 'letter-e', 'letter-n', 'letter-t', 'n7'].map((c) => `/board/audio/en/${c}.opus`));
});

test('every clip a call can need is in audio/', () => {
  const calls = [];
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') calls.push({ number: `${letter}-1`, counterName: 'Counter 1' });
  for (let n = 0; n < 1000; n++) calls.push({ number: `MED-${n}`, counterName: `Room ${n}` });
  const missing = new Set();
  for (const call of calls) {
    const { en, hi } = callClips(call);
    for (const clip of [...en, ...hi]) if (!existsSync(here(clip))) missing.add(clip);
  }
  assert.deepEqual([...missing], []);
});
