import { h } from '../../shared/dom.js';
import { language, secondLanguage, t, tIn } from '../i18n.js';
import { applyKey, keypad } from '../keypad.js';
import { bottomBar, bilingual, button, screen, title, topBar } from '../ui.js';

// "I have an appointment": one field for the appointment number or the mobile, typed on the keys or scanned. A
// keyboard-wedge scanner types into the focused field and presses Enter, so the field keeps the focus and Enter finds.
export function appointmentScreen(ctx) {
  const { state } = ctx;
  const second = secondLanguage(language());
  const input = h('input', {
    id: 'field-appointment',
    class: 'field-input',
    type: 'text',
    inputmode: 'none',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    value: state.appointmentQuery,
    'aria-describedby': 'field-appointment-example appointment-notice',
    oninput: (event) => { state.appointmentQuery = event.target.value; },
    onkeydown: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        ctx.findAppointment();
      }
    },
  });
  return screen('appointment',
    topBar(ctx),
    title('appointment.title'),
    h('p', { class: 'hint' }, bilingual('appointment.hint')),
    h('p', { id: 'appointment-notice', class: 'notice', role: 'alert', hidden: !state.appointmentNotice },
      state.appointmentNotice ?? ''),
    h('div', { class: 'details-body' },
      h('div', { class: 'fields' },
        h('div', { class: 'field field-active', onclick: () => input.focus() },
          h('label', { for: 'field-appointment', class: 'field-label' },
            h('span', { class: 'primary' }, t('appointment.field')),
            h('span', { class: 'secondary', lang: second }, tIn(second, 'appointment.field'))),
          input,
          h('span', { id: 'field-appointment-example', class: 'field-example' }, t('appointment.example')))),
      h('div', { class: 'keypad-slot' }, keypad({
        layout: 'uhid',
        fieldLabel: t('appointment.field'),
        onKey: (key) => {
          state.appointmentQuery = applyKey(state.appointmentQuery, key);
          input.value = state.appointmentQuery;
          input.focus({ preventScroll: true });
        },
      }))),
    bottomBar(ctx, {
      next: button(t('appointment.find'), () => ctx.findAppointment(),
        { variant: 'primary', extraClass: 'btn-continue', 'data-action': 'find-appointment' }),
    }));
}

/** Focus the field at once: a scanner's keystrokes must land in it without a tap. */
export function focusAppointmentField(view) {
  view.querySelector('#field-appointment')?.focus({ preventScroll: true });
}
