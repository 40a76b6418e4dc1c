// What the patient's phone does when the token is called: the phone may be in a pocket or on another tab,
// so everything that can reach the patient is used — vibration, a sound (once a tap has allowed it), the
// tab's title and icon, and a notification if the patient allowed those.

const PATTERN_MS = [400, 200, 400, 200, 800];
let audio = null;

/** True only on the change into CALLED: a page opened already called, or polled again, does not alert twice. */
export function isNewlyCalled(before, now) {
  return now === 'CALLED' && before !== undefined && before !== 'CALLED';
}

/** The tab's title while called: what to do comes first, as a tab shows only the start of it. */
export function calledTitle(token) {
  const where = token.counter ? ` → ${token.counter}` : '';
  return `Called: ${token.number}${where} · बुलाया गया`;
}

/**
 * Called from the patient's tap: browsers play sound only after a gesture, and ask about notifications only
 * then. Returns the sound's readiness; the tap also plays a short tone, so the patient hears what to expect.
 */
export async function allowAlerts() {
  const AudioContextClass = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (AudioContextClass) {
    audio ??= new AudioContextClass();
    await audio.resume().catch(() => {});
    tone([880], 0.15);
  }
  if ('Notification' in globalThis && Notification.permission === 'default') {
    await Notification.requestPermission().catch(() => {});
  }
  return audio?.state === 'running';
}

function tone(frequencies, seconds) {
  if (audio?.state !== 'running') return;
  frequencies.forEach((frequency, i) => {
    const start = audio.currentTime + i * (seconds + 0.08);
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + seconds);
  });
}

/** Everything at once, each step on its own: one that the phone refuses must not stop the others. */
export function alertCalled(token) {
  navigator.vibrate?.(PATTERN_MS);
  tone([659.25, 523.25, 659.25, 523.25], 0.35);
  if ('Notification' in globalThis && Notification.permission === 'granted') {
    try {
      new Notification(calledTitle(token), { body: `${token.statusEn}\n${token.statusHi}`, tag: token.number, icon: '/favicon-called.svg' });
    } catch {
      // Chrome on Android allows notifications only from a service worker; the vibration and sound remain.
    }
  }
}

/** Title and icon follow the status, so a patient glancing at the tab strip sees it too. */
export function showCalled(token, called, plainTitle) {
  document.title = called ? calledTitle(token) : plainTitle;
  const icon = document.querySelector('link[rel="icon"]');
  if (icon) icon.href = called ? '/favicon-called.svg' : '/favicon.svg';
}
