import { h } from '../../shared/dom.js';
import { language, localName, t } from '../i18n.js';
import { slotTime } from '../appointments.js';
import { config } from '../config.js';
import { bottomBar, screen, title, topBar } from '../ui.js';

// One mobile, several appointments today: the patient picks theirs by initials, time and department (no names:
// anyone can type a mobile number here).
export function appointmentPickScreen(ctx) {
  const { state } = ctx;
  return screen('appointment-pick',
    topBar(ctx),
    title('appointment.pickTitle'),
    h('div', { class: 'tiles' }, state.appointmentChoices.map((c) => {
      const service = state.services.find((s) => s.code === c.serviceCode);
      return h('button', {
        type: 'button',
        class: 'tile',
        'data-choice': c.choice,
        onclick: () => ctx.checkInAppointment(c),
      },
      h('span', { class: 'tile-name' }, `${c.initials} ${t('appointment.at', { time: slotTime(c.slotStart, config.timeZone) })}`),
      h('span', { class: 'tile-name-second' }, service ? localName(service.name, language()) : c.serviceCode));
    })),
    bottomBar(ctx, { back: () => ctx.go('appointment') }));
}
