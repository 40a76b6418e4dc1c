import { formatIssuedAt } from '../shared/slip.js';

// The slips the server refused when the outbox went back: each is a patient holding a printed slip that is in no
// queue. The kiosk shows them to staff (a text badge, then a list); the admin dashboard and the consoles of the
// counters serving the department show them too, until an admin acknowledges them there. No DOM, no clock.

/** How long a refused slip stays on the kiosk: the patient came today; by tomorrow the dashboard is the record. */
export const RECENT_HOURS = 24;

const HOUR_MS = 3600 * 1000;

/**
 * What the staff badge and list show, from the `rejected` store's entries: those refused in the last
 * `hours`, by the time on the slip (as printed), oldest first.
 */
export function refusedModel(entries, { now, timeZone, hours = RECENT_HOURS }) {
  const since = now.getTime() - hours * HOUR_MS;
  const items = entries
    .filter((e) => Date.parse(e.rejectedAt ?? e.issuedAt) >= since)
    .sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || (a.seq ?? 0) - (b.seq ?? 0))
    .map((e) => ({
      number: e.offlineNumber,
      serviceCode: e.serviceCode,
      time: formatIssuedAt(e.issuedAt, timeZone),
      reason: e.reason || 'rejected',
    }));
  return {
    count: items.length,
    badgeKey: items.length === 1 ? 'refused.badge.one' : 'refused.badge.many',
    items,
  };
}
