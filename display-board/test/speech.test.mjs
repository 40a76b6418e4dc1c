import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnouncer, pickVoice } from '../speech.js';

globalThis.SpeechSynthesisUtterance ??= class {
  constructor(text) {
    this.text = text;
  }
};

/** A speechSynthesis that records what it was asked and finishes an utterance when told to. */
function fakeSynth({ voices = [], autoEnd = true } = {}) {
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
  announcer.announce('MED-042', 'Room 1');
  announcer.announce('MED-042', 'Room 1'); // a recall is said again
  announcer.announce('ORTH-007', 'Room 2');
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
  announcer.announce('MED-001', 'Room 1');
  await settle();
  announcer.announce('MED-002', 'Room 2');
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
    announcer.announce('MED-001', 'Room 1');
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
  announcer.announce('MED-001', 'Room 1');
  await settle();
  assert.deepEqual(synth.log, []);

  muted = false;
  announcer.announce('MED-002', 'Room 2');
  announcer.announce('MED-003', 'Room 3');
  await settle();
  muted = true;
  announcer.silence();
  await settle();
  assert.deepEqual(synth.log, ['en-IN: Token M E D 2, Room 2', 'cancel']);
});
