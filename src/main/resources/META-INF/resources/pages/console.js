// The counter console: what is at the counter, who waits, and one click or key for each action.
// When the API stops answering it hands over to the offline console (/console-offline/), which it keeps ready.
import { OFFLINE_PAGE, offlineReady, prepareOffline, prepareOfflineChoices, sendLeftovers } from '/console-offline/link.js';
import { api as callApi } from './api.js';
import { NOBODY_WAITING, UNDO_SECONDS, actionForKey, confirmationFor, currentStatusText, enabledActions, leftoversMessage,
  priorityLabel, queueHeading, refusedLine, refusedTitle, serverGone, waitedText, words } from './console-view.js';
import { startWalkIn } from './walkin.js';

const REFRESH_MS = 3000;
const TIMEOUT_MS = 2000;
const api = (method, path, body) => callApi(method, path, body, { timeoutMs: TIMEOUT_MS });

const hoursMinutes = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const root = document.querySelector('[data-testid="console"]');
const walkIn = document.querySelector('#walk-in');
if (walkIn) startWalkIn(walkIn);

if (root) startConsole(root);
const chooser = document.querySelector('[data-testid="counter-list"]');
if (chooser) {
  const counters = [...chooser.querySelectorAll('[data-counter-id]')].map((a) => ({
    id: Number(a.dataset.counterId), name: a.dataset.counterName, services: a.dataset.services.split(',').filter(Boolean) }));
  prepareOfflineChoices(counters).catch((error) => console.warn('offline console not prepared', error));
}

function startConsole(panel) {
  const counterId = panel.dataset.counterId;
  const services = panel.dataset.services.split(',').filter(Boolean);
  const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
  let current = null;
  let state = null;
  let busy = false;
  let leaving = false;
  let remembered;
  let asking = null; // { action, until }: the question an action asked, confirmed by the same action again
  let undoable = null; // { id, number, until }: the last complete or no-show, while it can be taken back
  const counterName = panel.dataset.counterName;

  function say(text, kind = 'alert') {
    const box = $('console-message');
    box.textContent = text;
    box.className = kind;
    box.hidden = !text;
  }

  /** The offline console starts from what this page last knew: the counter and the number at it. */
  function remember() {
    const number = current ? current.number : null;
    if (remembered === number) return;
    remembered = number;
    prepareOffline({ id: Number(counterId), name: counterName, services, current: number })
      .catch((error) => console.warn('offline console not prepared', error));
  }

  async function goOffline(number) {
    if (leaving) return;
    if (await offlineReady().catch(() => false)) {
      leaving = true;
      say('The server is not answering: switching to the offline console…');
      window.location.assign(`${OFFLINE_PAGE}${number ? `?number=${encodeURIComponent(number)}` : ''}`);
    } else {
      say('The server is not answering, and this PC has not kept the offline console yet. Call by voice and write each '
        + 'number you call on the paper sheet; when the server is back, open this console, choose your counter and type '
        + 'the numbers you called. New patients get paper tokens at registration.');
    }
  }

  function failed(problem, number) {
    if (serverGone(problem)) return goOffline(number);
    say(problem.message);
    return null;
  }

  function drawCounter(counter) {
    state = counter.state;
    current = counter.currentToken || null;
    remember();
    $('counter-state').textContent = words(state);
    $('counter-state').className = `tag ${state}`;
    $('current-number').textContent = current ? current.number : '—';
    $('current-status').textContent = currentStatusText(state, current);
    for (const [action, on] of Object.entries(enabledActions(state, current))) {
      panel.querySelector(`[data-action="${action}"]`).disabled = !on;
    }
  }

  function drawQueues(queues) {
    const lists = $('waiting-lists');
    lists.replaceChildren(...queues.map((q) => {
      const block = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = queueHeading(q);
      const list = document.createElement('ol');
      list.dataset.testid = `waiting-${q.serviceCode}`;
      for (const w of q.waiting.slice(0, 30)) {
        const item = document.createElement('li');
        item.textContent = w.number;
        item.dataset.number = w.number;
        if (w.issuedAt) {
          const waited = Object.assign(document.createElement('span'), { className: 'muted waited', textContent: waitedText(w.issuedAt, Date.now()) });
          waited.dataset.testid = 'waited';
          item.append(' ', waited);
        }
        if (w.priorityLane) {
          const mark = document.createElement('span');
          mark.className = 'tag prio';
          mark.textContent = priorityLabel(w.priority);
          item.append(' ', mark);
        }
        if (w.reservationUnknown) {
          const mark = document.createElement('span');
          mark.className = 'tag';
          mark.title = 'An offline kiosk slip merged with no record of its reserved number (e.g. a restored database)';
          mark.textContent = 'reservation unknown';
          item.append(' ', mark);
        }
        list.append(item);
      }
      // Not a list item: an empty queue is not "1. Nobody waiting".
      const nobody = Object.assign(document.createElement('p'), { textContent: NOBODY_WAITING, className: 'muted' });
      nobody.dataset.testid = `nobody-${q.serviceCode}`;
      block.append(title, q.waiting.length ? list : nobody);
      return block;
    }));
  }

  /** Offline slips of this counter's services that the merge refused: patients holding a slip in no queue. */
  function drawRefused(refused) {
    const box = $('refused-slips');
    box.hidden = refused.length === 0;
    if (!refused.length) return;
    box.querySelector('[data-refused-title]').textContent = refusedTitle(refused.length);
    box.querySelector('[data-refused-list]').replaceChildren(...refused.map((r) => {
      const item = document.createElement('li');
      item.dataset.number = r.number;
      const number = document.createElement('strong');
      number.textContent = r.number;
      item.append(number, refusedLine(r, hoursMinutes));
      return item;
    }));
  }

  async function refresh() {
    try {
      const [counter, ...queues] = await Promise.all([
        api('GET', `/api/counters/${counterId}`),
        ...services.map((code) => api('GET', `/api/queues/${encodeURIComponent(code)}?limit=30`)),
      ]);
      drawCounter(counter);
      drawQueues(queues);
    } catch (problem) {
      await failed(problem);
      return;
    }
    // Not a reason to leave the console: the banner just keeps what it last showed.
    const query = services.map((code) => `service=${encodeURIComponent(code)}`).join('&');
    if (query) await api('GET', `/api/offline-refusals?${query}`).then(drawRefused, () => {});
  }

  const actions = {
    'call-next': async () => {
      const token = await api('POST', `/api/counters/${counterId}/call-next`, {});
      say(token ? `Called ${token.number}` : 'Nobody is waiting for this counter.', token ? 'notice' : 'alert');
    },
    recall: () => tokenAction('recall'),
    start: () => tokenAction('start'),
    complete: () => tokenAction('complete'),
    'no-show': () => tokenAction('no-show'),
    undo: async () => {
      if (!undoable || Date.now() > undoable.until) return;
      const { id } = undoable;
      showUndo(null);
      const token = await api('POST', `/api/tokens/${id}/undo`, {});
      say(`${token.number} is back: ${words(token.status)}`, 'notice');
    },
    transfer: async () => {
      const to = $('transfer-to').value;
      if (!current) return;
      const token = await api('POST', `/api/tokens/${current.id}/transfer`, { serviceCode: to });
      say(`${token.number} moved to ${token.serviceCode}`, 'notice');
    },
    find: () => $('call-number').focus(),
    open: () => setState('OPEN'),
    pause: () => setState('PAUSED'),
    close: () => setState('CLOSED'),
    issue: () => document.querySelector('#w-service')?.focus(),
  };

  async function tokenAction(action) {
    if (!current) return;
    const token = await api('POST', `/api/tokens/${current.id}/${action}`, {});
    say(`${token.number}: ${words(token.status)}`, 'notice');
    if (action === 'complete' || action === 'no-show') showUndo({ id: token.id, number: token.number, until: Date.now() + UNDO_SECONDS * 1000 });
  }

  /** The undo button, for as long as the server would still take the complete or no-show back. */
  function showUndo(next) {
    undoable = next;
    const bar = $('undo-bar');
    bar.hidden = !next;
    if (!next) return;
    const tick = () => {
      if (undoable !== next) return;
      const left = Math.ceil((next.until - Date.now()) / 1000);
      if (left <= 0) {
        showUndo(null);
        return;
      }
      bar.querySelector('[data-undo-text]').textContent = `Undo ${next.number} (U) — ${left} s left / ${left} सेकंड तक वापस ले सकते हैं`;
      setTimeout(tick, 500);
    };
    tick();
  }

  /** True when the action may go ahead now; else it asks its question and waits for the same action again. */
  function confirmed(name) {
    const question = confirmationFor(name, current);
    if (!question) return true;
    if (asking && asking.action === name && asking.number === current.number && Date.now() < asking.until) {
      asking = null;
      return true;
    }
    asking = { action: name, number: current.number, until: Date.now() + 8000 };
    say(question);
    return false;
  }

  async function setState(next) {
    await api('PUT', `/api/counters/${counterId}/state`, { state: next });
    say(`Counter is ${next}`, 'notice');
  }

  async function run(name) {
    if (busy) return;
    if (!confirmed(name)) return;
    if (name !== 'undo') asking = null;
    busy = true;
    try {
      await actions[name]();
    } catch (problem) {
      await failed(problem);
    } finally {
      busy = false;
      await refresh();
    }
  }

  panel.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]');
    if (button && !button.disabled) run(button.dataset.action);
  });

  $('call-by-number-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = $('call-number').value.trim();
    if (!number) {
      say('Type the token number to call, e.g. MED-042.');
      return;
    }
    busy = true;
    try {
      const token = await api('POST', `/api/counters/${counterId}/call`, { number });
      say(`Called ${token.number}`, 'notice');
      $('call-number').value = '';
    } catch (problem) {
      await failed(problem, number);
    } finally {
      busy = false;
      await refresh();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target.closest('input, select, textarea')) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    if (event.key === 'Escape' && asking) {
      asking = null;
      say('');
      return;
    }
    const name = actionForKey(event.key);
    if (!name) return;
    event.preventDefault();
    if (name === 'find' || name === 'issue') {
      actions[name]();
      return;
    }
    const button = panel.querySelector(`[data-action="${name}"]`);
    if (button && !button.disabled) run(name);
  });

  async function begin() {
    remember();
    // What the offline console could not send yet (the server was gone, or the log-in had ended) goes first.
    const left = await sendLeftovers().catch((error) => {
      console.warn('offline actions not sent', error);
      return null;
    });
    const sent = leftoversMessage(left);
    if (sent) say(sent.text, sent.kind);
    await refresh();
    setInterval(() => { if (!busy && !leaving) refresh(); }, REFRESH_MS);
  }

  // Keys and the call-by-number form work from here on (a form sent before this would just reload the page).
  panel.dataset.ready = 'true';
  begin();
}
