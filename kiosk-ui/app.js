import * as api from './api.js';
import { config } from './config.js';
import { language, setLanguage, t } from './i18n.js';
import { createIdleTimer } from './idle.js';
import { createIssuer } from './issuing.js';
import { printSlip } from './print.js';
import { slipModel } from './slip.js';
import { PATIENT_FIELDS, fieldErrorsFromProblem } from './validation.js';
import { confirmScreen } from './screens/confirm.js';
import { detailsScreen, focusFirstError } from './screens/details.js';
import { doneScreen, showDoneCountdown } from './screens/done.js';
import { failureScreen } from './screens/failure.js';
import { waitingScreen } from './screens/waiting.js';
import { priorityScreen } from './screens/priority.js';
import { serviceScreen } from './screens/service.js';
import { startScreen } from './screens/start.js';

// The patient's path through the kiosk: start → department → category → details → confirm → slip.
// This file owns the state and the moves between screens; each screen only draws and calls back.

const root = document.getElementById('app');
const idleWarning = document.getElementById('idle-warning');
const issuer = createIssuer();

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
};

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
    const [status, services, categories] = await Promise.all([api.getStatus(), api.getServices(), api.getPriorityCategories()]);
    Object.assign(state, { hospitalName: status.hospitalName, services, categories, catalogueReady: true, loadError: false });
  } catch (error) {
    // Keep whatever was loaded before: the department list rarely changes, and issuing will say if it fails.
    console.warn('catalogue not loaded', error);
    state.loadError = true;
  }
}

function restart() {
  issuer.reset();
  Object.assign(state, { draft: newDraft(), activeField: PATIENT_FIELDS[0], fieldErrors: {}, notice: null, slip: null, failure: null });
  setLanguage(config.language);
  document.getElementById('print-root').replaceChildren();
  go('start');
  loadCatalogue().then(() => state.screen === 'start' && render());
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

async function printToken() {
  go('printing');
  try {
    const token = await issuer.issue(state.draft);
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
  setLanguage(code) {
    setLanguage(code);
    render().querySelector('h1')?.focus({ preventScroll: true });
  },
  chooseService(code) {
    state.draft.serviceCode = code;
    state.notice = null;
    go('priority');
  },
  choosePriority(code) {
    state.draft.priority = code;
    go('details');
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
setInterval(() => state.screen === 'start' && loadCatalogue().then(() => state.screen === 'start' && render()),
  config.catalogueRefreshSeconds * 1000);

restart();
