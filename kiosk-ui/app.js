import * as api from './api.js';
import { audioWanted, createPrompts } from './audio.js';
import { config } from './config.js';
import { language, secondLanguage, setLanguage, t, tIn } from './i18n.js';
import { createIdleTimer } from './idle.js';
import { NoReserveError, createIssuer } from './issuing.js';
import { startOffline } from './offline.js';
import { printSlip } from '../shared/slip-print.js';
import { slipModel } from '../shared/slip.js';
import { createRefusedPanel } from './staff.js';
import { PATIENT_FIELDS, fieldErrorsFromProblem } from './validation.js';
import { confirmScreen } from './screens/confirm.js';
import { detailsScreen, focusFirstError } from './screens/details.js';
import { doneScreen, showDoneCountdown } from './screens/done.js';
import { failureScreen } from './screens/failure.js';
import { noReserveScreen } from './screens/noReserve.js';
import { waitingScreen } from './screens/waiting.js';
import { priorityScreen } from './screens/priority.js';
import { serviceScreen } from './screens/service.js';
import { startScreen } from './screens/start.js';
import { appointmentScreen, focusAppointmentField } from './screens/appointment.js';
import { appointmentPickScreen } from './screens/appointmentPick.js';
import { cleanQuery, nextStep, refusalKey, slotTime } from './appointments.js';

// The patient's path through the kiosk: start → department → category → slip; when the hospital asks for patient
// details (opd.kiosk.ask-details), details → confirm come before the slip.
// This file owns the state and the moves between screens; each screen only draws and calls back.

const root = document.getElementById('app');
const idleWarning = document.getElementById('idle-warning');
let issuer = createIssuer();
// Set once the kiosk has a device key (see README "Offline"): reserve, outbox, sync.
let offline = null;
const offlineBanner = document.getElementById('offline-banner');
const staffCorner = document.getElementById('staff-corner');
const refusedPanel = createRefusedPanel({
  badge: document.getElementById('refused-badge'),
  panel: document.getElementById('refused-panel'),
  timeZone: config.timeZone,
});

const BROWSING = { seconds: config.idleSeconds, warnSeconds: config.idleWarnSeconds };
const SCREENS = {
  start: { view: startScreen },
  service: { view: serviceScreen, idle: BROWSING },
  priority: { view: priorityScreen, idle: BROWSING },
  details: { view: detailsScreen, idle: BROWSING, shown: (view) => focusFirstError(view, state.fieldErrors) },
  confirm: { view: confirmScreen, idle: BROWSING },
  loading: { view: () => waitingScreen('start.loading') },
  printing: { view: () => waitingScreen('issuing.title') },
  done: {
    view: doneScreen,
    idle: { seconds: config.doneSeconds, warnSeconds: config.doneSeconds, resetOnTouch: false },
    shown: (view) => printSlip(view.querySelector('[data-testid="slip"]')).catch((error) => console.error('printing failed', error)),
  },
  failure: { view: failureScreen, idle: BROWSING },
  noReserve: { view: noReserveScreen, idle: BROWSING },
  appointment: { view: appointmentScreen, idle: BROWSING, shown: focusAppointmentField },
  appointmentPick: { view: appointmentPickScreen, idle: BROWSING },
};

const newDraft = () => ({ serviceCode: null, priority: null, patient: {} });

const state = {
  screen: 'start',
  hospitalName: '',
  services: [],
  categories: [],
  catalogueReady: false,
  loadError: false,
  draft: newDraft(),
  activeField: PATIENT_FIELDS[0],
  fieldErrors: {},
  notice: null,
  slip: null,
  failure: null,
  // Appointment check-in: offered on an enrolled kiosk only (the server answers a kiosk's key, see offline.js).
  appointmentsOffered: false,
  appointmentQuery: '',
  appointmentChoices: [],
  appointmentNotice: null,
  // Until the server says otherwise (or when it cannot be asked): the short path, no spoken prompts.
  settings: { askDetails: audioWanted(config.details, false), audio: false },
};

const prompts = createPrompts({ enabled: () => audioWanted(config.audio, state.settings.audio) });

const idle = createIdleTimer({
  onTick: showCountdown,
  onTimeout: () => restart(),
});

function render() {
  const view = SCREENS[state.screen].view(ctx);
  root.replaceChildren(view);
  return view;
}

function go(name) {
  state.screen = name;
  const view = render();
  // Focus the new heading so a screen reader says where the patient now is.
  view.querySelector('h1')?.focus({ preventScroll: true });
  const { idle: timing, shown } = SCREENS[name];
  if (timing) idle.arm(timing); else idle.stop();
  prompts.play(name, language());
  shown?.(view);
}

function showCountdown(seconds) {
  if (state.screen === 'done') {
    showDoneCountdown(root, seconds);
    return;
  }
  idleWarning.hidden = seconds === null;
  if (seconds === null) return;
  setText(idleWarning.querySelector('[data-idle-text]'), t('idle.warning'));
  setText(idleWarning.querySelector('[data-idle-seconds]'), t('idle.seconds', { seconds }));
  setText(idleWarning.querySelector('button'), t('idle.stay'));
}

// Rewriting the same text in a live region makes a screen reader say it again.
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

async function loadCatalogue() {
  try {
    // The status is never cached by the service worker; the lists are, so a kiosk reloaded offline still works.
    const [status, services, categories, settings] = await Promise.all([
      api.getStatus().catch(() => null), api.getServices(), api.getPriorityCategories(),
      api.getKioskSettings().catch(() => null)]);
    Object.assign(state, { services, categories, catalogueReady: true, loadError: false });
    if (settings) state.settings = { askDetails: audioWanted(config.details, settings.askDetails), audio: settings.audio === true };
    if (status) {
      state.hospitalName = status.hospitalName;
      localStorage.setItem('opd-kiosk-hospital', status.hospitalName ?? '');
      await offline?.noteStatus(status);
      topUp();
    } else {
      state.hospitalName ||= localStorage.getItem('opd-kiosk-hospital') ?? '';
    }
  } catch (error) {
    // Keep whatever was loaded before: the department list rarely changes, and issuing will say if it fails.
    console.warn('catalogue not loaded', error);
    state.loadError = !state.catalogueReady;
    if (api.isRetryable(error)) await offline?.sync.wentOffline();
  }
}

/** In the background, while online: keep offline numbers in reserve for every department shown. */
function topUp() {
  if (!offline || !state.services.length) return;
  offline.topUp(state.services.map((s) => s.code)).catch((error) => console.warn('reserve not topped up', error));
}

function showConnection({ online, pending, rejected, refused }) {
  offlineBanner.hidden = online;
  document.body.classList.toggle('is-offline', !online);
  drawBanner();
  staffCorner.dataset.pending = String(pending);
  staffCorner.dataset.rejected = String(rejected);
  setText(staffCorner, pending ? `↑${pending}` : '');
  // Refused slips are patients holding a slip in no queue: a badge in words, not a mark in the corner.
  refusedPanel.update(refused ?? []);
  // Back online with the department list at hand: refill the reserve now rather than at the next refresh.
  if (online) topUp();
}

function drawBanner() {
  setText(offlineBanner.querySelector('.primary'), t('offline.banner'));
  setText(offlineBanner.querySelector('.secondary'), tIn(secondLanguage(language()), 'offline.banner'));
}

function restart() {
  issuer.reset();
  Object.assign(state, { draft: newDraft(), activeField: PATIENT_FIELDS[0], fieldErrors: {}, notice: null, slip: null, failure: null });
  Object.assign(state, { appointmentQuery: '', appointmentChoices: [], appointmentNotice: null });
  setLanguage(config.language);
  document.getElementById('print-root').replaceChildren();
  drawBanner();
  refusedPanel.close();
  go('start');
  loadCatalogue().then(refreshStart);
}

/**
 * The start screen drawn again after a load, only when what it shows changed: a drawing replaces its buttons, and a
 * touch pressed on the old button and released on the new one is no touch at all. (The first load still changes it:
 * the hospital's name comes with it.)
 */
function refreshStart() {
  if (state.screen !== 'start') return;
  const view = SCREENS.start.view(ctx);
  if (!root.firstElementChild?.isEqualNode(view)) root.replaceChildren(view);
}

async function begin(lang = language()) {
  setLanguage(lang);
  if (!state.catalogueReady) {
    go('loading');
    await loadCatalogue();
  }
  if (!state.catalogueReady) {
    state.failure = { retry: () => begin(lang) };
    go('failure');
    return;
  }
  go('service');
  // Waiting counts change by the minute; refresh them behind the first screen.
  api.getServices().then((services) => {
    state.services = services;
    if (state.screen === 'service') render();
  }, () => {});
}

async function beginAppointment(lang = language()) {
  setLanguage(lang);
  if (!state.catalogueReady) {
    go('loading');
    await loadCatalogue();
  }
  go('appointment');
}

async function findAppointment() {
  const query = cleanQuery(state.appointmentQuery);
  if (!query) return;
  go('printing');
  try {
    const next = nextStep(await offline.appointments.find(query));
    if (next.step === 'checkIn') await checkInAppointment(next.choice);
    else if (next.step === 'pick') {
      state.appointmentChoices = next.choices;
      go('appointmentPick');
    } else appointmentRefused('appointment.notFound');
  } catch (error) {
    appointmentFailed(error, null);
  }
}

async function checkInAppointment(choice) {
  go('printing');
  try {
    const answer = await offline.appointments.checkIn(choice.choice);
    const { token } = answer;
    state.slip = slipModel({
      token,
      service: state.services.find((s) => s.code === token.serviceCode),
      category: state.categories.find((c) => c.code === token.priority),
      hospitalName: state.hospitalName,
      lang: language(),
      origin: location.origin,
      timeZone: config.timeZone,
      appointment: { time: slotTime(answer.slotStart, config.timeZone), lateWalkIn: answer.lateWalkIn },
    });
    go('done');
  } catch (error) {
    appointmentFailed(error, choice);
  }
}

/** A refusal the patient can act on is said on the appointment screen; anything else is the failure screen. */
function appointmentFailed(error, choice) {
  const key = error instanceof api.ProblemError ? refusalKey(error) : null;
  if (!key) {
    console.warn('appointment check-in failed', error);
    state.failure = { retry: choice ? () => checkInAppointment(choice) : findAppointment };
    go('failure');
  } else if (key === 'appointment.tooEarly') {
    appointmentRefused(choice ? 'appointment.tooEarly' : 'appointment.tooEarlySoon',
      choice ? { time: slotTime(choice.checkInFrom, config.timeZone) } : {});
  } else {
    appointmentRefused(key);
  }
}

function appointmentRefused(key, params) {
  state.appointmentNotice = t(key, params);
  go('appointment');
}

async function printToken() {
  go('printing');
  try {
    const token = await issuer.issue(state.draft);
    if (!token.offline) topUp();
    state.slip = slipModel({
      token,
      service: state.services.find((s) => s.code === token.serviceCode),
      category: state.categories.find((c) => c.code === token.priority),
      hospitalName: state.hospitalName,
      lang: language(),
      origin: location.origin,
      timeZone: config.timeZone,
    });
    go('done');
  } catch (error) {
    refused(error);
  }
}

function refused(error) {
  if (error instanceof NoReserveError) {
    go('noReserve');
    return;
  }
  const status = error instanceof api.ProblemError ? error.status : null;
  if (status === 400) {
    state.fieldErrors = fieldErrorsFromProblem(error.problem, state.draft.patient);
    state.activeField = PATIENT_FIELDS.find((field) => state.fieldErrors[field]) ?? state.activeField;
    go('details');
    return;
  }
  if (status === 404) {
    state.notice = 'failure.serviceGone';
    state.draft.serviceCode = null;
    loadCatalogue().then(() => go('service'));
    return;
  }
  // The patient needs to know where to go, not what broke; the details are for the console.
  console.warn('token not issued', error);
  state.failure = { retry: printToken };
  go('failure');
}

const ctx = {
  state,
  go,
  render,
  begin,
  restart,
  printToken,
  beginAppointment,
  findAppointment,
  checkInAppointment,
  setLanguage(code) {
    setLanguage(code);
    drawBanner();
    refusedPanel.redraw();
    render().querySelector('h1')?.focus({ preventScroll: true });
  },
  chooseService(code) {
    state.draft.serviceCode = code;
    state.notice = null;
    go('priority');
  },
  choosePriority(code) {
    state.draft.priority = code;
    // The one-tap path: department, category, slip; details and their check only when the hospital asks.
    if (state.settings.askDetails) go('details');
    else printToken();
  },
  submitDetails() {
    state.fieldErrors = {};
    go('confirm');
  },
  skipDetails() {
    state.draft.patient = {};
    state.fieldErrors = {};
    go('confirm');
  },
};

for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => idle.touch(), { capture: true });
// A long press must not open a context menu on a touch screen.
document.addEventListener('contextmenu', (event) => event.preventDefault());
idleWarning.querySelector('button').addEventListener('click', () => idle.touch());
setInterval(() => state.screen === 'start' && loadCatalogue().then(refreshStart), config.catalogueRefreshSeconds * 1000);

restart();

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch((error) => console.warn('service worker not registered', error));
}

startOffline({ target: config.reserveTarget, onChange: showConnection }).then((ready) => {
  if (!ready) return;
  offline = ready;
  state.appointmentsOffered = true;
  refreshStart();
  issuer = createIssuer({ offline: ready.issuing, post: ready.postToken });
  topUp();
  return ready.sync.check();
}).catch((error) => console.warn('offline mode not available', error));

// For the browser tests and for staff at the console: what the offline parts hold right now.
window.__kiosk = {
  offlineReady: () => offline !== null,
  online: () => offline?.sync.isOnline() ?? true,
  remaining: (serviceCode) => offline?.reserve.remaining(serviceCode) ?? Promise.resolve(0),
  outboxSize: () => offline?.outbox.size() ?? Promise.resolve(0),
  rejectedCount: () => offline?.outbox.rejectedCount() ?? Promise.resolve(0),
  outbox: () => offline?.outbox.entries() ?? Promise.resolve([]),
};
