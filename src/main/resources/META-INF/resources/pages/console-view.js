// What the counter console shows and decides, without the page: which buttons work now, what the lists say,
// which key does what, and when only the offline console can go on. console.js draws it.

/** No answer, a gateway's error page, or the database away: only the offline console can go on. */
export const serverGone = (problem) => problem.status === 0
  || (problem.status >= 500 && (!problem.type || problem.type === '/problems/degraded'));

/** One key for each action (no modifier, not while typing in a field). */
export const KEYS = { n: 'call-next', r: 'recall', s: 'start', c: 'complete', x: 'no-show', t: 'transfer',
  f: 'find', o: 'open', p: 'pause', l: 'close', i: 'issue', u: 'undo' };

/** How long the server lets a complete or a no-show be taken back (TokenActions.UNDO_WINDOW). */
export const UNDO_SECONDS = 10;

/** States in plain words, English then Hindi: staff and the patient beside them read the same line. */
const STATUS_WORDS = {
  WAITING: ['Waiting', 'प्रतीक्षा में'],
  CALLED: ['Called, not started yet', 'बुलाया गया, अभी शुरू नहीं'],
  SERVING: ['Being seen', 'देखा जा रहा है'],
  COMPLETED: ['Done', 'पूरा हुआ'],
  NO_SHOW: ['Did not come', 'नहीं आए'],
  CANCELLED: ['Cancelled', 'रद्द'],
  OPEN: ['Open', 'खुला'],
  PAUSED: ['Paused', 'रुका हुआ'],
  CLOSED: ['Closed', 'बंद'],
};

/** NO_SHOW → "Did not come / नहीं आए"; a state this page does not know is shown as it came, lower-cased. */
export function words(status) {
  const known = STATUS_WORDS[status];
  return known ? known.join(' / ') : String(status ?? '').replaceAll('_', ' ').toLowerCase();
}

export const NOBODY_WAITING = 'Nobody waiting / कोई प्रतीक्षा में नहीं';

/** "waited 12 min" from when the token was issued to `now` (both ms or ISO); under a minute says so. */
export function waitedText(issuedAt, now) {
  const minutes = Math.floor((new Date(now) - new Date(issuedAt)) / 60000);
  if (!(minutes >= 1)) return 'waited < 1 min';
  return minutes < 120 ? `waited ${minutes} min` : `waited ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The action asks once before it is done, or null: a complete of a patient who never started (often the wrong key),
 * and a no-show (X sits next to C on the keyboard). Pressing the same key or button again confirms.
 */
export function confirmationFor(action, current) {
  if (!current) return null;
  if (action === 'complete' && current.status === 'CALLED') {
    return `${current.number} was called but never started. Complete anyway? Press C again (or Esc to cancel).`;
  }
  if (action === 'no-show') return `Mark ${current.number} as did not come? Press X again (or Esc to cancel).`;
  return null;
}

export const actionForKey = (key) => KEYS[key.toLowerCase()] ?? null;

/** Which action buttons work for the counter's state and the token at it (null: nobody). */
export function enabledActions(state, current) {
  return {
    'call-next': !current && state === 'OPEN',
    recall: current?.status === 'CALLED',
    start: current?.status === 'CALLED',
    complete: Boolean(current),
    'no-show': current?.status === 'CALLED',
    transfer: Boolean(current),
    open: state !== 'OPEN',
    pause: state === 'OPEN',
    close: state !== 'CLOSED',
  };
}

export function currentStatusText(state, current) {
  if (current) return words(current.status);
  return state === 'OPEN' ? 'Free: call the next patient / अगले मरीज़ को बुलाएँ' : `Counter: ${words(state)}`;
}

export const queueHeading = (q) => `${q.serviceCode}: ${q.waitingCount} waiting, about ${q.estimatedWaitMinutes} min`;

/** SENIOR_CITIZEN → "senior citizen" (the mark next to a number in the priority lane). */
export const priorityLabel = (priority) => priority.replace('_', ' ').toLowerCase();

export function refusedTitle(count) {
  return count === 1
    ? '1 offline slip was refused — this patient holds a slip that is in no queue'
    : `${count} offline slips were refused — these patients hold a slip that is in no queue`;
}

/** The line after the number: `time` formats the printed instant as the PC's hours and minutes. */
export function refusedLine(refusal, time) {
  return ` printed ${time(refusal.issuedAt)} at kiosk ${refusal.kiosk}: ${refusal.reason}`;
}

/** What the console says after sending what the offline console left queued; null when it says nothing. */
export function leftoversMessage(left) {
  if (!left || left.mode !== 'normal' || left.failed) return null;
  const refused = left.refused ? `; ${left.refused} refused, see the offline console's list` : '';
  return { text: `Sent ${left.sent} action(s) made offline${refused}.`, kind: left.refused ? 'alert' : 'notice' };
}
