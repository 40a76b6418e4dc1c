// The registrar's walk-in form: issues through POST /api/tokens and puts each problem next to its field, then
// prints the same 80 mm slip as the kiosk (shared/slip.js, shared/slip-print.js) and can show its QR on screen.
import { qrDataUrl } from '/shared/qr.js';
import { printSlip, renderSlip } from '/shared/slip-print.js';
import { slipModel } from '/shared/slip.js';
import { api, noAnswer, requestId } from './api.js';
import { patientFrom } from './patient.js';

const PATIENT = ['name', 'age', 'sex', 'mobile', 'abha', 'uhid'];

/** POST /api/tokens for the form's fields; `value(name)` gives a field's trimmed text. */
export function walkInRequest(value, requestId) {
  const patient = patientFrom(value, PATIENT);
  // The patient's consent to an SMS (issue 17) counts only with a mobile number; the messages go in the slip's language.
  if (patient?.mobile && value('patient.notifyConsent')) {
    patient.notifyConsent = true;
    patient.language = value('slipLang') === 'en' ? 'en' : 'hi';
  }
  return {
    requestId, serviceCode: value('serviceCode'), priority: value('priority'), channel: 'COUNTER',
    ...(patient ? { patient } : {}),
  };
}

/** The slip's data for a token just issued: names and the room hint come from the form's options. */
export function walkInSlip({ token, serviceOption, categoryOption, hospitalName, lang, origin, timeZone }) {
  const names = (option) => option && { en: option.dataset.nameEn, hi: option.dataset.nameHi || option.dataset.nameEn };
  return slipModel({
    token,
    service: serviceOption && { code: serviceOption.value, name: names(serviceOption),
      roomHint: serviceOption.dataset.roomHint, roomHintHi: serviceOption.dataset.roomHintHi },
    category: categoryOption && { code: categoryOption.value, name: names(categoryOption), priority: categoryOption.dataset.priority === 'true' },
    hospitalName, lang, origin, timeZone,
  });
}

export function startWalkIn(section) {
  const form = section.querySelector('form');
  const issued = section.querySelector('[data-testid="walk-in-issued"]');
  const slipPanel = section.querySelector('[data-testid="walk-in-slip"]');
  const qrBox = section.querySelector('[data-testid="walk-in-qr"]');
  const qrButton = section.querySelector('[data-slip-action="qr"]');
  let lastSlip = null;

  function print() {
    if (!lastSlip) return;
    printSlip(renderSlip(lastSlip)).catch((error) => console.error('slip not printed', error));
  }

  /** Large, on screen, for the patient to scan with their phone instead of (or as well as) the paper. */
  function showQr(show) {
    qrBox.hidden = !show;
    qrButton.setAttribute('aria-expanded', String(show));
    if (!show || !lastSlip?.statusUrl) return;
    const img = Object.assign(document.createElement('img'), { src: qrDataUrl(lastSlip.statusUrl, { cellSize: 10 }),
      alt: `QR code: the queue status of token ${lastSlip.number}` });
    img.dataset.url = lastSlip.statusUrl;
    const caption = Object.assign(document.createElement('p'), { textContent: `${lastSlip.number} · ${lastSlip.scan.join(' / ')}` });
    qrBox.replaceChildren(img, caption);
  }

  slipPanel?.addEventListener('click', (event) => {
    const action = event.target.closest('[data-slip-action]')?.dataset.slipAction;
    if (action === 'print') print();
    if (action === 'qr') showQr(qrBox.hidden);
  });
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

  const value = (name) => {
    const field = form.elements[name];
    if (!field) return '';
    return field.type === 'checkbox' ? (field.checked ? 'yes' : '') : field.value.trim();
  };

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
      const services = form.elements.serviceCode;
      const categories = form.elements.priority;
      lastSlip = walkInSlip({
        token,
        serviceOption: [...services.options].find((o) => o.value === token.serviceCode),
        categoryOption: [...categories.options].find((o) => o.value === token.priority),
        hospitalName: section.dataset.hospital,
        lang: form.elements.slipLang?.value || 'hi',
        origin: location.origin,
        timeZone: section.dataset.timeZone || undefined,
      });
      if (slipPanel) slipPanel.hidden = false;
      showQr(false);
      const wantsPaper = form.elements.printSlip?.checked !== false;
      issued.textContent = `Token ${token.number} issued for ${token.serviceName.en}: ${token.peopleAhead} ahead, about ${token.estimatedWaitMinutes} min.`;
      issued.dataset.number = token.number;
      issued.className = 'notice';
      issued.hidden = false;
      const slipLang = form.elements.slipLang?.value;
      form.reset();
      if (slipLang) form.elements.slipLang.value = slipLang; // the counter's patients mostly read the same script
      if (wantsPaper) print();
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
