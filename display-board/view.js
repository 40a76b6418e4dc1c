// Draws the state into the page. Server strings only ever go through textContent, never innerHTML.

import { placeNames } from './spoken.js';
import { ago } from './health.js';
import { hoursMinutes, hoursMinutesSeconds, longDate, onServerClock } from './clock.js';

export const FLASH_MS = 6_000;
export const BANNER_MS = 6_000;
const TICKER_PX_PER_SECOND = 110;

const $ = (selector) => document.querySelector(selector);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function hindi(tag, className, text) {
  const node = el(tag, className, text);
  node.lang = 'hi';
  return node;
}

function setText(selector, text) {
  const node = $(selector);
  if (node.textContent !== text) node.textContent = text ?? '';
}

// ---- header ---------------------------------------------------------------------------------------

function renderHeader(state) {
  setText('#hospital-name', state.hospital?.name ?? 'OPD display board');
  setText('#hospital-name-hi', state.hospital?.nameHi ?? '');
  setText('#board-name', state.board?.name ?? '');
  setText('#board-name-hi', state.board?.nameHi ?? '');
  document.title = [state.board?.name, state.hospital?.name].filter(Boolean).join(' · ') || 'OPD display board';
}

export function renderClock(ms) {
  setText('[data-testid="clock"]', hoursMinutes(ms));
  setText('#date-en', longDate(ms, 'en-IN'));
  setText('#date-hi', `· ${longDate(ms, 'hi-IN')}`);
}

// ---- now calling ----------------------------------------------------------------------------------

const lines = new Map(); // counterId -> line element, kept so a running flash survives re-renders
let bannerTimer = null;

/**
 * Columns and rows for n calls. Lines never grow past a quarter of the area (a third standing up, where
 * the destination goes under itself), so one call does not look like a different board; beyond six calls
 * a wide screen takes two columns, each line with its destination stacked to fit.
 */
export function linesFor(n, portrait) {
  if (portrait) return { cols: 1, rows: Math.max(n, 3) };
  if (n <= 6) return { cols: 1, rows: Math.max(n, 4) };
  return { cols: 2, rows: Math.ceil(n / 2) };
}

/** "MED-063 → कमरा 1 · Room 1": the number and where to go, the same size. */
function callLine(line, number, place) {
  const { hi, en } = placeNames(place);
  let parts = line.querySelector('.number');
  if (!parts) {
    const dest = el('span', 'dest');
    dest.append(hindi('span', 'dest-hi hi'), el('span', 'sep', ' · '), el('span', 'dest-en'));
    const arrow = el('span', 'arrow', '→');
    arrow.setAttribute('aria-hidden', 'true');
    line.append(el('span', 'number'), arrow, dest);
    parts = line.querySelector('.number');
  }
  if (parts.textContent !== number) parts.textContent = number;
  line.querySelector('.dest-hi').textContent = hi;
  line.querySelector('.sep').hidden = !hi || !en;
  line.querySelector('.dest-en').textContent = en;
  return line;
}

function renderCalls(state) {
  const container = $('[data-testid="now-calling"]');
  const calling = state.counters.filter((counter) => counter.number);
  const { cols, rows } = linesFor(calling.length, isPortrait());
  container.style.setProperty('--cols', cols);
  container.style.setProperty('--rows', rows);
  $('[data-testid="empty-state"]').hidden = calling.length > 0;

  const latest = state.recentCalls[0];
  const wanted = calling.map((counter) => {
    let line = lines.get(counter.id);
    if (!line) {
      line = el('article', 'call');
      line.dataset.testid = `tile-${counter.id}`;
      lines.set(counter.id, line);
    }
    line.dataset.number = counter.number;
    line.dataset.status = counter.status ?? '';
    line.classList.toggle('latest', latest?.counterId === counter.id && latest?.number === counter.number);
    return callLine(line, counter.number, counter);
  });
  for (const [id, line] of lines) {
    if (!wanted.includes(line)) lines.delete(id);
  }
  if (wanted.length !== container.children.length || wanted.some((line, i) => container.children[i] !== line)) {
    container.replaceChildren(...wanted);
  }
  refit();
}

function isPortrait() {
  return innerHeight > innerWidth;
}

/**
 * All lines share one size, the largest at which the widest fits: on one line ("कमरा 1 · Room 1") when it
 * fits, else with the destination in two lines (Hindi over English) if that comes out larger.
 * Called again once the web fonts have arrived or the window has changed size.
 */
export function refit() {
  const container = $('[data-testid="now-calling"]');
  const shown = [...container.children];
  if (shown.length === 0) return;
  let best = null;
  for (const dest of ['inline', 'stacked']) {
    container.dataset.dest = dest;
    container.style.setProperty('--fit', 1);
    const ratio = Math.min(1, ...shown.map((line) => line.clientWidth / line.scrollWidth));
    const size = Number.parseFloat(getComputedStyle(shown[0].querySelector('.number')).fontSize) * ratio;
    if (!best || size > best.size) best = { dest, ratio, size };
  }
  container.dataset.dest = best.dest;
  container.style.setProperty('--fit', best.ratio < 1 ? (best.ratio * 0.97).toFixed(3) : 1);
}

/**
 * A fresh call: its line flashes and the banner shows it for a few seconds. Only the newest flashes,
 * so two calls a moment apart can be told apart: the older one stops as the newer one starts.
 */
export function showNewest(call) {
  for (const line of lines.values()) {
    clearTimeout(line.flashTimer);
    line.classList.remove('flash');
  }
  const line = lines.get(call.counterId);
  if (line) {
    void line.offsetWidth; // lets the animation start again from its first frame
    line.classList.add('flash');
    line.flashTimer = setTimeout(() => line.classList.remove('flash'), FLASH_MS);
  }
  const banner = $('[data-testid="call-banner"]');
  callLine(banner.querySelector('.call'), call.number, { name: call.counterName, nameHi: call.counterNameHi });
  banner.dataset.number = call.number;
  banner.hidden = false;
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(() => {
    banner.hidden = true;
  }, BANNER_MS);
}

// ---- side panel -----------------------------------------------------------------------------------

function renderRecent(state) {
  const rows = state.recentCalls.map((call, i) => {
    const row = callLine(el('li', i === 0 ? 'latest' : ''), call.number, { name: call.counterName, nameHi: call.counterNameHi });
    row.dataset.number = call.number;
    return row;
  });
  $('[data-testid="recent-calls"]').replaceChildren(...rows);
}

function renderWaiting(state) {
  const rows = state.services.map((service) => {
    const row = el('li');
    row.dataset.testid = `waiting-${service.code}`;
    const names = el('div', 'service');
    names.append(el('span', 'service-en', service.name?.en ?? service.code), hindi('span', 'service-hi hi', service.name?.hi ?? ''));
    const count = el('div', 'count');
    const minutes = service.estimatedWaitMinutes;
    count.append(
      el('span', 'waiting-count', String(service.waiting ?? 0)),
      el('span', 'eta', Number.isFinite(minutes) && service.waiting > 0 ? `~${minutes} min · मिनट` : ''),
    );
    row.append(names, count);
    return row;
  });
  $('#waiting-list').replaceChildren(...rows);
}

// ---- ticker ---------------------------------------------------------------------------------------

function renderTicker(state) {
  const text = state.board?.ticker ?? '';
  const node = $('#ticker-text');
  if (node.textContent === text) return;
  node.textContent = text;
  // The same reading speed whatever the length of the message.
  const distance = node.parentElement.clientWidth + node.scrollWidth;
  node.style.setProperty('--ticker-seconds', `${Math.max(10, distance / TICKER_PX_PER_SECOND).toFixed(1)}s`);
}

export function renderState(state) {
  renderHeader(state);
  renderCalls(state);
  renderRecent(state);
  renderWaiting(state);
  renderTicker(state);
}

// ---- connection, mode, sound ----------------------------------------------------------------------

const BANNERS = {
  paper: [
    'Paper token mode — please take a paper token at the registration counter',
    'पर्ची टोकन व्यवस्था — कृपया पंजीकरण काउंटर से पर्ची टोकन लें',
  ],
  offline: ['Display offline — calls continue at the counters', 'डिस्प्ले ऑफ़लाइन — काउंटरों पर पुकार जारी है'],
};

const BADGES = {
  LIVE: ['Live', 'लाइव'],
  DEGRADED: ['Paper token mode', 'पर्ची टोकन'],
  OFFLINE: ['Offline', 'ऑफ़लाइन'],
  CONNECTING: ['Connecting', 'कनेक्ट हो रहा है'],
};

/** health as made by healthView(); connected, mode and everConnected as they are now. */
export function renderHealth({ stale, banner }, { connected, mode, everConnected }) {
  const badge = connected ? (mode === 'DEGRADED' ? 'DEGRADED' : 'LIVE') : everConnected ? 'OFFLINE' : 'CONNECTING';
  const badgeNode = $('#mode-badge');
  badgeNode.dataset.mode = badge;
  badgeNode.querySelector('.en').textContent = BADGES[badge][0];
  badgeNode.querySelector('.hi').textContent = BADGES[badge][1];

  const marker = $('[data-testid="stale-marker"]');
  marker.hidden = !stale;
  if (stale) {
    const when = stale.lastUpdate ? hoursMinutesSeconds(onServerClock(stale.lastUpdate.getTime())) : null;
    const { en, hi } = ago(stale.seconds);
    marker.querySelector('.en').textContent = when ? `Last updated ${when} (${en})` : 'Waiting for the server…';
    marker.querySelector('.hi').textContent = when ? `अंतिम अपडेट ${when} (${hi})` : 'सर्वर की प्रतीक्षा…';
  }

  const bannerNode = $('[data-testid="mode-banner"]');
  bannerNode.hidden = !banner;
  bannerNode.dataset.kind = banner ?? '';
  if (banner) {
    bannerNode.querySelector('.en').textContent = BANNERS[banner][0];
    bannerNode.querySelector('.hi').textContent = BANNERS[banner][1];
  }
}

/** The footer says what the hall really hears: muted, waiting for a click, or sound on. */
export function renderSound({ muted, blocked, missingVoices }) {
  const button = $('[data-testid="mute-toggle"]');
  button.setAttribute('aria-pressed', String(muted));
  button.querySelector('.label').textContent = muted ? 'Muted · मौन' : blocked ? 'Sound off · ध्वनि बंद' : 'Sound on · ध्वनि चालू';
  $('#sound-gate').hidden = muted || !blocked;

  const warning = $('[data-testid="voice-warning"]');
  warning.hidden = missingVoices.length === 0;
  const names = missingVoices.map((lang) => (lang.startsWith('hi') ? 'Hindi' : 'English')).join(' and ');
  const namesHi = missingVoices.map((lang) => (lang.startsWith('hi') ? 'हिंदी' : 'अंग्रेज़ी')).join(' और ');
  warning.querySelector('.en').textContent = `Staff: no ${names} voice on this PC — recorded announcements`;
  warning.querySelector('.hi').textContent = `${namesHi} आवाज़ नहीं — रिकॉर्ड की गई घोषणा`;
}
