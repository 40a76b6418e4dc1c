// The report pages (/admin/reports/...): fetches the report's JSON from /api/reports/... and draws its tables and
// charts. What to show is on the page's [data-report] element; the figures are shaped in report-model.js.
import { api } from '/pages/api.js';
import * as model from '/pages/report-model.js';
import { countsChart, fontsReady, utilisationChart, waitingChart } from '/pages/report-charts.js';

const view = document.querySelector('[data-report]');
const { report, date, from, to } = view.dataset;

function fill(name, rows) {
  const body = view.querySelector(`tbody[data-rows="${name}"]`);
  if (!body) return;
  const columns = body.closest('table').querySelectorAll('thead th').length;
  body.replaceChildren(...(rows.length ? rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.key = row.key;
    tr.append(...row.cells.map((value) => {
      const td = document.createElement('td');
      td.textContent = String(value);
      return td;
    }));
    return tr;
  }) : [emptyRow(columns)]));
}

function emptyRow(columns) {
  const tr = document.createElement('tr');
  const td = document.createElement('td');
  td.colSpan = columns;
  td.className = 'muted';
  td.textContent = 'None / कोई नहीं';
  tr.append(td);
  return tr;
}

function showTotals(figures) {
  for (const cell of view.querySelectorAll('[data-total]')) {
    cell.textContent = String(figures[cell.dataset.total] ?? '—');
  }
}

const canvas = (name) => view.querySelector(`canvas[data-chart="${name}"]`);
const HOUR = 'Hour / घंटा';

function drawDay(day) {
  const hours = model.dayHours(day.byHour, day.outages, day.date);
  const series = model.hourSeries(day.byHour, hours);
  const spans = model.outageSlotsOnHours(day.outages, day.date, hours);
  showTotals(model.totalFigures(day.totals));
  countsChart(canvas('hourly-counts'), { labels: series.labels, bars: series.arrivals, line: series.completions,
    barLabel: 'Arrivals / आगमन', lineLabel: 'Completed / पूर्ण', xTitle: HOUR, spans });
  if (canvas('hourly-waiting')) {
    waitingChart(canvas('hourly-waiting'), { labels: series.labels, median: series.waitingMedian, p90: series.waitingP90,
      xTitle: HOUR, spans });
  }
  fill('hours', model.hourRows(day, hours));
  fill('services', model.serviceRows(day));
  fill('channels', model.channelRows(day));
  fill('categories', model.categoryRows(day));
  fill('outages', model.outageRows(day.outages));
}

function drawRange(range) {
  const series = model.trendSeries(range.days);
  const spans = model.outageSlotsOnDays(range.outages, series.labels);
  countsChart(canvas('daily-counts'), { labels: series.labels, bars: series.issued, line: series.completed,
    barLabel: 'Issued / जारी', lineLabel: 'Completed / पूर्ण', xTitle: 'Day / दिन', spans });
  waitingChart(canvas('daily-waiting'), { labels: series.labels, median: series.waitingMedian, p90: series.waitingP90,
    xTitle: 'Day / दिन', spans });
  drawHeatMap(model.heatGrid(range.heatmap));
  fill('days', model.trendRows(range));
  fill('outages', model.outageRows(range.outages));
}

/** A table, not a chart: Chart.js has no heat map of its own, and a table of numbers prints and reads aloud. */
function drawHeatMap(grid) {
  const table = view.querySelector('[data-heatmap]');
  const head = document.createElement('tr');
  head.append(cell('th', 'Day / दिन'), ...grid.hours.map((h) => cell('th', model.hourLabel(h).slice(0, 2))));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...grid.rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.weekday = row.weekday;
    tr.append(cell('th', row.label), ...row.cells.map((c) => {
      const td = cell('td', c.text);
      td.className = `heat-${c.level}`;
      td.dataset.hour = c.hour;
      td.title = `${row.label} ${model.hourLabel(c.hour)}: ${c.arrivals}`;
      return td;
    }));
    return tr;
  }));
  view.querySelector('[data-heatmap-max]').textContent = String(grid.max);
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = String(text);
  return element;
}

function drawCounters(report) {
  const counters = report.counters ?? [];
  // a bar a counter: the box grows with the hospital's counters instead of squeezing thirty bars into one height
  canvas('utilisation').parentElement.style.height = `${Math.max(8, 2 * counters.length + 4)}rem`;
  utilisationChart(canvas('utilisation'), { labels: counters.map((c) => c.counterName), shares: counters.map((c) => c.utilisation) });
  fill('counters', model.counterRows(report));
  fill('staff', model.staffRows(report));
}

const question = (params) => new URLSearchParams(params).toString();

async function draw() {
  const fonts = fontsReady();
  if (report === 'day' || report === 'print') {
    const day = await api('GET', `/api/reports/day?${question({ date })}`);
    await fonts;
    drawDay(day);
    fill('estimates', model.estimateRows(day.estimate ?? {}));
  } else if (report === 'range') {
    const range = await api('GET', `/api/reports/range?${question({ from, to })}`);
    await fonts;
    drawRange(range);
  } else if (report === 'counters') {
    const counters = await api('GET', `/api/reports/counters?${question({ date })}`);
    await fonts;
    drawCounters(counters);
  }
}

draw().then(() => {
  document.body.dataset.ready = 'true';
}, (problem) => {
  const box = view.querySelector('[data-testid=report-error]');
  box.textContent = `The report could not be made: ${problem.message}`;
  box.hidden = false;
  document.body.dataset.ready = 'failed';
});

const print = document.getElementById('print');
if (print) {
  print.addEventListener('click', () => window.print());
  print.disabled = false;
}
