import * as api from './api.js';
import { KIND_WORDS, makeAction, normalizeNumber } from './actions.js';
import { createOutbox, rememberCounter, rememberedCounter, rememberedCounters } from './outbox.js';
import { replay } from './replay.js';
import { openStore } from './store.js';

// The offline counter console: served from the service worker's cache when the server is gone. Staff call by the
// number they type or scan, and complete or mark no-show the one at the counter; each action goes into the
// outbox at once and is sent, in order, whenever the server answers (see replay.js).

const ROUND_MS = 3000;
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const store = await openStore();
const outbox = createOutbox(store);
let counter = await rememberedCounter(store);
let running = null;
let loggedOut = false;

const BANNER = {
  offline: ['Offline: the server cannot be reached.',
    'Keep calling by number. Every action is kept on this PC and sent, in order, when the server is back.'],
  degraded: ['The server is up, its database is not.',
    'Calls still go to the display boards. Complete and no-show are kept on this PC until the database is back.'],
  online: ['The server is back.', 'Everything done here has been sent.'],
};

function showMode(mode, pending) {
  const banner = $('offline-banner');
  const [title, text] = BANNER[mode];
  banner.dataset.mode = mode;
  banner.querySelector('[data-banner-title]').textContent = title;
  let detail = text;
  if (mode === 'online' && pending) {
    detail = loggedOut ? `Your log-in has ended: log in again to send the ${pending} queued action(s).`
      : `${pending} action(s) still to send.`;
  }
  banner.querySelector('[data-banner-text]').textContent = detail;
  const back = $('online-link');
  back.hidden = mode !== 'online';
  back.href = loggedOut ? '/login' : `/console${counter ? `/${counter.id}` : ''}`;
  back.textContent = loggedOut ? 'Log in again' : 'Back to the online console';
}

function say(text, kind = 'alert') {
  const box = $('message');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = !text;
}

function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

async function draw() {
  if (!counter) return;
  $('current-number').textContent = counter.current ?? '—';
  $('complete').disabled = !counter.current;
  $('no-show').disabled = !counter.current;
  const items = await outbox.history();
  $('actions').replaceChildren(...items.map((entry) => {
    const item = document.createElement('li');
    Object.assign(item.dataset, { state: entry.state, kind: entry.kind, number: entry.number });
    const what = Object.assign(document.createElement('span'), { className: 'what', textContent: `${KIND_WORDS[entry.kind]} ${entry.number}` });
    const at = Object.assign(document.createElement('time'), { dateTime: entry.at, textContent: time(entry.at) });
    const state = Object.assign(document.createElement('span'), { className: `state ${entry.state}`, textContent: entry.state });
    item.append(what, at, state);
    if (entry.state === 'sent' && entry.note) item.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: entry.note }));
    if (entry.state === 'refused') item.append(Object.assign(document.createElement('span'), { className: 'reason', textContent: entry.note }));
    return item;
  }));
  const pending = await outbox.size();
  $('pending').textContent = pending ? `${pending} queued` : 'all sent';
}

/** One round: send the outbox if there is one, else just ask whether the server is back. */
function round() {
  if (!running) {
    running = (async () => {
      let mode;
      if ((await outbox.size()) > 0) {
        const result = await replay({ outbox, postActions: api.postActions, callByNumber: api.callByNumber });
        mode = { normal: 'online', degraded: 'degraded', offline: 'offline' }[result.mode];
        loggedOut = result.failed instanceof api.LoggedOut;
        if (result.failed instanceof api.Refused && !(result.failed instanceof api.Degraded)) say(result.failed.message);
      } else {
        try {
          mode = (await api.getStatus()).mode === 'NORMAL' ? 'online' : 'degraded';
        } catch {
          mode = 'offline';
        }
      }
      showMode(mode, await outbox.size());
      await draw();
    })().catch((error) => console.warn('console round failed', error)).finally(() => { running = null; });
  }
  return running;
}

/** `done` runs once the action is kept and before the screen shows it, so focus is where it belongs by then. */
async function record(kind, number, done) {
  await outbox.add(makeAction(kind, counter.id, number));
  counter = { ...counter, current: kind === 'CALL' ? number : null };
  await rememberCounter(store, { id: counter.id, current: counter.current });
  done();
  await draw();
  round();
}

async function call(event) {
  event.preventDefault();
  const input = $('call-number');
  const number = normalizeNumber(input.value);
  if (!number) {
    say('Type or scan a token number, e.g. MED-042.');
    return;
  }
  // Focus back in the field before the new number shows: a key pressed once it shows (Escape, then X for a
  // no-show) must not find the field taking focus again behind it and land there as a letter.
  await record('CALL', number, () => {
    say(`Called ${number}: say it aloud.`, 'notice');
    input.value = '';
    input.focus();
  });
}

async function finish(kind) {
  if (!counter.current) return;
  const number = counter.current;
  await record(kind, number, () => {
    say(`${number}: ${kind === 'COMPLETE' ? 'completed' : 'no-show'}.`, 'notice');
    $('call-number').focus();
  });
}

/** No counter remembered: let staff choose one of the hospital's counters (kept by the online chooser). */
async function chooseCounter() {
  $('no-counter').hidden = false;
  const counters = await rememberedCounters(store);
  $('no-counter-list').hidden = counters.length > 0;
  $('counter-choices').replaceChildren(...counters.map((c) => {
    const item = document.createElement('li');
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: c.name });
    button.dataset.counterId = String(c.id);
    button.addEventListener('click', async () => {
      counter = { id: c.id, name: c.name, services: c.services, current: null };
      await rememberCounter(store, counter);
      $('no-counter').hidden = true;
      start();
    });
    item.append(button, ` ${(c.services ?? []).join(', ')}`);
    return item;
  }));
}

function start() {
  if (!counter) {
    chooseCounter();
    return;
  }
  $('console').hidden = false;
  $('counter-name').textContent = counter.name;
  $('counter-services').textContent = (counter.services ?? []).join(', ');
  document.title = `${counter.name} · offline console`;
  const typed = new URLSearchParams(location.search).get('number');
  if (typed) $('call-number').value = typed;
  $('call-form').addEventListener('submit', call);
  $('complete').addEventListener('click', () => finish('COMPLETE'));
  $('no-show').addEventListener('click', () => finish('NO_SHOW'));
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target.closest('input')) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    const key = event.key.toLowerCase();
    if (key === 'c' || key === 'x') {
      event.preventDefault();
      finish(key === 'c' ? 'COMPLETE' : 'NO_SHOW');
    } else if (key === 'f' || key === '/') {
      event.preventDefault();
      $('call-number').focus();
    }
  });
  $('call-number').focus();
  draw();
}

start();
showMode('offline', 0);
round();
setInterval(round, ROUND_MS);

// For tests and for a curious IT person with the developer tools open.
window.__console = {
  outbox: () => outbox.entries(),
  outboxSize: () => outbox.size(),
  history: () => outbox.history(),
  round,
};
