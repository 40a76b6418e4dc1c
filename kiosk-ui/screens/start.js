import { h } from '../../shared/dom.js';
import { LANGUAGES, language, t, tIn } from '../i18n.js';
import { touchIcon } from '../icons.js';
import { screen } from '../ui.js';

// The attract screen: one huge target in both languages, and the language buttons, which also start.
export function startScreen(ctx) {
  const { state } = ctx;
  const everyLanguage = (key) => LANGUAGES.map(({ code }) => h('span', { class: 'line', lang: code }, tIn(code, key)));
  return screen('start',
    h('h1', { class: 'start-hospital', tabindex: '-1' }, state.hospitalName || '\u00a0'),
    h('button', { type: 'button', class: 'start-touch', onclick: () => ctx.begin() },
      touchIcon(),
      h('span', { class: 'start-touch-text' }, everyLanguage('start.touch'))),
    state.appointmentsOffered && h('button', { type: 'button', class: 'start-appointment', 'data-action': 'appointment',
      onclick: () => ctx.beginAppointment() }, everyLanguage('appointment.start')),
    h('section', { class: 'start-languages', 'aria-labelledby': 'choose-language' },
      h('h2', { id: 'choose-language' }, everyLanguage('start.chooseLanguage')),
      h('div', { class: 'start-language-buttons' },
        LANGUAGES.map(({ code, name }) => h('button', {
          type: 'button',
          class: 'btn btn-language-big',
          lang: code,
          'aria-pressed': String(code === language()),
          onclick: () => ctx.begin(code),
        }, name)))),
    state.loadError && h('p', { class: 'notice', role: 'alert' }, everyLanguage('failure.counter')),
    !state.loadError && !state.catalogueReady && h('p', { class: 'notice notice-quiet', role: 'status' }, t('start.loading')));
}
