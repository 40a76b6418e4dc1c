// Draws the state into the page. Server strings only ever go through textContent, never innerHTML.

import { hindiCounterName } from './spoken.js';
import { ago } from './health.js';
import { hoursMinutes, hoursMinutesSeconds, longDate, onServerClock } from './clock.js';

export const FLASH_MS = 6_000;
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

const tiles = new Map(); // counterId -> tile element, kept so a running flash survives re-renders

/**
 * Columns, rows and tile shape for n counters on a 16:9 screen, chosen so that an eight-character
 * number ("ORTH-042") stays at least 96 px high with 12 counters: up to 8 as tiles (name over number),
 * beyond that as two columns of rows (name beside number), like an airport board.
 */
export function gridFor(n) {
  if (n <= 1) return { cols: 1, rows: 1, layout: 'tiles' };
  if (n <= 2) return { cols: 2, rows: 1, layout: 'tiles' };
  return { cols: 2, rows: Math.ceil(n / 2), layout: n <= 8 ? 'tiles' : 'rows' };
}

const IDLE = {
  OPEN: ['—', ''],
  PAUSED: ['Paused', 'रुका हुआ'],
  CLOSED: ['Closed', 'बंद'],
};

function newTile(counterId) {
  const tile = el('article', 'tile');
  tile.dataset.testid = `tile-${counterId}`;
  const head = el('header', 'tile-head');
  head.append(el('span', 'counter-name'), hindi('span', 'counter-name-hi hi'));
  const idle = el('p', 'idle');
  idle.append(el('span', 'en'), hindi('span', 'hi'));
  tile.append(head, el('p', 'token'), idle, el('p', 'tile-note'));
  return tile;
}

function renderTile(tile, counter, latest) {
  const number = counter.number ?? '';
  const state = counter.state ?? 'OPEN';
  tile.dataset.number = number;
  tile.dataset.state = state;
  tile.dataset.status = counter.status ?? '';
  tile.classList.toggle('empty', !number);
  tile.classList.toggle('latest', Boolean(number) && latest?.counterId === counter.id && latest?.number === number);

  const name = counter.name ?? '';
  const nameHi = hindiCounterName(name);
  tile.querySelector('.counter-name').textContent = name;
  tile.querySelector('.counter-name-hi').textContent = nameHi === name ? '' : nameHi;

  const serving = Boolean(number) && counter.status === 'SERVING';
  tile.querySelector('.tile-note').textContent = serving ? 'In consultation · परामर्श में' : '';

  const token = tile.querySelector('.token');
  if (token.textContent !== number) token.textContent = number;
  const [idleEn, idleHi] = number ? ['', ''] : IDLE[state] ?? IDLE.OPEN;
  tile.querySelector('.idle .en').textContent = idleEn;
  tile.querySelector('.idle .hi').textContent = idleHi;
}

function renderTiles(state) {
  const container = $('[data-testid="now-calling"]');
  const { cols, rows, layout } = gridFor(state.counters.length);
  container.style.setProperty('--cols', cols);
  container.style.setProperty('--rows', rows);
  container.dataset.layout = layout;

  const latest = state.recentCalls[0];
  const wanted = state.counters.map((counter) => {
    const tile = tiles.get(counter.id) ?? newTile(counter.id);
    tiles.set(counter.id, tile);
    renderTile(tile, counter, latest);
    return tile;
  });
  for (const [id, tile] of tiles) {
    if (!wanted.includes(tile)) tiles.delete(id);
  }
  if (wanted.length !== container.children.length || wanted.some((tile, i) => container.children[i] !== tile)) {
    container.replaceChildren(...wanted);
  }
  refit();
}

/**
 * All numbers share one size, the largest at which the widest one fits, so the board reads as one
 * table and a long number (a four-digit day, an offline series) shrinks rather than spills.
 * Called again once the web fonts have arrived or the window has changed size.
 */
export function refit() {
  const container = $('[data-testid="now-calling"]');
  container.style.setProperty('--fit', 1);
  const ratios = [...tiles.values()]
    .map((tile) => tile.querySelector('.token'))
    .filter((token) => token.textContent && token.scrollWidth > token.clientWidth)
    .map((token) => token.clientWidth / token.scrollWidth);
  if (ratios.length > 0) container.style.setProperty('--fit', (Math.min(...ratios) * 0.98).toFixed(3));
}

/** Restarts the flash on a freshly called (or recalled) counter. */
export function flashTile(counterId) {
  const tile = tiles.get(counterId);
  if (!tile) return;
  clearTimeout(tile.flashTimer);
  tile.classList.remove('flash');
  void tile.offsetWidth; // lets the animation start again from its first frame
  tile.classList.add('flash');
  tile.flashTimer = setTimeout(() => tile.classList.remove('flash'), FLASH_MS);
}

// ---- side panel -----------------------------------------------------------------------------------

function renderRecent(state) {
  const rows = state.recentCalls.map((call, i) => {
    const row = el('li', i === 0 ? 'latest' : '');
    row.dataset.number = call.number;
    row.append(el('span', 'number', call.number), el('span', 'arrow', '→'), el('span', 'where', call.counterName ?? ''));
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
  renderTiles(state);
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

export function renderMute(muted) {
  const button = $('[data-testid="mute-toggle"]');
  button.setAttribute('aria-pressed', String(muted));
  button.querySelector('.label').textContent = muted ? 'Muted · मौन' : 'Sound on · ध्वनि चालू';
}

export function showSoundGate(show) {
  $('#sound-gate').hidden = !show;
}
