// The announcer: chime, then English, then Hindi, one call after another.
// A new call waits for the one being spoken; a broken voice cannot hold the queue for ever.

import { announcement } from './spoken.js';

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

/** Long enough for any real utterance of this text; past it the voice is taken as stuck. */
export function guardMs(text) {
  return Math.min(20_000, 3_000 + 120 * text.length);
}

export function createAnnouncer({ chime, isMuted, synth = globalThis.speechSynthesis }) {
  const queue = [];
  let running = false;

  function say(text, lang) {
    if (!synth || isMuted()) return Promise.resolve();
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

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const { en, hi } = queue.shift();
      if (isMuted()) continue;
      await chime();
      await say(en, 'en-IN');
      await say(hi, 'hi-IN');
    }
    running = false;
  }

  return {
    /** Queues one call (a recall too: it is announced again). */
    announce(number, counterName) {
      if (isMuted()) return;
      queue.push(announcement(number, counterName));
      if (!running) drain();
    },
    /** Muting stops what is being said and forgets what was waiting to be said. */
    silence() {
      queue.length = 0;
      synth?.cancel();
    },
  };
}
