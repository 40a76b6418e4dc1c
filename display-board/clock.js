// The board's sense of time. The small PCs behind hall TVs often have a wrong clock and no NTP, so the
// shown time follows the server's (from the snapshot) and is drawn in the browser's time zone (IST).

let offsetMs = 0;

/** Aligns with the server's time, as sent in a snapshot's serverTime. */
export function syncWithServer(serverTimeIso) {
  const serverMs = Date.parse(serverTimeIso ?? '');
  if (Number.isFinite(serverMs)) offsetMs = serverMs - Date.now();
}

export function now() {
  return Date.now() + offsetMs;
}

/** A moment taken with the local Date.now(), on the server's clock. */
export function onServerClock(localMs) {
  return localMs + offsetMs;
}

export function hoursMinutes(ms) {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function hoursMinutesSeconds(ms) {
  return new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
}

export function longDate(ms, locale) {
  return new Date(ms).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** Calls tick(now) now and at the start of every following second. */
export function everySecond(tick) {
  tick(now());
  const schedule = () =>
    setTimeout(() => {
      tick(now());
      schedule();
    }, 1000 - (now() % 1000) + 5);
  schedule();
}
