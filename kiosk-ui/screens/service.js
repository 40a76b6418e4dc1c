import { h } from '../../shared/dom.js';
import { language, localName, secondLanguage, t } from '../i18n.js';
import { pictogram } from '../pictograms.js';
import { roomHintIn } from '../../shared/slip.js';
import { bottomBar, screen, title, topBar } from '../ui.js';

const hhmm = (time) => (time ?? '').slice(0, 5);

function serviceTile(ctx, service) {
  const lang = language();
  const primaryName = localName(service.name, lang);
  const secondName = localName(service.name, secondLanguage(lang));
  const waiting = service.waiting > 0 ? t('service.waiting', { count: service.waiting }) : t('service.waitingNone');
  // "No one waiting" already says there is no wait.
  const room = roomHintIn(service, lang);
  const wait = service.waiting > 0 && service.estimatedWaitMinutes > 0 ? t('service.wait', { minutes: service.estimatedWaitMinutes }) : null;
  return h('button', {
    type: 'button',
    class: 'tile tile-service',
    'data-service': service.code,
    'aria-current': ctx.state.draft.serviceCode === service.code ? 'true' : null,
    onclick: () => ctx.chooseService(service.code),
  },
  pictogram(service),
  h('span', { class: 'tile-text' },
    h('span', { class: 'tile-name' }, primaryName),
    secondName !== primaryName && h('span', { class: 'tile-name-second', lang: secondLanguage(lang) }, secondName),
    room && h('span', { class: 'tile-room', 'data-testid': 'tile-room' }, room),
    h('span', { class: 'tile-meta' },
      h('span', { class: 'chip' }, waiting),
      wait && h('span', { class: 'chip' }, wait),
      service.opensAt && h('span', { class: 'chip chip-quiet' }, t('service.hours', { from: hhmm(service.opensAt), to: hhmm(service.closesAt) })))));
}

/** Columns that keep every tile on one screen, whatever the number of departments and the orientation. */
function gridColumns(count) {
  return { portrait: count <= 4 ? 1 : count <= 12 ? 2 : 3, landscape: count <= 4 ? 2 : count <= 9 ? 3 : 4 };
}

export function serviceScreen(ctx) {
  const { services, notice } = ctx.state;
  const cols = gridColumns(services.length);
  return screen('service',
    topBar(ctx, { step: 1 }),
    title('service.title'),
    notice && h('p', { class: 'notice', role: 'alert' }, t(notice)),
    services.length
      ? h('div', { class: 'tiles', style: `--cols-portrait: ${cols.portrait}; --cols-landscape: ${cols.landscape}` },
        services.map((service) => serviceTile(ctx, service)))
      : h('p', { class: 'notice', role: 'alert' }, t('service.none'), ' ', t('failure.counter')),
    bottomBar(ctx));
}
