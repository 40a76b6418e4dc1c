// Keeps the patient's status page current: asks the server every few seconds and redraws in place.
import { fetchJson } from '/shared/http.js';
import { alertCalled, allowAlerts, isNewlyCalled, showCalled } from '/pages/status-alert.js';

const POLL_MS = 3000;
const TIMEOUT_MS = 10000;
const page = document.querySelector('[data-testid="status-page"]');
const code = page.dataset.code;
const $ = (id) => page.querySelector(`[data-testid="${id}"]`);
let lastGood = Date.now();
const plainTitle = document.title;

function clock(date) {
  return date.toLocaleTimeString('en-IN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function draw(token) {
  const before = $('status-state').dataset.status;
  $('status-number').textContent = token.number;
  $('status-state').dataset.status = token.status;
  $('status-state').className = `state state-${token.status}`;
  $('status-state-en').textContent = token.statusEn;
  $('status-state-hi').textContent = token.statusHi;
  $('status-figures').hidden = token.status !== 'WAITING';
  $('status-alerts').hidden = !['WAITING', 'CALLED'].includes(token.status);
  $('status-ahead').textContent = token.peopleAhead;
  $('status-wait').textContent = token.estimatedWaitMinutes;
  // What was promised about SMS, and when it went (issue 17); absent without consent or a mobile number.
  $('status-messages').hidden = !token.messages;
  $('status-messages-en').textContent = token.messages?.en ?? '';
  $('status-messages-hi').textContent = token.messages?.hi ?? '';
  const list = $('status-now-calling');
  list.replaceChildren(...token.nowCalling.map((call) => {
    const li = document.createElement('li');
    const number = document.createElement('strong');
    number.textContent = call.number;
    li.append(number, ` → ${call.counter}`);
    return li;
  }));
  list.nextElementSibling.hidden = token.nowCalling.length > 0;
  $('status-updated').textContent = `${clock(new Date())}`;
  page.classList.remove('stale');
  showCalled(token, token.status === 'CALLED', plainTitle);
  if (isNewlyCalled(before, token.status)) alertCalled(token);
}

async function poll() {
  try {
    // A time limit, or a request a mobile network swallowed would stop the page asking for good.
    const answer = await fetchJson(`/t/${encodeURIComponent(code)}/state`, { timeoutMs: TIMEOUT_MS });
    if (answer.ok) {
      draw(answer.data);
      lastGood = Date.now();
    }
  } catch {
    // No network for a moment (lifts, basements): keep what is shown and say how old it is.
    page.classList.add('stale');
    const minutes = Math.round((Date.now() - lastGood) / 60000);
    $('status-updated').textContent = `no connection, last update ${minutes} min ago / कनेक्शन नहीं`;
  }
  const done = ['COMPLETED', 'CANCELLED'].includes($('status-state').dataset.status);
  if (!done) {
    setTimeout(poll, POLL_MS);
  }
}

const alerts = $('status-alerts');
alerts.hidden = !['WAITING', 'CALLED'].includes($('status-state').dataset.status);
alerts.addEventListener('click', async () => {
  await allowAlerts();
  alerts.setAttribute('aria-pressed', 'true');
});
showCalled({ number: $('status-number').textContent }, $('status-state').dataset.status === 'CALLED', plainTitle);
$('status-updated').textContent = clock(new Date());
setTimeout(poll, POLL_MS);
