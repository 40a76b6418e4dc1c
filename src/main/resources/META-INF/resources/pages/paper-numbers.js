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

/** A moment's calendar fields in `timeZone` (undefined: the PC's own zone). */
function wallClock(millis, timeZone) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(millis));
  const field = (type) => Number(parts.find((p) => p.type === type).value);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** The date and time fields' text for a moment, as a clock in the hospital's zone shows it. */
export function localParts(date, timeZone) {
  const w = wallClock(date.getTime(), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The instant a clock in `timeZone` shows as this date and time (the zone's offset found at that very moment). */
function instantOf(year, month, day, hour, minute, timeZone) {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (millis) => {
    const w = wallClock(millis, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - millis;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

/**
 * The instant meant by a date (2025-03-12) and a time typed as 10:45, 1045 or 9:05 on the hospital's clock
 * (`timeZone`, whatever zone this PC is set to), or an error in words: the fields are plain text, so that Tab goes
 * from field to field and not through a picker's parts.
 */
export function readIssueTime(dateText, timeText, timeZone) {
  const time = /^(\d{1,2}):?(\d{2})$/.exec(timeText.trim());
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return { error: 'Type the time as 10:45 (24-hour clock).' };
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(dateText.trim());
  if (!date) return { error: 'Type the date as 2025-03-12.' };
  const [year, month, day, hour, minute] = [date[1], date[2], date[3], time[1], time[2]].map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCDate() !== day || calendar.getUTCMonth() !== month - 1) return { error: 'There is no such date.' };
  const instant = instantOf(year, month, day, hour, minute, timeZone);
  return { instant: new Date(instant).toISOString(), time: `${pad(hour)}:${pad(minute)}` };
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
