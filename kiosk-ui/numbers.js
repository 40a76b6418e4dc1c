// Offline numbers: blocks the server reserved for this kiosk (POST /api/devices/{code}/reserve), kept in the
// `reserve` store, one record per block: { id, serviceCode, prefix, series, businessDay, from, to, next }.
// A number is only ever taken from a block, and `next` is saved before the number is used, so a number can be
// wasted (the kiosk dies in between) but never given twice. No block, no number: the patient goes to the counter.

export const DEFAULT_TARGET = 30;

export function formatNumber(block, n) {
  return `${block.prefix}-${block.series}${String(n).padStart(3, '0')}`;
}

export const remainingIn = (block) => Math.max(0, block.to - block.next + 1);

export function blockRecord(grant) {
  return {
    id: `${grant.serviceCode}|${grant.businessDay}|${grant.series}|${String(grant.from).padStart(3, '0')}`,
    serviceCode: grant.serviceCode,
    prefix: grant.prefix,
    series: grant.series,
    businessDay: grant.businessDay,
    from: grant.from,
    to: grant.to,
    next: grant.from,
  };
}

/** The hospital's calendar date now, as YYYY-MM-DD (en-CA formats dates that way). */
export function calendarDate(now, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/** Seconds after midnight of a day start as the server says it ("12:00", "05:30:15"); 0 when missing or unreadable. */
export function secondsOfDay(dayStartsAt) {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(dayStartsAt ?? '');
  if (!match) return 0;
  const [hours, minutes, seconds = 0] = match.slice(1).map((part) => Number(part ?? 0));
  return hours < 24 && minutes < 60 && seconds < 60 ? hours * 3600 + minutes * 60 + seconds : 0;
}

/**
 * The business day at `now` as the server works it out (HospitalClock.businessDayOf): the hospital's date of the
 * moment `dayStartsAt` earlier. A day that starts at 12:00 is still yesterday's at 03:00.
 */
export function businessDayAt(now, { timeZone, dayStartsAt }) {
  return calendarDate(new Date(now.getTime() - secondsOfDay(dayStartsAt) * 1000), timeZone);
}

/**
 * The business day the kiosk should issue for: the server's, as last heard, unless the hospital's business day has
 * moved past it since (then the old day's numbers must not be used). Worked out from the day start the server gave
 * with its day and zone, so it goes on offline with what the kiosk last knew; a kiosk whose clock runs behind keeps
 * the server's day.
 */
export function currentDay({ businessDay, timeZone, dayStartsAt }, now = new Date()) {
  if (!businessDay) return null;
  const day = businessDayAt(now, { timeZone, dayStartsAt });
  return day > businessDay ? day : businessDay;
}

/** How many to ask for: nothing while at least `low` are left, otherwise enough to get back to `target`. */
export function topUpCount(remaining, { target = DEFAULT_TARGET, low = Math.min(10, target) } = {}) {
  if (remaining >= low) return 0;
  return Math.min(200, target - remaining);
}

export function createReserve({ store, day, target = DEFAULT_TARGET, reserveFn }) {
  const low = Math.min(10, target);

  async function blocksFor(serviceCode, today) {
    const all = await store.getAll('reserve');
    return all.filter((b) => b.serviceCode === serviceCode && b.businessDay === today && remainingIn(b) > 0)
      .sort((a, b) => a.from - b.from);
  }

  return {
    /** Blocks of other days can never be used (the server would refuse them): drop them. */
    async discardStale() {
      const today = day();
      if (!today) return 0;
      const stale = (await store.getAll('reserve')).filter((b) => b.businessDay !== today);
      for (const block of stale) await store.delete('reserve', block.id);
      return stale.length;
    },

    async remaining(serviceCode) {
      const today = day();
      if (!today) return 0;
      return (await blocksFor(serviceCode, today)).reduce((sum, b) => sum + remainingIn(b), 0);
    },

    /** The next reserved number of this service today, or null: never one that was not reserved. */
    async take(serviceCode) {
      const today = day();
      if (!today) return null;
      const [block] = await blocksFor(serviceCode, today);
      if (!block) return null;
      const n = block.next;
      await store.put('reserve', { ...block, next: n + 1 });
      return { number: formatNumber(block, n), series: block.series, n, businessDay: block.businessDay };
    },

    /** While online: ask the server for more numbers for each service that is running low. */
    async topUp(serviceCodes) {
      await this.discardStale();
      const today = day();
      if (!today) return 0;
      let granted = 0;
      for (const code of serviceCodes) {
        const count = topUpCount(await this.remaining(code), { target, low });
        if (count <= 0) continue;
        let grant;
        try {
          grant = await reserveFn(code, count);
        } catch (error) {
          // One department closed or full for today must not stop the others; the next top-up tries again.
          console.warn(`no offline numbers for ${code}`, error);
          continue;
        }
        // A grant for another day (the day rolled over on the server) is still the server's current day.
        await store.put('reserve', blockRecord(grant));
        granted += grant.to - grant.from + 1;
      }
      return granted;
    },
  };
}
