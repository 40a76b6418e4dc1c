// The announcer: chime, then English, then Hindi, one call after another.
// Each language is spoken by the PC's voice for it, or, when the PC has none (many Windows and Linux PCs
// have no Hindi voice, some none at all), played from the recorded clips under audio/.
// A new call waits for the one being announced; a broken voice or clip cannot hold the queue for ever.

import { announcement } from './spoken.js';
import { callClips } from './clips.js';

const norm = (lang) => String(lang ?? '').replace('_', '-').toLowerCase();

/** The best voice for `lang` ("en-IN"): that exact language, else any of the same language, else null. */
export function pickVoice(voices, lang) {
  const wanted = norm(lang);
  const primary = wanted.split('-')[0];
  return (
    voices.find((v) => norm(v.lang) === wanted) ??
    voices.find((v) => norm(v.lang).split('-')[0] === primary) ??
    null
  );
}

/** Which of the two languages this PC cannot speak, e.g. ["hi-IN"]: those are played from recordings. */
export function missingVoices(voices) {
  return ['en-IN', 'hi-IN'].filter((lang) => !pickVoice(voices ?? [], lang));
}

/** Long enough for any real utterance of this text; past it the voice is taken as stuck. */
export function guardMs(text) {
  return Math.min(20_000, 3_000 + 120 * text.length);
}

const CLIP_GUARD_MS = 5_000;

/** Plays one recorded clip to its end (or until it fails or sticks). */
function playClip(src) {
  return new Promise((resolve) => {
    const audio = new Audio(src);
    const guard = setTimeout(finish, CLIP_GUARD_MS);
    function finish() {
      clearTimeout(guard);
      resolve();
    }
    audio.onended = finish;
    audio.onerror = finish;
    audio.play().catch(finish);
  });
}

export function createAnnouncer({ chime, isMuted, synth = globalThis.speechSynthesis, play = playClip }) {
  const queue = [];
  let running = false;

  function say(text, lang) {
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.voice = pickVoice(synth.getVoices(), lang);
      utterance.rate = 0.9; // a little slower carries better in a large, echoing hall
      const guard = setTimeout(() => {
        synth.cancel();
        finish();
      }, guardMs(text));
      function finish() {
        clearTimeout(guard);
        resolve();
      }
      utterance.onend = finish;
      utterance.onerror = finish;
      synth.speak(utterance);
    });
  }

  async function playAll(clips) {
    for (const clip of clips) {
      if (isMuted()) return;
      await play(clip);
    }
  }

  /** Asks for the voices each time: Chromium fills the list late, and a voice may be installed while running. */
  function sayOrPlay(text, lang, clips) {
    if (isMuted()) return Promise.resolve();
    return synth && pickVoice(synth.getVoices(), lang) ? say(text, lang) : playAll(clips);
  }

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const call = queue.shift();
      if (isMuted()) continue;
      const words = announcement(call.number, call.counterName, call.counterNameHi);
      const clips = callClips(call);
      await chime();
      await sayOrPlay(words.en, 'en-IN', clips.en);
      await sayOrPlay(words.hi, 'hi-IN', clips.hi);
    }
    running = false;
  }

  return {
    /** Queues one call, { number, counterName, counterNameHi, counterId } (a recall too: it is announced again). */
    announce(call) {
      if (isMuted()) return;
      queue.push(call);
      if (!running) drain();
    },
    /** Muting stops what is being said and forgets what was waiting to be said. */
    silence() {
      queue.length = 0;
      synth?.cancel();
    },
  };
}
