// The report charts, drawn with the vendored Chart.js (pages/vendor/chart.js). Made to be read on a desk screen and
// on a black-and-white A4 print: series differ by shape (grey bars, black solid and dashed lines), not by colour
// alone, outages are hatched, and nothing animates (a print or a screenshot never catches a half-drawn chart).
import './vendor/chart.js/chart.umd.min.js';

const { Chart } = globalThis;

Chart.defaults.font.family = '"Noto Sans", "Noto Sans Devanagari", sans-serif';
Chart.defaults.color = '#111827';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
// twice the pixels of the screen: the canvas stays sharp when the page is printed
Chart.defaults.devicePixelRatio = Math.max(2, globalThis.devicePixelRatio || 1);

const INK = '#111827';
const GREY = '#9ca3af';

let hatch;
function hatchPattern(ctx) {
  if (!hatch) {
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const t = tile.getContext('2d');
    t.fillStyle = 'rgba(185, 28, 28, 0.12)';
    t.fillRect(0, 0, 8, 8);
    t.strokeStyle = 'rgba(17, 24, 39, 0.6)';
    t.lineWidth = 1;
    t.beginPath();
    t.moveTo(0, 8);
    t.lineTo(8, 0);
    t.stroke();
    hatch = ctx.createPattern(tile, 'repeat');
  }
  return hatch;
}

/**
 * Hatches outage periods over the data, translucent, so a bar in an outage hour shows both. Spans come in slot units
 * (report-model.js): slot i is the i-th label and covers [i, i+1), which on an offset category axis runs from half a
 * step before its tick to half a step after.
 */
const outageShading = {
  id: 'outages',
  afterDatasetsDraw(chart, args, options) {
    const spans = options.spans ?? [];
    const x = chart.scales.x;
    if (!spans.length || !x) return;
    const slots = chart.data.labels.length;
    const step = slots > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : x.width;
    const at = (slot) => x.getPixelForValue(0) + (slot - 0.5) * step;
    const { top, bottom } = chart.chartArea;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = hatchPattern(ctx);
    for (const span of spans) {
      const left = at(span.from);
      ctx.fillRect(left, top, Math.max(2, at(span.to) - left), bottom - top);
    }
    ctx.restore();
  },
};
Chart.register(outageShading);

// point styles in the legend: a dashed line's key is then its marker, not a filled box like the bars'
const LEGEND = { position: 'bottom', labels: { usePointStyle: true } };
const axis = (title) => ({ beginAtZero: true, title: { display: true, text: title }, ticks: { precision: 0 } });
const xAxis = (title) => ({ offset: true, title: { display: !!title, text: title }, grid: { display: false } });

/** Arrivals (grey bars) against completions (black dashed line), per hour or per day. */
export function countsChart(canvas, { labels, bars, line, barLabel, lineLabel, xTitle, spans }) {
  return new Chart(canvas, {
    data: {
      labels,
      datasets: [
        { type: 'line', label: lineLabel, data: line, borderColor: INK, backgroundColor: INK, borderDash: [6, 4],
          borderWidth: 2, pointRadius: 3, pointStyle: 'rectRot', order: 1 },
        { type: 'bar', label: barLabel, data: bars, backgroundColor: GREY, borderColor: '#4b5563', borderWidth: 1, order: 2, pointStyle: 'rect' },
      ],
    },
    options: {
      scales: { x: xAxis(xTitle), y: axis('Tokens / टोकन') },
      plugins: { outages: { spans }, legend: LEGEND },
    },
  });
}

/** Waiting time in minutes: the median as a solid line, the 90th percentile dashed. */
export function waitingChart(canvas, { labels, median, p90, xTitle, spans }) {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Median wait / माध्यिका प्रतीक्षा', data: median, borderColor: INK, backgroundColor: INK, borderWidth: 2,
          pointRadius: 3, spanGaps: true },
        { label: '90th percentile / 90वाँ प्रतिशतक', data: p90, borderColor: '#4b5563', backgroundColor: '#4b5563',
          borderDash: [6, 4], borderWidth: 2, pointRadius: 3, pointStyle: 'triangle', spanGaps: true },
      ],
    },
    options: {
      scales: { x: xAxis(xTitle), y: axis('Minutes / मिनट') },
      plugins: { outages: { spans }, legend: LEGEND },
    },
  });
}

/** Share of its open time each counter spent serving, 0–100 %. */
export function utilisationChart(canvas, { labels, shares }) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ label: 'Serving / open time · सेवा / खुला समय (%)', data: shares.map((s) => (s == null ? null : Math.round(s * 1000) / 10)),
        backgroundColor: GREY, borderColor: '#4b5563', borderWidth: 1 }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: 100, title: { display: true, text: '% of open time / खुले समय का %' } } },
      plugins: { legend: { display: false } },
    },
  });
}

/** Web fonts load lazily and a canvas does not wait for them: draw only once the Devanagari face is there. */
export async function fontsReady() {
  try {
    await Promise.all([document.fonts.load('12px "Noto Sans"', 'A'), document.fonts.load('12px "Noto Sans Devanagari"', 'आ')]);
  } catch {
    // the system's fonts will do
  }
}
