import { patientFrom } from './patient.js';

// Slip numbers and times as a clerk types them on the back-entry page.

/** "12" after MED-P0011 means MED-P0012: a run of slips from one book needs only the digits. */
export function completeNumber(typed, lastPrefix) {
  const value = typed.trim().toUpperCase();
  if (/^\d{1,7}$/.test(value) && lastPrefix) return `${lastPrefix}-P${value.padStart(4, '0')}`;
  return value;
}

/** The service prefix of a full slip number (MED-P0012 → MED), to complete the next one. */
export function prefixOf(number) {
  const match = /^([A-Z0-9]+)-P\d+$/.exec(number);
  return match ? match[1] : null;
}

const pad = (n) => String(n).padStart(2, '0');

/** The date and time fields' text for a moment, in the PC's own time zone. */
export function localParts(date) {
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

/**
 * The instant meant by a date (2025-03-12) and a time typed as 10:45, 1045 or 9:05 on this PC, or an error in
 * words: the fields are plain text, so that Tab goes from field to field and not through a picker's parts.
 */
export function readIssueTime(dateText, timeText) {
  const time = /^(\d{1,2}):?(\d{2})$/.exec(timeText.trim());
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return { error: 'Type the time as 10:45 (24-hour clock).' };
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(dateText.trim());
  if (!date) return { error: 'Type the date as 2025-03-12.' };
  const at = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]), Number(time[1]), Number(time[2]));
  if (at.getDate() !== Number(date[3]) || at.getMonth() !== Number(date[2]) - 1) return { error: 'There is no such date.' };
  return { instant: at.toISOString(), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

export const PATIENT = ['name', 'age', 'sex', 'mobile'];

/** POST /api/paper/entries for one slip: `value(name)` gives a field's trimmed text; no category chosen means none sent. */
export function entryRequest(value, { requestId, number, issuedAt, seen }) {
  const patient = patientFrom(value, PATIENT);
  return {
    requestId, number, issuedAt, seen, priority: value('priority') || undefined,
    ...(patient ? { patient } : {}),
  };
}
