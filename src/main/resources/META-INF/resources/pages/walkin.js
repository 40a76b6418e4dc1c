// The registrar's walk-in form: issues through POST /api/tokens and puts each problem next to its field.
import { api, noAnswer, requestId } from './api.js';
import { patientFrom } from './patient.js';

const PATIENT = ['name', 'age', 'sex', 'mobile', 'abha', 'uhid'];

/** POST /api/tokens for the form's fields; `value(name)` gives a field's trimmed text. */
export function walkInRequest(value, requestId) {
  const patient = patientFrom(value, PATIENT);
  return {
    requestId, serviceCode: value('serviceCode'), priority: value('priority'), channel: 'COUNTER',
    ...(patient ? { patient } : {}),
  };
}

export function startWalkIn(section) {
  const form = section.querySelector('form');
  const issued = section.querySelector('[data-testid="walk-in-issued"]');
  let pendingId = null; // kept across a failed send, so a retry cannot make a second token

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
  }

  function showError(field, message) {
    const slot = form.querySelector(`[data-error-for="${field}"]`);
    const input = form.elements[field];
    if (slot) slot.textContent = message;
    if (input) input.setAttribute('aria-invalid', 'true');
    return Boolean(slot);
  }

  const value = (name) => form.elements[name].value.trim();

  form.addEventListener('input', () => { pendingId = null; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    issued.hidden = true;
    if (!form.elements.serviceCode.value) {
      showError('serviceCode', 'Choose the department.');
      form.elements.serviceCode.focus();
      return;
    }
    pendingId = pendingId || requestId();
    try {
      const token = await api('POST', '/api/tokens', walkInRequest(value, pendingId));
      pendingId = null;
      issued.textContent = `Token ${token.number} issued for ${token.serviceName.en}: ${token.peopleAhead} ahead, about ${token.estimatedWaitMinutes} min.`;
      issued.dataset.number = token.number;
      issued.className = 'notice';
      issued.hidden = false;
      form.reset();
    } catch (problem) {
      if (!noAnswer(problem)) pendingId = null;
      const unplaced = (problem.errors || []).filter((e) => !showError(e.field, e.message));
      if (!problem.errors?.length || unplaced.length) {
        issued.textContent = problem.message;
        issued.className = 'alert';
        issued.hidden = false;
      }
    }
  });
}
