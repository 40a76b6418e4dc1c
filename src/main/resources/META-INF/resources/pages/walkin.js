// The registrar's walk-in form: issues through POST /api/tokens and puts each problem next to its field.
import { api, ApiProblem, requestId } from './api.js';

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

  function body() {
    const value = (name) => form.elements[name].value.trim();
    const patient = {};
    for (const name of ['name', 'sex', 'mobile', 'abha', 'uhid']) {
      if (value(`patient.${name}`)) patient[name] = value(`patient.${name}`);
    }
    if (value('patient.age')) patient.age = /^\d{1,3}$/.test(value('patient.age')) ? Number(value('patient.age')) : value('patient.age');
    return {
      requestId: pendingId, serviceCode: value('serviceCode'), priority: value('priority'), channel: 'COUNTER',
      ...(Object.keys(patient).length ? { patient } : {}),
    };
  }

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
      const token = await api('POST', '/api/tokens', body());
      pendingId = null;
      issued.textContent = `Token ${token.number} issued for ${token.serviceName.en}: ${token.peopleAhead} ahead, about ${token.estimatedWaitMinutes} min.`;
      issued.dataset.number = token.number;
      issued.className = 'notice';
      issued.hidden = false;
      form.reset();
    } catch (problem) {
      if (!(problem instanceof ApiProblem) || problem.status !== 0) pendingId = null;
      const unplaced = (problem.errors || []).filter((e) => !showError(e.field, e.message));
      if (!problem.errors?.length || unplaced.length) {
        issued.textContent = problem.message;
        issued.className = 'alert';
        issued.hidden = false;
      }
    }
  });
}
