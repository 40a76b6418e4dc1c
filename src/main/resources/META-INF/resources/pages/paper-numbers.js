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

/** A datetime-local value for a moment, in the PC's own time zone, to the minute. */
export function localMinute(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value means on this PC, or null when it is empty or not a time. */
export function toInstant(localValue) {
  if (!localValue) return null;
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
