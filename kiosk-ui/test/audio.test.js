import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SPOKEN_SCREENS, audioWanted, clipFor, createPrompts } from '../audio.js';

const root = new URL('..', import.meta.url).pathname;

test('spoken prompts are off unless the hospital or the kiosk address switches them on', () => {
  assert.equal(audioWanted(null, false), false);
  assert.equal(audioWanted(null, undefined), false);
  assert.equal(audioWanted(null, true), true);
  assert.equal(audioWanted('on', false), true);
  assert.equal(audioWanted('off', true), false);
});

test('every spoken screen has its recorded clip in Hindi and in English', () => {
  for (const screen of SPOKEN_SCREENS) {
    for (const lang of ['hi', 'en']) assert.ok(existsSync(root + clipFor(screen, lang)), clipFor(screen, lang));
  }
  assert.equal(clipFor('start', 'hi'), null);
});

test('a screen plays its clip in the patient\'s language only when enabled, stopping the one before', () => {
  const made = [];
  const fake = (src) => ({ src, paused: false, play() { made.push(src); return Promise.resolve(); }, pause() { this.paused = true; } });
  let on = false;
  const prompts = createPrompts({ enabled: () => on, makeAudio: fake });
  assert.equal(prompts.play('service', 'hi'), null);
  on = true;
  assert.equal(prompts.play('service', 'hi'), 'audio/hi/service.opus');
  assert.equal(prompts.play('done', 'en'), 'audio/en/done.opus');
  assert.deepEqual(made, ['audio/hi/service.opus', 'audio/en/done.opus']);
});
