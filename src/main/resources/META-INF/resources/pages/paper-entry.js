// The back-entry page: one used paper slip per Enter, by keyboard or scanner alone. Each slip goes to
// POST /api/paper/entries; the answer is shown in one line and the number field is ready for the next slip.
import { api, noAnswer, requestId } from './api.js';
import { PATIENT, completeNumber, entryRequest, localParts, prefixOf, readIssueTime } from './paper-numbers.js';
import { createSitting, problemInWords } from './paper-sitting.js';

const $ = (id) => document.getElementById(id);
const form = $('entry-form');
const number = $('number');
const issuedTime = $('issuedTime');
const issuedDate = $('issuedDate');
const sitting = createSitting($('result'), $('sitting'), $('count-created'), $('count-refused'));

let lastPrefix = null;
let pendingId = null; // kept only when the server could not be reached, so a retry cannot make a second token
let busy = false;

// Times on paper slips are the hospital's, whatever zone this PC's clock is set to.
const timeZone = form.dataset.timeZone || undefined;
const now = localParts(new Date(), timeZone);
issuedTime.value = now.time;
issuedDate.value = now.date;
number.focus();

function clearErrors(target) {
  target.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  target.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
}

function showErrors(target, errors) {
  for (const { field, message } of errors) {
    const slot = target.querySelector(`[data-error-for="${field}"]`);
    if (slot) slot.textContent = message;
    (target.elements[field] || (field === 'issuedAt' ? issuedTime : null))?.setAttribute('aria-invalid', 'true');
    if (field.startsWith('patient.')) target.querySelector('details').open = true;
  }
}

function body(slip, instant) {
  const value = (name) => form.elements[name].value.trim();
  return entryRequest(value, { requestId: pendingId, number: slip, issuedAt: instant, seen: $('seen').checked });
}

function readyForNext(selectNumber) {
  number.focus();
  if (selectNumber) number.select();
}

// Enter saves from any field, selects and the check box included; a scanner ends each number with Enter.
form.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.target.matches('button, summary')) return;
  event.preventDefault();
  form.requestSubmit();
});
form.addEventListener('input', () => { pendingId = null; });

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy) return; // a second Enter while the first is on its way
  clearErrors(form);
  const slip = completeNumber(number.value, lastPrefix);
  if (!slip) {
    sitting.message(false, 'Scan or type the slip number, e.g. MED-P0012.');
    readyForNext(false);
    return;
  }
  number.value = slip;
  const when = readIssueTime(issuedDate.value, issuedTime.value, timeZone);
  if (when.error) {
    showErrors(form, [{ field: 'issuedAt', message: when.error }]);
    sitting.message(false, `${slip} not entered: ${when.error}`);
    issuedTime.focus();
    return;
  }
  issuedTime.value = when.time;
  pendingId = pendingId || requestId();
  busy = true;
  try {
    const token = await api('POST', '/api/paper/entries', body(slip, when.instant));
    pendingId = null;
    lastPrefix = prefixOf(token.number) || lastPrefix;
    sitting.created(token, $('seen').checked);
    number.value = '';
    PATIENT.forEach((name) => { form.elements[`patient.${name}`].value = ''; });
    form.elements.priority.selectedIndex = 0;
    readyForNext(false);
  } catch (problem) {
    if (!noAnswer(problem)) pendingId = null;
    showErrors(form, problem.errors || []);
    if (problem.status === 0) {
      sitting.message(false, `${slip} not saved: ${problem.message}`);
    } else {
      sitting.refused(slip, problem);
    }
    if ((problem.errors || []).some((e) => e.field === 'issuedAt')) {
      issuedTime.focus();
    } else {
      readyForNext(true);
    }
  } finally {
    busy = false;
  }
});

const voidForm = $('void-form');
voidForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(voidForm);
  const line = voidForm.querySelector('[data-testid="void-result"]');
  const slip = completeNumber(voidForm.elements.number.value, lastPrefix);
  try {
    const voided = await api('POST', '/api/paper/voids', { number: slip, reason: voidForm.elements.reason.value.trim() || undefined });
    line.textContent = `${voided.number} is void.`;
    line.className = 'result notice';
    voidForm.reset();
  } catch (problem) {
    showErrors(voidForm, problem.errors || []);
    line.textContent = problemInWords(problem);
    line.className = 'result alert';
  }
  line.hidden = false;
});
