// What the counter console shows and decides, without the page: which buttons work now, what the lists say,
// which key does what, and when only the offline console can go on. console.js draws it.

/** No answer, a gateway's error page, or the database away: only the offline console can go on. */
export const serverGone = (problem) => problem.status === 0
  || (problem.status >= 500 && (!problem.type || problem.type === '/problems/degraded'));

/** One key for each action (no modifier, not while typing in a field). */
export const KEYS = { n: 'call-next', r: 'recall', s: 'start', c: 'complete', x: 'no-show', t: 'transfer',
  f: 'find', o: 'open', p: 'pause', l: 'close', i: 'issue' };

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
  if (current) return current.status;
  return state === 'OPEN' ? 'Free: call the next patient' : `Counter is ${state}`;
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
