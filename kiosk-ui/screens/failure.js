import { h } from '../../shared/dom.js';
import { LANGUAGES, t, tIn } from '../i18n.js';
import { button, screen, title } from '../ui.js';

// What a patient sees when no token could be had. It says where to go, in every language, and never what broke.
export function failureScreen(ctx) {
  const { failure } = ctx.state;
  return screen('failure',
    h('div', { class: 'centre' },
      h('div', { class: 'failure-icon', 'aria-hidden': 'true' }, '!'),
      title('failure.title'),
      h('p', { class: 'failure-counter', role: 'alert' },
        LANGUAGES.map(({ code }) => h('span', { class: 'line', lang: code }, tIn(code, 'failure.counter')))),
      h('div', { class: 'failure-actions' },
        failure?.retry && button(t('failure.retry'), failure.retry, { variant: 'primary', 'data-action': 'retry' }),
        button(t('nav.startOver'), () => ctx.restart()))));
}
