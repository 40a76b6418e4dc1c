import { h } from '../shared/dom.js';
import { LANGUAGES, language, secondLanguage, t, tIn } from './i18n.js';

// Pieces every screen shares: the bar with the hospital name and language switch, bilingual headings, buttons.

export const STEPS = 4;

/** The message in the patient's language, then the same message in the second language, smaller. */
export function bilingual(key, params, { tag = 'span' } = {}) {
  const second = secondLanguage(language());
  return [
    h(tag, { class: 'primary' }, t(key, params)),
    h(tag, { class: 'secondary', lang: second }, tIn(second, key, params)),
  ];
}

/** tabindex=-1 so the app can move focus here on every screen change and a screen reader announces it. */
export function title(key, params) {
  return h('h1', { class: 'title', tabindex: '-1' }, bilingual(key, params));
}

export function languageSwitch(ctx) {
  return h('div', { class: 'languages', role: 'group', 'aria-label': t('nav.language') },
    LANGUAGES.map(({ code, name }) => h('button', {
      type: 'button',
      class: 'btn btn-language',
      lang: code,
      'aria-pressed': String(code === language()),
      onclick: () => ctx.setLanguage(code),
    }, name)));
}

export function topBar(ctx, { step } = {}) {
  return h('header', { class: 'topbar' },
    h('div', { class: 'hospital' }, ctx.state.hospitalName),
    step && h('div', { class: 'step' }, t('nav.step', { step, total: ctx.state.settings?.askDetails === false ? 2 : STEPS })),
    languageSwitch(ctx));
}

export function button(label, onclick, { variant = 'secondary', extraClass = '', ...props } = {}) {
  return h('button', { type: 'button', ...props, class: `btn btn-${variant} ${extraClass}`.trim(), onclick }, label);
}

export function bottomBar(ctx, { back, next } = {}) {
  return h('footer', { class: 'bottombar' },
    back && button(t('nav.back'), back, { extraClass: 'btn-back' }),
    button(t('nav.startOver'), () => ctx.restart()),
    h('span', { class: 'spacer' }),
    next);
}

export function screen(name, ...children) {
  return h('main', { class: `screen screen-${name}`, 'data-screen': name }, children);
}
