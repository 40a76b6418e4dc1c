import { h } from '../../shared/dom.js';
import { language, secondLanguage, t, tIn } from '../i18n.js';
import { applyKey, keypad } from '../keypad.js';
import { bottomBar, bilingual, button, screen, title, topBar } from '../ui.js';
import { PATIENT_FIELDS, checkField, checkPatient, display, errorText, sanitize } from '../validation.js';

// Optional mobile / ABHA / UHID. Values live in ctx.state.draft.patient, so a language switch or a trip back
// from the confirm screen keeps them; typing updates the page in place so the caret and focus stay put.

const LAYOUT = { mobile: 'numeric', abha: 'numeric', uhid: 'uhid' };

export function detailsScreen(ctx) {
  const { state } = ctx;
  const patient = state.draft.patient;
  const errors = state.fieldErrors;
  const parts = {};
  const keypadSlot = h('div', { class: 'keypad-slot' });

  function showError(field) {
    const error = errors[field];
    parts[field].error.textContent = errorText(error, t);
    parts[field].input.setAttribute('aria-invalid', String(Boolean(error)));
    parts[field].wrap.classList.toggle('field-invalid', Boolean(error));
  }

  function setValue(field, raw) {
    patient[field] = sanitize(field, raw);
    parts[field].input.value = display(field, patient[field]);
    delete errors[field];
    showError(field);
  }

  function activate(field) {
    const left = state.activeField;
    // Judge a field when the patient moves on from it, not at every keystroke of a half-typed number.
    if (left !== field && patient[left]) {
      const key = checkField(left, patient[left]);
      if (key) errors[left] = key; else delete errors[left];
      showError(left);
    }
    state.activeField = field;
    for (const name of PATIENT_FIELDS) parts[name].wrap.classList.toggle('field-active', name === field);
    keypadSlot.replaceChildren(keypad({
      layout: LAYOUT[field],
      fieldLabel: t(`details.${field}`),
      onKey: (key) => {
        setValue(field, applyKey(patient[field] ?? '', key));
        parts[field].input.focus({ preventScroll: true });
      },
    }));
  }

  for (const field of PATIENT_FIELDS) {
    const id = `field-${field}`;
    const input = h('input', {
      id,
      class: 'field-input',
      type: 'text',
      inputmode: 'none',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      value: display(field, patient[field] ?? ''),
      'aria-describedby': `${id}-example ${id}-error`,
      onfocus: () => activate(field),
      oninput: (event) => setValue(field, event.target.value),
    });
    const second = secondLanguage(language());
    const error = h('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'polite' });
    const wrap = h('div', { class: 'field', 'data-field': field, onclick: () => input.focus() },
      h('label', { for: id, class: 'field-label' },
        h('span', { class: 'primary' }, t(`details.${field}`)),
        h('span', { class: 'secondary', lang: second }, tIn(second, `details.${field}`))),
      input,
      h('span', { id: `${id}-example`, class: 'field-example' }, t(`details.${field}.example`)),
      error);
    parts[field] = { input, error, wrap };
  }

  // Consent to an SMS when the turn nears and when called: never ticked for the patient, and only with a mobile number
  // (the server sends nothing without both). The messages come in the language the kiosk speaks to the patient now.
  if (patient.notifyConsent) patient.language = language();
  const consentBox = h('input', {
    id: 'field-consent',
    type: 'checkbox',
    class: 'consent-box',
    'data-testid': 'sms-consent',
    onchange: (event) => {
      patient.notifyConsent = event.target.checked;
      patient.language = language();
    },
  });
  consentBox.checked = patient.notifyConsent === true;
  const secondLang = secondLanguage(language());
  const consent = h('label', { class: 'consent', for: 'field-consent' },
    consentBox,
    h('span', { class: 'consent-text' },
      h('span', { class: 'primary' }, t('details.consent')),
      h('span', { class: 'secondary', lang: secondLang }, tIn(secondLang, 'details.consent'))));

  function next() {
    Object.assign(errors, checkPatient(patient));
    for (const field of PATIENT_FIELDS) {
      if (!errors[field]) delete errors[field];
      showError(field);
    }
    const firstBad = PATIENT_FIELDS.find((field) => errors[field]);
    if (firstBad) parts[firstBad].input.focus();
    else ctx.submitDetails();
  }

  const view = screen('details',
    topBar(ctx, { step: 3 }),
    title('details.title'),
    h('p', { class: 'hint' }, bilingual('details.hint')),
    errors.other && h('p', { class: 'notice', role: 'alert' }, errors.other),
    h('div', { class: 'details-body' },
      h('div', { class: 'fields' }, PATIENT_FIELDS.map((field) => parts[field].wrap), consent),
      keypadSlot),
    bottomBar(ctx, {
      back: () => ctx.go('priority'),
      next: [
        button(t('nav.skip'), () => ctx.skipDetails(), { extraClass: 'btn-skip' }),
        button(t('nav.continue'), next, { variant: 'primary', extraClass: 'btn-continue' }),
      ],
    }));

  const active = PATIENT_FIELDS.includes(state.activeField) ? state.activeField : PATIENT_FIELDS[0];
  state.activeField = active;
  activate(active);
  for (const field of PATIENT_FIELDS) showError(field);
  return view;
}

/** After a server refusal, put the patient straight into the first field it named. */
export function focusFirstError(view, errors) {
  const field = PATIENT_FIELDS.find((name) => errors[name]);
  if (field) view.querySelector(`#field-${field}`)?.focus();
}
