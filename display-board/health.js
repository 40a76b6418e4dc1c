// How fresh the board's data is, and what the hall must be told when it is not.

/** Unreachable for longer than this and the board says so in a banner, not just in the small marker. */
export const OFFLINE_BANNER_AFTER_MS = 10_000;

/** The marker waits this long, so page load and a quick reconnect do not make it blink. */
export const STALE_AFTER_MS = 1_500;

/**
 * What to show about the connection:
 *   stale  - null while connected, else { lastUpdate (Date|null), seconds } for "Last updated … (n s ago)"
 *   banner - null, 'paper' (the server says DEGRADED) or 'offline' (no server for a while)
 */
export function healthView({ connected, mode, probeMode, lastUpdateAt, disconnectedAt, now }) {
  const since = lastUpdateAt ?? disconnectedAt;
  const stale = connected || now - disconnectedAt < STALE_AFTER_MS
    ? null
    : { lastUpdate: lastUpdateAt === null ? null : new Date(lastUpdateAt), seconds: Math.max(0, Math.floor((now - since) / 1000)) };

  const degraded = mode === 'DEGRADED' || (!connected && probeMode === 'DEGRADED');
  const unreachableLong = !connected && now - disconnectedAt > OFFLINE_BANNER_AFTER_MS;
  return { stale, banner: degraded ? 'paper' : unreachableLong ? 'offline' : null };
}

/** "12 s" / "4 min" / "2 h", English and Hindi. */
export function ago(seconds) {
  if (seconds < 120) return { en: `${seconds} s ago`, hi: `${seconds} सेकंड पहले` };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return { en: `${minutes} min ago`, hi: `${minutes} मिनट पहले` };
  const hours = Math.floor(minutes / 60);
  return { en: `${hours} h ago`, hi: `${hours} घंटे पहले` };
}

export const PROBE_EVERY_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Asks GET /api/status now and then. A TV on flaky Wi-Fi can keep a socket that looks open but is
 * dead for minutes; two failed probes in a row while "connected" is taken as that, and onSilentLoss
 * lets the socket reconnect. The answer's mode also tells a disconnected board whether the server is
 * in paper mode.
 */
export function watchStatus({ isConnected, onSilentLoss, onMode }) {
  let failures = 0;
  async function probe() {
    try {
      const response = await fetch('/api/status', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      failures = 0;
      if (response.ok) onMode((await response.json()).mode ?? null);
    } catch {
      failures += 1;
      if (failures >= 2 && isConnected()) {
        failures = 0;
        onSilentLoss();
      }
    }
  }
  return setInterval(probe, PROBE_EVERY_MS);
}
