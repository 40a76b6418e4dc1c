// The day report's appointments table: per service, from GET /api/reports/appointments (the day of the page).
import { api } from './api.js';

const table = document.querySelector('[data-appointment-rows]');
const date = document.querySelector('[data-report=day]')?.dataset.date;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = String(text);
  return td;
}

function row(cells, header = false) {
  const tr = document.createElement('tr');
  tr.append(...cells.map(cell));
  if (header) tr.className = 'total';
  return tr;
}

async function load() {
  const day = await api('GET', `/api/reports/appointments?date=${encodeURIComponent(date)}`);
  const rows = day.services.map((s) => row([s.serviceCode, s.booked, s.checkedIn, s.lateWalkIns, s.noShows, s.toCome, s.cancelled]));
  if (rows.length === 0) rows.push(row(['No appointments', '', '', '', '', '', '']));
  else rows.push(row(['All', day.booked, day.checkedIn, day.lateWalkIns, day.noShows, day.toCome, day.cancelled], true));
  table.replaceChildren(...rows);
}

if (table && date) load().catch((error) => console.warn('appointments not loaded', error));
