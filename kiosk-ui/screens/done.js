import { h } from '../../shared/dom.js';
import { renderSlip } from '../../shared/slip-print.js';
import { t } from '../i18n.js';
import { screen, title } from '../ui.js';

// The slip is printed from this screen and also shown on it, in case the paper jams or runs out.
export function doneScreen(ctx) {
  return screen('done',
    h('div', { class: 'done-message' },
      title('done.title'),
      h('div', { class: 'done-arrow', 'aria-hidden': 'true' }),
      h('p', { class: 'done-countdown', 'data-countdown': '', 'aria-hidden': 'true' }),
      h('button', { type: 'button', class: 'btn btn-primary btn-done', onclick: () => ctx.restart() }, t('done.finish'))),
    h('div', { class: 'done-slip' }, renderSlip(ctx.state.slip)));
}

export function showDoneCountdown(view, seconds) {
  const slot = view.querySelector('[data-countdown]');
  if (slot) slot.textContent = seconds ? t('done.returning', { seconds }) : '';
}
