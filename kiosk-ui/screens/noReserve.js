import { h } from '../../shared/dom.js';
import { LANGUAGES, t, tIn } from '../i18n.js';
import { button, screen, title } from '../ui.js';

// Offline, and this kiosk has no reserved number left for the department: it must not make one up, so the
// patient is sent to the registration counter (paper token book), in every language.
export function noReserveScreen(ctx) {
  return screen('no-reserve',
    h('div', { class: 'centre' },
      h('div', { class: 'failure-icon', 'aria-hidden': 'true' }, '!'),
      title('noReserve.title'),
      h('p', { class: 'failure-counter', role: 'alert', 'data-testid': 'no-reserve' },
        LANGUAGES.map(({ code }) => h('span', { class: 'line', lang: code }, tIn(code, 'noReserve.counter')))),
      h('div', { class: 'failure-actions' }, button(t('nav.startOver'), () => ctx.restart()))));
}
