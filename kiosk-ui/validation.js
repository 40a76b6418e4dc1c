// Patient detail rules, kept identical to the server's so a patient hears about a typo at the kiosk,
// not after a round trip. The server still decides: its 400 errors are mapped back onto the same fields.

export const PATIENT_FIELDS = ['mobile', 'abha', 'uhid'];

const RULES = {
  mobile: /^[6-9][0-9]{9}$/,
  abha: /^(?:[0-9]{14}|[0-9]{2}-[0-9]{4}-[0-9]{4}-[0-9]{4})$/,
  uhid: /^[A-Za-z0-9/-]{1,30}$/,
};

export const MAX_LENGTH = { mobile: 10, abha: 14, uhid: 30 };

/** What a keypad or keyboard may put into each field; anything else is dropped as it is typed. */
export function sanitize(field, raw) {
  const text = String(raw ?? '');
  const kept = field === 'uhid' ? text.toUpperCase().replace(/[^A-Z0-9/-]/g, '') : text.replace(/\D/g, '');
  return kept.slice(0, MAX_LENGTH[field]);
}

/** ABHA numbers are read off cards as 2-4-4-4 groups, so show them that way. */
export function formatAbha(digits) {
  const d = sanitize('abha', digits);
  return [d.slice(0, 2), d.slice(2, 6), d.slice(6, 10), d.slice(10, 14)].filter(Boolean).join('-');
}

export function display(field, value) {
  return field === 'abha' ? formatAbha(value) : value;
}

/** The i18n key of the problem with one field, or null when it is fine. An empty field is fine: all are optional. */
export function checkField(field, value) {
  if (!value) return null;
  return RULES[field].test(value) ? null : `invalid.${field}`;
}

/** { field: messageKey } for every field that breaks a rule; empty when the details can be sent. */
export function checkPatient(patient = {}) {
  const errors = {};
  for (const field of PATIENT_FIELDS) {
    const key = checkField(field, patient[field]);
    if (key) errors[field] = key;
  }
  return errors;
}

/**
 * The details as the API wants them: only fields that were filled in, or no patient at all. The consent to be sent an
 * SMS goes only with a mobile number to send it to, with the language the patient chose (issue 17).
 */
export function patientPayload(patient = {}) {
  const filled = Object.fromEntries(PATIENT_FIELDS.filter((f) => patient[f]).map((f) => [f, patient[f]]));
  if (filled.mobile && patient.notifyConsent === true) {
    filled.notifyConsent = true;
    if (patient.language) filled.language = patient.language;
  }
  return Object.keys(filled).length ? filled : undefined;
}

/**
 * Maps a problem+json `errors` list onto kiosk fields. Where the kiosk's own rule agrees, the field gets the
 * kiosk's translated message; where the server objects to something the kiosk let through, its own words
 * ({ text }) are shown instead of a message that would not explain it. Unknown fields go under `other`.
 */
export function fieldErrorsFromProblem(problem, patient = {}) {
  const errors = {};
  for (const { field = '', message = '' } of problem?.errors ?? []) {
    const name = field.replace(/^patient\./, '');
    if (PATIENT_FIELDS.includes(name)) errors[name] = checkField(name, patient[name]) ?? { text: message };
    else errors.other = [errors.other, message].filter(Boolean).join('; ');
  }
  return errors;
}

/** An error from checkField is a message key; one the server added is { text }. */
export function errorText(error, translate) {
  return typeof error === 'string' ? translate(error) : error?.text ?? '';
}
