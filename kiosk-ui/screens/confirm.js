import { h } from '../../shared/dom.js';
import { language, localName, secondLanguage, t, tIn } from '../i18n.js';
import { categoryIcon } from '../icons.js';
import { roomHintIn } from '../../shared/slip.js';
import { bottomBar, button, screen, title, topBar } from '../ui.js';
import { PATIENT_FIELDS, display } from '../validation.js';

function summaryRow(label, content, change) {
  return h('div', { class: 'summary-row' },
    h('dt', null, label),
    h('dd', null, content),
    // A dd, not a div: a definition list's group holds only dt and dd (axe: definition-list).
    h('dd', { class: 'summary-change' }, button(t('confirm.change'), change, { 'aria-label': `${t('confirm.change')}: ${label}` })));
}

function names(map) {
  const lang = language();
  const first = localName(map, lang);
  const second = localName(map, secondLanguage(lang));
  return [h('span', { class: 'summary-main' }, first), second !== first && h('span', { class: 'summary-second', lang: secondLanguage(lang) }, second)];
}

export function confirmScreen(ctx) {
  const { draft, services, categories } = ctx.state;
  const service = services.find((s) => s.code === draft.serviceCode);
  const category = categories.find((c) => c.code === draft.priority);
  const given = PATIENT_FIELDS.filter((field) => draft.patient[field]);
  const second = secondLanguage(language());

  return screen('confirm',
    topBar(ctx, { step: 4 }),
    title('confirm.title'),
    h('dl', { class: 'summary' },
      summaryRow(t('confirm.department'), [names(service?.name), roomHintIn(service, language()) && h('span', { class: 'summary-note' }, roomHintIn(service, language()))], () => ctx.go('service')),
      summaryRow(t('confirm.category'), h('span', { class: 'summary-category' }, categoryIcon(category), h('span', null, names(category?.name))), () => ctx.go('priority')),
      summaryRow(t('confirm.details'),
        given.length
          ? [...given.map((field) => h('span', { class: 'summary-detail' }, `${t(`details.${field}`)}: `, h('strong', null, display(field, draft.patient[field])))),
            draft.patient.mobile && draft.patient.notifyConsent && h('span', { class: 'summary-detail', 'data-testid': 'confirm-sms' }, `✓ ${t('confirm.sms')}`)]
          : h('span', { class: 'summary-main' }, t('confirm.none')),
        () => ctx.go('details'))),
    h('button', { type: 'button', class: 'btn btn-primary btn-print', 'data-action': 'print', onclick: () => ctx.printToken() },
      h('span', { class: 'primary' }, t('confirm.print')),
      h('span', { class: 'secondary', lang: second }, tIn(second, 'confirm.print'))),
    bottomBar(ctx, { back: () => ctx.go('details') }));
}
