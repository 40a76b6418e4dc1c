import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  csvHref, dayHours, daysBefore, durationText, estimateRows, heatGrid, hourSeries, localParts, outageRows,
  outageSlotsOnDays, outageSlotsOnHours, percent, serviceRows, totalFigures, trendSeries,
} from '/pages/report-model.js';

const day = {
  date: '2026-03-02',
  totals: { issued: 7, completed: 4, noShow: 1, cancelled: 1, noShowRate: 1 / 7, cancelRate: 1 / 7,
    waiting: { median: 750, p90: 1830, max: 4000 }, service: { median: 300, p90: 420, max: 59 } },
  byHour: [
    { hour: 9, arrivals: 4, completions: 1, waiting: { median: 600, p90: 900, max: 900 } },
    { hour: 11, arrivals: 3, completions: 3, waiting: { median: null, p90: null, max: null } },
  ],
  byService: [{ serviceCode: 'MED', serviceName: 'General Medicine', serviceNameHi: 'सामान्य चिकित्सा', issued: 7, transferredIn: 2, completed: 4, noShow: 1, cancelled: 1,
    waiting: { median: 750, p90: 1830, max: 4000 }, service: { median: 300, p90: 420, max: 600 } }],
  outages: [{ from: '2026-03-02T10:15:00+05:30', to: '2026-03-02T10:45:00+05:30', kind: 'DATABASE', tokensByChannel: { KIOSK: 2, PAPER: 1 } }],
};

test('durations read as seconds, minutes, or hours and minutes; a missing one is a dash', () => {
  assert.equal(durationText(45), '45 s');
  assert.equal(durationText(750), '13 min');
  assert.equal(durationText(4000), '1 h 07 min');
  assert.equal(durationText(null), '—');
  assert.equal(percent(1 / 7), '14.3 %');
  assert.equal(percent(0), '0.0 %');
  assert.equal(percent(undefined), '—');
});

test('the headline figures are the API totals, durations in words', () => {
  assert.deepEqual(totalFigures(day.totals), {
    issued: 7, completed: 4, noShow: 1, cancelled: 1, noShowRate: '14.3 %', cancelRate: '14.3 %',
    waitingMedian: '13 min', waitingP90: '31 min', waitingMax: '1 h 07 min',
    serviceMedian: '5 min', serviceP90: '7 min', serviceMax: '59 s', transferred: 0, returnedAfterNoShow: 0,
  });
  assert.equal(totalFigures(undefined).issued, 0, 'a day with no tokens shows zero, not a blank');
});

test('a day chart spans the working hours and every hour with tokens; an hour the API left out is zero', () => {
  assert.deepEqual(dayHours(day.byHour, [], day.date), [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.deepEqual(dayHours([{ hour: 6, arrivals: 1, completions: 0 }, { hour: 19, arrivals: 0, completions: 2 }]).at(0), 6);
  assert.deepEqual(dayHours([{ hour: 19, arrivals: 0, completions: 2 }]).at(-1), 19);
  const series = hourSeries(day.byHour, [9, 10, 11]);
  assert.deepEqual(series.labels, ['09:00', '10:00', '11:00']);
  assert.deepEqual(series.arrivals, [4, 0, 3]);
  assert.deepEqual(series.completions, [1, 0, 3]);
  assert.deepEqual(series.waitingMedian, [10, null, null], 'no figure is a gap, not a zero-minute wait');
  assert.deepEqual(series.waitingP90, [15, null, null]);
});

test('an outage is shaded from its start to its end in hour slots, clipped to the day shown', () => {
  assert.deepEqual(localParts('2026-03-02T10:15:00+05:30'), { date: '2026-03-02', hour: 10.25 });
  assert.deepEqual(localParts('2026-03-02T10:15'), { date: '2026-03-02', hour: 10.25 });
  assert.equal(localParts('soon'), null);
  const hours = [8, 9, 10, 11, 12];
  assert.deepEqual(outageSlotsOnHours(day.outages, day.date, hours), [{ from: 2.25, to: 2.75, kind: 'DATABASE' }]);
  const overnight = [{ from: '2026-03-01T22:00:00', to: '2026-03-02T08:30:00', kind: 'SERVER' }];
  assert.deepEqual(outageSlotsOnHours(overnight, day.date, hours), [{ from: 0, to: 0.5, kind: 'SERVER' }]);
  const goingOn = [{ from: '2026-03-02T11:30:00', to: null, kind: 'DATABASE' }];
  assert.deepEqual(outageSlotsOnHours(goingOn, day.date, hours), [{ from: 3.5, to: 5, kind: 'DATABASE' }]);
  const otherDay = [{ from: '2026-03-03T10:00:00', to: '2026-03-03T11:00:00', kind: 'DATABASE' }];
  assert.deepEqual(outageSlotsOnHours(otherDay, day.date, hours), []);
  assert.deepEqual(dayHours([], goingOn, day.date).at(-1), 23, 'an outage till midnight widens the chart to show it');
});

test('on a trend chart an outage sits in its day\'s slot, and a short one is still visible', () => {
  const dates = ['2026-03-01', '2026-03-02', '2026-03-03'];
  const [span] = outageSlotsOnDays([{ from: '2026-03-02T10:15:00', to: '2026-03-02T12:45:00' }], dates);
  assert.equal(span.from, 1 + 10.25 / 24);
  assert.equal(span.to, 1 + 12.75 / 24);
  const [blip] = outageSlotsOnDays([{ from: '2026-03-03T12:00:00', to: '2026-03-03T12:00:30' }], dates);
  assert.ok(blip.to - blip.from >= 1 / 24 - 1e-9);
  assert.deepEqual(outageSlotsOnDays([{ from: '2026-02-01T10:00:00', to: '2026-02-01T11:00:00' }], dates), [], 'before the range');
  const [spill] = outageSlotsOnDays([{ from: '2026-02-28T22:00:00', to: '2026-03-01T06:00:00' }], dates);
  assert.deepEqual([spill.from, spill.to], [0, 0.25]);
});

test('the heat map has a row per weekday from Monday over the busy hours; the busiest cell is level 5', () => {
  const grid = heatGrid([
    { weekday: 1, hour: 9, arrivals: 40 }, { weekday: 1, hour: 11, arrivals: 10.25 }, { weekday: 7, hour: 10, arrivals: 1 },
    { weekday: 3, hour: 20, arrivals: 0 },
  ]);
  assert.deepEqual(grid.hours, [9, 10, 11]);
  assert.equal(grid.rows.length, 7);
  assert.equal(grid.rows[0].label, 'Mon सोम');
  assert.deepEqual(grid.rows[0].cells.map((c) => [c.text, c.level]), [['40', 5], ['', 0], ['10.3', 2]], 'an average per weekday');
  assert.deepEqual(grid.rows[6].cells.map((c) => c.level), [0, 1, 0], 'one arrival still shows');
  assert.equal(grid.max, 40);
  assert.deepEqual(heatGrid([]).hours, []);
});

test('table rows carry the API figures in column order', () => {
  assert.deepEqual(serviceRows(day)[0].cells, ['MED General Medicine / सामान्य चिकित्सा', 7, 2, 4, 1, 1, '13 min', '31 min', '1 h 07 min', '5 min', '7 min', '10 min']);
  assert.deepEqual(outageRows(day.outages)[0].cells, ['2026-03-02 10:15', '2026-03-02 10:45', 'DATABASE', 'KIOSK 2, PAPER 1', 3]);
  assert.equal(outageRows([{ from: '2026-03-02T10:15:00', to: null, tokensByChannel: {} }])[0].cells[1], 'going on');
  assert.deepEqual(estimateRows({ byService: [{ serviceCode: 'MED', tokens: 12, medianAbsErrorMinutes: 4.26, within10MinShare: 0.75, biasMinutes: -2 }] })[0].cells,
    ['MED', 12, '4.3 min', '75.0 %', '-2 min']);
  assert.equal(estimateRows({ byService: [{ serviceCode: 'LAB', tokens: 3, medianAbsErrorMinutes: 1, within10MinShare: 1, biasMinutes: 1.5 }] })[0].cells[4], '+1.5 min');
});

test('a trend is one point per day, waits in minutes', () => {
  const series = trendSeries([{ date: '2026-03-02', issued: 7, completed: 4, noShowRate: 0.1, waitingMedian: 600, waitingP90: null }]);
  assert.deepEqual(series, { labels: ['2026-03-02'], issued: [7], completed: [4], waitingMedian: [10], waitingP90: [null] });
});

test('dates count back across months and years; a CSV link asks the same question', () => {
  assert.equal(daysBefore('2026-03-02', 55), '2026-01-06');
  assert.equal(daysBefore('2026-01-01', 1), '2025-12-31');
  assert.equal(csvHref('/api/reports/day', { date: '2026-03-02' }), '/api/reports/day.csv?date=2026-03-02');
});
