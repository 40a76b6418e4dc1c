// A two-tone "ding-dong" made with WebAudio, so the board ships no audio file and works offline.

let context = null;

function audioContext() {
  const AudioContextClass = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!context && AudioContextClass) context = new AudioContextClass();
  return context;
}

/** True when the browser already lets the board play sound (e.g. Chromium started with an autoplay policy). */
export function audioAllowed() {
  return audioContext()?.state === 'running';
}

/** To be called from a click or key press: browsers keep audio suspended until a user gesture. */
export function unlockAudio() {
  return audioContext()?.resume() ?? Promise.resolve();
}

function bell(ctx, frequency, startAt, duration) {
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.35, startAt + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + duration);
  gain.connect(ctx.destination);
  // A quiet octave above gives the plain sine a bell-like ring.
  for (const [multiple, level] of [[1, 1], [2, 0.25]]) {
    const tone = ctx.createOscillator();
    const toneGain = ctx.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency * multiple;
    toneGain.gain.value = level;
    tone.connect(toneGain).connect(gain);
    tone.start(startAt);
    tone.stop(startAt + duration);
  }
}

/** Plays the chime; resolves when it has faded (at once when audio is not available). */
export function playChime() {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return Promise.resolve();
  const t = ctx.currentTime + 0.05;
  bell(ctx, 659.25, t, 1.1); // E5
  bell(ctx, 523.25, t + 0.55, 1.4); // C5
  return new Promise((resolve) => setTimeout(resolve, 2000));
}
