import { h } from '../../shared/dom.js';
import { language, localName, secondLanguage } from '../i18n.js';
import { categoryIcon } from '../icons.js';
import { bottomBar, bilingual, screen, title, topBar } from '../ui.js';

function categoryTile(ctx, category) {
  const lang = language();
  const name = localName(category.name, lang);
  const second = localName(category.name, secondLanguage(lang));
  return h('button', {
    type: 'button',
    class: `tile tile-category${category.priority ? ' tile-priority' : ''}`,
    'data-category': category.code,
    'aria-current': ctx.state.draft.priority === category.code ? 'true' : null,
    onclick: () => ctx.choosePriority(category.code),
  },
  categoryIcon(category),
  h('span', { class: 'tile-text' },
    h('span', { class: 'tile-name' }, name),
    second !== name && h('span', { class: 'tile-name-second', lang: secondLanguage(lang) }, second)));
}

export function priorityScreen(ctx) {
  return screen('priority',
    topBar(ctx, { step: 2 }),
    title('priority.title'),
    h('p', { class: 'hint' }, bilingual('priority.hint')),
    h('div', { class: 'tiles tiles-categories' }, ctx.state.categories.map((category) => categoryTile(ctx, category))),
    bottomBar(ctx, { back: () => ctx.go('service') }));
}
