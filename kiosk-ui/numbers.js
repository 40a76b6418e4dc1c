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

/**
 * The business day the kiosk should issue for: the server's, as last heard, unless the hospital's calendar has
 * moved past it since (then the old day's numbers must not be used, even if the day starts later than midnight:
 * refusing a few early patients is safe, a number on the wrong day is not).
 */
export function currentDay({ businessDay, timeZone }, now = new Date()) {
  if (!businessDay) return null;
  const calendar = calendarDate(now, timeZone);
  return calendar > businessDay ? calendar : businessDay;
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
