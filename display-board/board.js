// Wires the board together: first paint over HTTP, then the live socket, the announcer and the clock.

import { EMPTY, reduce, resumeFrom } from './state.js';
import { backoffDelay, openDisplaySocket } from './socket.js';
import { healthView, watchStatus } from './health.js';
import { createAnnouncer, missingVoices } from './speech.js';
import { audioAllowed, playChime, unlockAudio } from './chime.js';
import { everySecond, now, syncWithServer } from './clock.js';
import { MUTED_KEY, boardIdFrom, deviceKeyFrom, initiallyMuted, withoutDeviceKey } from './config.js';
import * as view from './view.js';

// A call replayed after an outage is shown but not announced: the patient has long gone or is at the counter.
const ANNOUNCE_IF_NEWER_THAN_MS = 2 * 60_000;

const url = new URL(location.href);
let state = EMPTY;
let socket = null;
let everConnected = false;
let probeMode = null;
// Durations are measured on the local clock: the server offset may change under them at each snapshot.
let lastUpdateAt = null;
let disconnectedAt = Date.now();
let muted = initiallyMuted(url, localStorage);
const deviceKey = deviceKeyFrom(url, localStorage);
if (url.searchParams.has('device')) history.replaceState(null, '', withoutDeviceKey(url));

const announcer = createAnnouncer({ chime: playChime, isMuted: () => muted });

function apply(message) {
  const next = reduce(state, message);
  if (next === state) return;
  state = next;
  lastUpdateAt = Date.now();
  if (message.type === 'snapshot') syncWithServer(message.serverTime);
  view.renderState(state);
  if (message.type === 'called') onCalled(message);
}

function onCalled(call) {
  view.showNewest(call);
  const at = Date.parse(call.at ?? '');
  if (Number.isFinite(at) && now() - at > ANNOUNCE_IF_NEWER_THAN_MS) return;
  announcer.announce(call);
}

function renderHealth() {
  const connected = socket?.connected() ?? false;
  const health = healthView({ connected, mode: state.mode, probeMode, lastUpdateAt, disconnectedAt, now: Date.now() });
  view.renderHealth(health, { connected, mode: state.mode, everConnected });
}

function onSocketStatus(connected) {
  if (connected) {
    everConnected = true;
  } else {
    disconnectedAt = Date.now();
    // The data was current right up to the moment the connection went.
    if (everConnected) lastUpdateAt = Date.now();
  }
  renderHealth();
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Keeps asking until the server answers: a hall PC often boots before the network or the server is up. */
async function untilAnswered(task) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
    }
  }
}

async function resolveBoardId() {
  const fromUrl = boardIdFrom(url);
  if (fromUrl) return fromUrl;
  const boards = await untilAnswered(() => getJson('/api/boards'));
  return boards[0]?.id ?? 1;
}

// ---- sound ----------------------------------------------------------------------------------------

function setMuted(value) {
  muted = value;
  localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
  if (muted) announcer.silence();
  renderSound();
}

function renderSound() {
  view.renderSound({ muted, blocked: !audioAllowed(), missingVoices: missingVoices(globalThis.speechSynthesis?.getVoices()) });
}

function onFirstGesture() {
  unlockAudio().finally(renderSound);
}

document.addEventListener('click', onFirstGesture, { once: true, capture: true });
document.addEventListener('keydown', onFirstGesture, { once: true, capture: true });
document.addEventListener('keydown', (event) => {
  if ((event.key === 'm' || event.key === 'M') && !event.ctrlKey && !event.metaKey && !event.altKey) setMuted(!muted);
});
document.querySelector('[data-testid="mute-toggle"]').addEventListener('click', () => setMuted(!muted));

// ---- start ----------------------------------------------------------------------------------------

window.__board = {
  state: () => state,
  resumeFrom: () => resumeFrom(state),
  connected: () => socket?.connected() ?? false,
};

document.fonts.addEventListener('loadingdone', view.refit);
addEventListener('resize', view.refit);
renderSound();
// Chromium lists its voices a moment after start, and again when one is installed.
globalThis.speechSynthesis?.addEventListener('voiceschanged', renderSound);
everySecond((ms) => {
  view.renderClock(ms);
  renderHealth();
});

const boardId = await resolveBoardId();
try {
  apply(await getJson(`/api/display/${encodeURIComponent(boardId)}`));
} catch {
  // The socket's own snapshot will paint the board once the server answers.
}
socket = openDisplaySocket({ boardId, deviceKey, resumeFrom: () => resumeFrom(state), onMessage: apply, onStatus: onSocketStatus });
watchStatus({
  isConnected: () => socket.connected(),
  onSilentLoss: () => socket.reconnectNow(),
  onMode: (mode) => {
    probeMode = mode;
    renderHealth();
  },
});
