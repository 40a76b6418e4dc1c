import { h } from '../shared/dom.js';
import { language, secondLanguage, t, tIn } from './i18n.js';
import { refusedModel } from './refused.js';

// For staff, under the patient screen and never over it: a text badge "2 slips refused – staff" in both
// languages, which opens the list of refused slips (number, time on the slip, reason) in the same strip. The
// screen above shrinks to make room and stays usable; the list closes with its button or when the kiosk goes
// back to the start.

export function createRefusedPanel({ badge, panel, timeZone }) {
  let entries = [];
  let open = false;

  function draw() {
    const model = refusedModel(entries, { now: new Date(), timeZone });
    const lang = language();
    badge.hidden = model.count === 0;
    badge.dataset.count = String(model.count);
    badge.setAttribute('aria-expanded', String(open));
    badge.textContent = [lang, secondLanguage(lang)].map((l) => tIn(l, model.badgeKey, { count: model.count })).join(' / ');
    panel.hidden = !open || model.count === 0;
    if (panel.hidden) {
      panel.replaceChildren();
      return;
    }
    panel.replaceChildren(
      h('div', { class: 'refused-head' },
        h('h2', { id: 'refused-title', tabindex: '-1' }, t('refused.title')),
        h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'refused-close', onclick: close }, t('refused.close'))),
      h('p', { class: 'refused-hint' }, t('refused.hint')),
      h('table', { class: 'refused-list' },
        h('thead', null, h('tr', null, ['refused.number', 'refused.time', 'refused.reason'].map((key) => h('th', null, t(key))))),
        h('tbody', null, model.items.map((item) => h('tr', { 'data-number': item.number },
          h('td', { class: 'refused-number' }, item.number),
          h('td', null, item.time),
          h('td', { lang: 'en' }, item.reason))))));
  }

  function close() {
    open = false;
    draw();
  }

  badge.addEventListener('click', () => {
    open = !open;
    draw();
    if (open) panel.querySelector('h2')?.focus({ preventScroll: true });
  });

  return {
    /** The `rejected` store's entries, as the sync loop last reported them. */
    update(rejected) {
      entries = rejected;
      draw();
    },
    redraw: draw,
    close,
  };
}
