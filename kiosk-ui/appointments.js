// Appointment check-in at the kiosk, the parts without DOM or network: what the patient typed or scanned, which
// message a refusal gets, and how a slot's time is shown. The screens and app.js do the drawing and the calls.

const MOBILE = /^[6-9][0-9]{9}$/;

/**
 * A keyboard-wedge scanner types the QR's text into the field and presses Enter; the QR may hold the bare number or
 * a link ending in it (…/appointments/A-1001 or …?number=A-1001). Spaces and the +91 of a mobile typed in are dropped.
 */
export function cleanQuery(text) {
  let query = String(text ?? '').trim();
  const param = query.match(/[?&](?:number|appointment)=([^&#\s]+)/i);
  if (param) query = decodeURIComponent(param[1]);
  else if (/^https?:\/\//i.test(query)) query = query.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop();
  query = query.replace(/\s+/g, '');
  if (/^\+91[6-9][0-9]{9}$/.test(query)) query = query.slice(3);
  return query.toUpperCase();
}

export const looksLikeMobile = (query) => MOBILE.test(query);

/** The message key for a refused look-up or check-in; null when the kiosk should show its general failure screen. */
export function refusalKey(error) {
  const status = error?.status;
  const type = error?.type ?? '';
  if (type.endsWith('/appointment-too-early')) return 'appointment.tooEarly';
  if (type.endsWith('/appointment-cancelled')) return 'appointment.cancelled';
  if (status === 404) return 'appointment.notFound';
  if (status === 409) return 'appointment.notToday';
  if (status === 429) return 'appointment.tooMany';
  if (status === 400) return 'appointment.notFound';
  return null;
}

/** A slot's time of day as the hospital reads it (24-hour clock, as on the slip). */
export function slotTime(instant, timeZone) {
  return new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
    .format(new Date(instant));
}

/** What to do with a look-up's answer: nothing found, check in the one, or let the patient pick. */
export function nextStep(choices) {
  if (!choices || choices.length === 0) return { step: 'none' };
  if (choices.length === 1) return { step: 'checkIn', choice: choices[0] };
  return { step: 'pick', choices };
}
