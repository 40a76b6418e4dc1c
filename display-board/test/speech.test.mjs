import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnouncer, missingVoices, pickVoice } from '../speech.js';

globalThis.SpeechSynthesisUtterance ??= class {
  constructor(text) {
    this.text = text;
  }
};

/** A speechSynthesis that records what it was asked and finishes an utterance when told to. */
const BOTH = [{ name: 'e', lang: 'en-IN' }, { name: 'h', lang: 'hi-IN' }];

function fakeSynth({ voices = BOTH, autoEnd = true } = {}) {
  const log = [];
  let current = null;
  return {
    log,
    getVoices: () => voices,
    speak(u) {
      log.push(`${u.lang}: ${u.text}`);
      current = u;
      if (autoEnd) setTimeout(() => u.onend?.(), 0);
    },
    cancel() {
      log.push('cancel');
      current?.onend?.();
    },
    finish: () => current?.onend?.(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
async function until(condition) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 1));
}

test('voices: exact language first, then the same language, else none', () => {
  const voices = [{ name: 'a', lang: 'en-US' }, { name: 'b', lang: 'en_IN' }, { name: 'c', lang: 'hi-IN' }];
  assert.equal(pickVoice(voices, 'en-IN').name, 'b');
  assert.equal(pickVoice([voices[0]], 'en-IN').name, 'a');
  assert.equal(pickVoice(voices, 'hi-IN').name, 'c');
  assert.equal(pickVoice([voices[0]], 'hi-IN'), null);
});

test('each call is chime, English, Hindi, and calls queue up in order', async () => {
  const synth = fakeSynth();
  const announcer = createAnnouncer({ synth, isMuted: () => false, chime: async () => synth.log.push('chime') });
  announcer.announce({ number: 'MED-042', counterName: 'Room 1', counterId: 1 });
  announcer.announce({ number: 'MED-042', counterName: 'Room 1', counterId: 1 }); // a recall is said again
  announcer.announce({ number: 'ORTH-007', counterName: 'Room 2', counterId: 2 });
  await until(() => synth.log.length === 9);
  assert.deepEqual(synth.log, [
    'chime', 'en-IN: Token M E D 42, Room 1', 'hi-IN: टोकन एम ई डी 42, कमरा 1',
    'chime', 'en-IN: Token M E D 42, Room 1', 'hi-IN: टोकन एम ई डी 42, कमरा 1',
    'chime', 'en-IN: Token O R T H 7, Room 2', 'hi-IN: टोकन ओ आर टी एच 7, कमरा 2',
  ]);
});

test('a new call waits for the sentence being spoken', async () => {
  let muted = false;
  const synth = fakeSynth({ autoEnd: false });
  const announcer = createAnnouncer({ synth, isMuted: () => muted, chime: async () => {} });
  announcer.announce({ number: 'MED-001', counterName: 'Room 1', counterId: 1 });
  await settle();
  announcer.announce({ number: 'MED-002', counterName: 'Room 2', counterId: 2 });
  await settle();
  assert.deepEqual(synth.log, ['en-IN: Token M E D 1, Room 1']);
  synth.finish();
  await settle();
  assert.equal(synth.log.at(-1), 'hi-IN: टोकन एम ई डी 1, कमरा 1');
  assert.ok(!synth.log.includes('cancel'));
  muted = true;
  announcer.silence();
});

test('a voice that never ends cannot hold the queue', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const synth = fakeSynth({ autoEnd: false });
    synth.cancel = () => synth.log.push('cancel'); // a broken voice: not even cancel ends it
    const announcer = createAnnouncer({ synth, isMuted: () => false, chime: async () => {} });
    announcer.announce({ number: 'MED-001', counterName: 'Room 1', counterId: 1 });
    await settle();
    mock.timers.tick(20_000);
    await settle();
    mock.timers.tick(20_000);
    await settle();
    assert.deepEqual(synth.log, ['en-IN: Token M E D 1, Room 1', 'cancel', 'hi-IN: टोकन एम ई डी 1, कमरा 1', 'cancel']);
  } finally {
    mock.timers.reset();
  }
});

test('muted: nothing is said; muting silences what is queued', async () => {
  let muted = true;
  const synth = fakeSynth({ autoEnd: false });
  const announcer = createAnnouncer({ synth, isMuted: () => muted, chime: async () => {} });
  announcer.announce({ number: 'MED-001', counterName: 'Room 1', counterId: 1 });
  await settle();
  assert.deepEqual(synth.log, []);

  muted = false;
  announcer.announce({ number: 'MED-002', counterName: 'Room 2', counterId: 2 });
  announcer.announce({ number: 'MED-003', counterName: 'Room 3', counterId: 3 });
  await settle();
  muted = true;
  announcer.silence();
  await settle();
  assert.deepEqual(synth.log, ['en-IN: Token M E D 2, Room 2', 'cancel']);
});

test('which languages this PC cannot speak: a voice of the same language will do', () => {
  assert.deepEqual(missingVoices([]), ['en-IN', 'hi-IN']);
  assert.deepEqual(missingVoices([{ lang: 'en-US' }]), ['hi-IN']);
  assert.deepEqual(missingVoices(BOTH), []);
});

test('without voices the call is played from the recordings, English then Hindi', async () => {
  const synth = fakeSynth({ voices: [] });
  const played = [];
  const announcer = createAnnouncer({ synth, isMuted: () => false, chime: async () => played.push('chime'), play: async (clip) => played.push(clip) });
  announcer.announce({ number: 'MED-063', counterName: 'Room 1', counterId: 4 });
  await until(() => played.length === 18);
  assert.deepEqual(synth.log, []);
  assert.deepEqual(played, [
    'chime',
    ...['token-number', 'letter-m', 'letter-e', 'letter-d', 'n63', 'please-go-to', 'room', 'n1'].map((c) => `/board/audio/en/${c}.opus`),
    ...['token-number', 'letter-m', 'letter-e', 'letter-d', 'n63', 'please', 'room', 'n1', 'go'].map((c) => `/board/audio/hi/${c}.opus`),
  ]);
});

test('an English voice alone speaks English, and Hindi comes from the recordings', async () => {
  const synth = fakeSynth({ voices: [{ name: 'e', lang: 'en-GB' }] });
  const played = [];
  const announcer = createAnnouncer({ synth, isMuted: () => false, chime: async () => {}, play: async (clip) => played.push(clip) });
  announcer.announce({ number: 'ENT-2', counterName: 'Counter 3', counterId: 3 });
  await until(() => played.length === 9);
  assert.deepEqual(synth.log, ['en-IN: Token E N T 2, Counter 3']);
  assert.equal(played[0], '/board/audio/hi/token-number.opus');
  assert.equal(played.at(-1), '/board/audio/hi/go.opus');
});

test('muting stops the recordings between clips', async () => {
  let muted = false;
  const played = [];
  let release;
  const announcer = createAnnouncer({
    synth: fakeSynth({ voices: [] }), isMuted: () => muted, chime: async () => {},
    play: (clip) => { played.push(clip); return new Promise((r) => { release = r; }); },
  });
  announcer.announce({ number: 'MED-1', counterName: 'Room 1', counterId: 1 });
  await settle();
  muted = true;
  announcer.silence();
  release();
  await settle();
  await settle();
  assert.deepEqual(played, ['/board/audio/en/token-number.opus']);
});
