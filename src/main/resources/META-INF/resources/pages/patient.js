// The optional patient fields of the registrar's walk-in form and the back-entry page, as the API takes them.

/**
 * `value(name)` gives a field's trimmed text. Empty fields are left out; an age of up to three digits is sent as
 * a number, anything else as typed, so the server names the field in its answer instead of the page guessing.
 * Undefined when no field is filled in.
 */
export function patientFrom(value, names) {
  const patient = {};
  for (const name of names) {
    const text = value(`patient.${name}`);
    if (text) patient[name] = name === 'age' && /^\d{1,3}$/.test(text) ? Number(text) : text;
  }
  return Object.keys(patient).length ? patient : undefined;
}
