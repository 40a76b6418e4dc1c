// Recorded spoken prompts (audio/<language>/<screen>.opus, made by audio/make-audio.sh), for patients who cannot
// read the screen: one clip as each screen opens, in the patient's language. Off unless the hospital switches it on
// (opd.kiosk.audio) or the kiosk's address says ?audio=on; ?audio=off keeps one kiosk quiet.

export const SPOKEN_SCREENS = Object.freeze(['service', 'priority', 'details', 'confirm', 'done', 'failure']);

/**
 * Whether to speak (or, for ?details=, to ask for patient details): the kiosk's own address decides first, then the
 * hospital's setting.
 */
export function audioWanted(param, setting) {
  if (param === 'on') return true;
  if (param === 'off') return false;
  return setting === true;
}

export function clipFor(screen, lang) {
  return SPOKEN_SCREENS.includes(screen) ? `audio/${lang === 'hi' ? 'hi' : 'en'}/${screen}.opus` : null;
}

/** `enabled()` is asked at each screen, so a setting that arrives later takes effect at the next one. */
export function createPrompts({ enabled, makeAudio = (src) => new Audio(src) }) {
  let playing = null;
  return {
    play(screen, lang) {
      playing?.pause();
      playing = null;
      const src = clipFor(screen, lang);
      if (!enabled() || !src) return null;
      playing = makeAudio(src);
      // Refused before the first touch (autoplay rules) or with no speaker: the screen still says it in words.
      playing.play()?.catch?.(() => {});
      return src;
    },
    stop() {
      playing?.pause();
      playing = null;
    },
  };
}
