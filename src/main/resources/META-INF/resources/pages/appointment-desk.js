// The console's appointment check-in: find by number or mobile, check in; the token comes from the server's
// call policy (slot time within the window, a walk-in's place when late), as at the kiosk.
import { api } from './api.js';

const desk = document.querySelector('#appointment-desk');
const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

function start(section) {
  const form = section.querySelector('form');
  const message = section.querySelector('[data-testid="appointment-message"]');
  const table = section.querySelector('[data-testid="appointment-results"]');
  const say = (text) => { message.textContent = text; message.hidden = !text; };

  async function checkIn(number) {
    try {
      const answer = await api('POST', '/api/appointments/check-in', { number }, { timeoutMs: 4000 });
      say(`${answer.created ? 'Checked in' : 'Already checked in'}: token ${answer.token.number}`
        + (answer.lateWalkIn ? ' (late: queued as a walk-in)' : ''));
    } catch (problem) {
      say(problem.message);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = form.query.value.trim();
    if (!query) return;
    try {
      const found = await api('POST', '/api/appointments/find', { query }, { timeoutMs: 4000 });
      say(found.length ? '' : 'No appointment found.');
      table.hidden = found.length === 0;
      table.tBodies[0].replaceChildren(...found.map((a) => {
        const tr = document.createElement('tr');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = a.tokenId ? 'Token again' : 'Check in';
        button.disabled = a.cancelled;
        button.addEventListener('click', () => checkIn(a.number));
        const action = document.createElement('td');
        action.append(a.cancelled ? 'cancelled' : button);
        tr.append(cell(a.number), cell(a.patientName), cell(a.mobile), cell(a.serviceCode), cell(time(a.slotStart)), action);
        return tr;
      }));
    } catch (problem) {
      say(problem.message);
    }
  });
}

if (desk) start(desk);
