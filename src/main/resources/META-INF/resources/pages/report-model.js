// The report pages' pure part: turns the JSON of /api/reports/* into table rows, chart series and outage spans.
// No DOM, no clock, no fetch, so `node --test` checks it (src/test/js/pages/report-model.test.js).

/** Seconds as a clerk reads them: "45 s", "12 min", "1 h 05 min"; a missing figure is a dash. */
export function durationText(seconds) {
  if (seconds == null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Seconds as minutes for a chart's y axis (one decimal); null leaves a gap in the line instead of a false zero. */
export const minutes = (seconds) => (seconds == null ? null : Math.round(seconds / 6) / 10);

/** A share (0..1) as "12.5 %". */
export const percent = (share) => (share == null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`);

const pad = (n) => String(n).padStart(2, '0');
export const hourLabel = (hour) => `${pad(hour)}:00`;

/**
 * A time the API wrote in the hospital's zone ("2026-03-02T10:15:00+05:30", the offset optional) as its date and
 * its clock hour with the minutes as a fraction. The text is read as written: the offset is already the hospital's.
 */
export function localParts(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso ?? '');
  if (!m) return null;
  return { date: m[1], hour: Number(m[2]) + Number(m[3]) / 60 + Number(m[4] ?? 0) / 3600 };
}

/**
 * The hours a day chart shows: every hour with arrivals, completions or an outage, and at least 08:00–17:00 (an
 * empty day still draws an OPD's working hours rather than a blank axis).
 */
export function dayHours(byHour, outages = [], date = null) {
  let first = 8;
  let last = 17;
  for (const h of byHour ?? []) {
    if ((h.arrivals ?? 0) + (h.completions ?? 0) > 0) {
      first = Math.min(first, h.hour);
      last = Math.max(last, h.hour);
    }
  }
  for (const span of outageHours(outages, date)) {
    first = Math.min(first, Math.floor(span.from));
    last = Math.max(last, Math.min(23, Math.ceil(span.to) - 1));
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Each outage as clock hours on this date (0..24): one that began the day before starts at 0, one going on ends at 24. */
export function outageHours(outages, date) {
  const spans = [];
  for (const o of outages ?? []) {
    const from = localParts(o.from);
    const to = o.to ? localParts(o.to) : null;
    if (!from || (date && from.date > date) || (date && to && to.date < date)) continue;
    const start = date && from.date < date ? 0 : from.hour;
    const end = !to || (date && to.date > date) ? 24 : to.hour;
    if (end > start) spans.push({ from: start, to: end, kind: o.kind });
  }
  return spans;
}

/**
 * Outages in the charts' slot units: slot i is the i-th label, [i, i+1). A day chart's slot is an hour, a trend
 * chart's slot is a day; the shading plugin draws [from, to) behind the bars and lines.
 */
export function outageSlotsOnHours(outages, date, hours) {
  const first = hours[0];
  return clip(outageHours(outages, date).map((s) => ({ from: s.from - first, to: s.to - first, kind: s.kind })), hours.length);
}

export function outageSlotsOnDays(outages, dates) {
  const spans = [];
  for (const o of outages ?? []) {
    const from = localParts(o.from);
    const to = o.to ? localParts(o.to) : null;
    if (!from) continue;
    const start = dayIndex(dates, from.date) + from.hour / 24;
    const end = to ? dayIndex(dates, to.date) + to.hour / 24 : dates.length;
    spans.push({ from: start, to: Math.max(end, start + 1 / 24), kind: o.kind }); // a short outage still shows as a line
  }
  return clip(spans, dates.length);
}

/** A date before the shown ones is slot -1 (clipped away), one after them is past the last slot. */
function dayIndex(dates, date) {
  const i = dates.indexOf(date);
  if (i >= 0) return i;
  return date < dates[0] ? -1 : dates.length;
}

function clip(spans, slots) {
  return spans.map((s) => ({ ...s, from: Math.max(0, s.from), to: Math.min(slots, s.to) })).filter((s) => s.to > s.from);
}

/** The day charts' series, one value per shown hour (an hour the API left out is zero arrivals, no waiting figure). */
export function hourSeries(byHour, hours) {
  const at = new Map((byHour ?? []).map((h) => [h.hour, h]));
  return {
    labels: hours.map(hourLabel),
    arrivals: hours.map((h) => at.get(h)?.arrivals ?? 0),
    completions: hours.map((h) => at.get(h)?.completions ?? 0),
    waitingMedian: hours.map((h) => minutes(at.get(h)?.waiting?.median)),
    waitingP90: hours.map((h) => minutes(at.get(h)?.waiting?.p90)),
  };
}

export function trendSeries(days) {
  return {
    labels: (days ?? []).map((d) => d.date),
    issued: (days ?? []).map((d) => d.issued),
    completed: (days ?? []).map((d) => d.completed),
    waitingMedian: (days ?? []).map((d) => minutes(d.waitingMedian)),
    waitingP90: (days ?? []).map((d) => minutes(d.waitingP90)),
  };
}

export const WEEKDAYS = ['Mon सोम', 'Tue मंगल', 'Wed बुध', 'Thu गुरु', 'Fri शुक्र', 'Sat शनि', 'Sun रवि'];

/**
 * The weekday × hour heat map: seven rows (Monday first, ISO weekday 1..7) over the hours that had any arrival,
 * each cell's level 0..5 (0 only for none, 5 for the busiest cell) so it can be a CSS class that also prints in grey.
 * Arrivals are an average per such weekday, so a cell may read 12.5.
 */
export function heatGrid(heatmap) {
  const cells = heatmap ?? [];
  const busy = cells.filter((c) => c.arrivals > 0).map((c) => c.hour);
  const hours = busy.length ? Array.from({ length: Math.max(...busy) - Math.min(...busy) + 1 }, (_, i) => Math.min(...busy) + i) : [];
  const max = Math.max(0, ...cells.map((c) => c.arrivals));
  const count = new Map(cells.map((c) => [`${c.weekday}/${c.hour}`, c.arrivals]));
  const rows = WEEKDAYS.map((label, i) => ({
    weekday: i + 1,
    label,
    cells: hours.map((hour) => {
      const arrivals = count.get(`${i + 1}/${hour}`) ?? 0;
      return { hour, arrivals, text: arrivals ? String(Math.round(arrivals * 10) / 10) : '',
        level: arrivals === 0 ? 0 : Math.max(1, Math.ceil((arrivals / max) * 5)) };
    }),
  }));
  return { hours, rows, max: Math.round(max * 10) / 10 };
}

/** `date` minus `days`, as ISO dates (no time zone involved: the dates are the hospital's calendar days). */
export function daysBefore(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The CSV twin of a report: the same path with `.csv`, the same question. */
export function csvHref(path, params) {
  return `${path}.csv?${new URLSearchParams(params)}`;
}

const waitCells = (w) => [durationText(w?.median), durationText(w?.p90), durationText(w?.max)];

const serviceName = (s) => [s.serviceCode, s.serviceName, s.serviceNameHi && `/ ${s.serviceNameHi}`].filter(Boolean).join(' ');

export function serviceRows(day) {
  return (day.byService ?? []).map((s) => ({
    key: s.serviceCode,
    cells: [serviceName(s), s.issued, s.transferredIn ?? 0, s.completed, s.noShow, s.cancelled,
      ...waitCells(s.waiting), ...waitCells(s.service)],
  }));
}

export function hourRows(day, hours) {
  const at = new Map((day.byHour ?? []).map((h) => [h.hour, h]));
  return hours.map((hour) => ({
    key: String(hour),
    cells: [hourLabel(hour), at.get(hour)?.arrivals ?? 0, at.get(hour)?.completions ?? 0, ...waitCells(at.get(hour)?.waiting)],
  }));
}

export const channelRows = (day) => (day.byChannel ?? []).map((c) => ({ key: c.channel, cells: [c.channel, c.issued] }));

export const categoryRows = (day) => (day.byCategory ?? [])
  .map((c) => ({ key: c.category, cells: [c.category, c.issued, ...waitCells(c.waiting)] }));

const signedMinutes = (m) => (m == null ? '—' : `${m > 0 ? '+' : ''}${Math.round(m * 10) / 10} min`);

export const estimateRows = (estimates) => (estimates.byService ?? []).map((e) => ({
  key: e.serviceCode,
  cells: [e.serviceCode, e.tokens, e.medianAbsErrorMinutes == null ? '—' : `${Math.round(e.medianAbsErrorMinutes * 10) / 10} min`,
    percent(e.within10MinShare), signedMinutes(e.biasMinutes)],
}));

export function outageRows(outages) {
  return (outages ?? []).map((o, i) => {
    const byChannel = Object.entries(o.tokensByChannel ?? {});
    return {
      key: String(i),
      cells: [clock(o.from), o.to ? clock(o.to) : 'going on', o.kind ?? '',
        byChannel.map(([ch, n]) => `${ch} ${n}`).join(', ') || '0', byChannel.reduce((sum, [, n]) => sum + n, 0)],
    };
  });
}

/** "2026-03-02 10:15" from an ISO time in the hospital's zone. */
export function clock(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso ?? '');
  return m ? `${m[1]} ${m[2]}` : (iso ?? '');
}

export const trendRows = (range) => (range.days ?? []).map((d) => ({
  key: d.date,
  cells: [d.date, d.issued, d.completed, percent(d.noShowRate), durationText(d.waitingMedian), durationText(d.waitingP90)],
}));

export const counterRows = (report) => (report.counters ?? []).map((c) => ({
  key: String(c.counterId),
  cells: [c.counterName, durationText(c.openSeconds), durationText(c.servingSeconds), percent(c.utilisation), c.completed,
    durationText(c.service?.median), durationText(c.service?.p90), durationText(c.service?.max)],
}));

export const staffRows = (report) => (report.counters ?? []).flatMap((c) => (c.byStaff ?? []).map((s) => ({
  key: `${c.counterId}/${s.staff}`,
  cells: [s.staff, c.counterName, s.completed, durationText(s.service?.median), durationText(s.service?.p90), durationText(s.service?.max)],
})));

/** The day's headline figures, by the name the page's `data-total` cells carry. */
export function totalFigures(totals) {
  const t = totals ?? {};
  return {
    issued: t.issued ?? 0,
    completed: t.completed ?? 0,
    noShow: t.noShow ?? 0,
    cancelled: t.cancelled ?? 0,
    noShowRate: percent(t.noShowRate),
    cancelRate: percent(t.cancelRate),
    waitingMedian: durationText(t.waiting?.median),
    waitingP90: durationText(t.waiting?.p90),
    waitingMax: durationText(t.waiting?.max),
    serviceMedian: durationText(t.service?.median),
    serviceP90: durationText(t.service?.p90),
    serviceMax: durationText(t.service?.max),
    transferred: t.transferred ?? 0,
    returnedAfterNoShow: t.returnedAfterNoShow ?? 0,
  };
}
