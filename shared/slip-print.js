import { h } from './dom.js';
import { qrDataUrl } from './qr.js';

// The token slip as an element (shown on screen and printed), and the printing itself.
// Print CSS (shared/slip.css) sizes it for an 80 mm thermal roll; Chromium started with --kiosk-printing
// sends window.print() straight to the default printer without a dialog.

function row(testid, { label, value }, { strong = false } = {}) {
  return h('div', { class: `slip-row${strong ? ' slip-row-strong' : ''}`, 'data-testid': testid },
    h('div', { class: 'slip-label' }, label.map((text, i) => h('span', { class: i ? 'secondary' : 'primary' }, text))),
    h('div', { class: 'slip-value' }, [value].flat().map((text) => h('span', null, text))));
}

export function renderSlip(slip) {
  return h('article', { class: 'slip', 'data-testid': 'slip', 'aria-label': `${slip.title[0]} ${slip.number}` },
    h('div', { class: 'slip-offline', 'data-offline': '', 'data-testid': 'slip-offline', hidden: !slip.offline }, slip.offlineMark),
    h('div', { class: 'slip-hospital' }, slip.hospitalName),
    h('div', { class: 'slip-title' }, slip.title.join(' · ')),
    h('div', { class: 'slip-number', 'data-testid': 'slip-number', style: `--chars: ${slip.number.length}` }, slip.number),
    h('div', { class: 'slip-service', 'data-testid': 'slip-service' },
      slip.service.map((name, i) => h('div', { class: i ? 'secondary' : 'primary' }, name)),
      slip.room.length > 0 && h('div', { class: 'slip-room', 'data-testid': 'slip-room' },
        slip.room.map((text) => h('div', null, text)))),
    slip.appointment && h('div', { class: 'slip-appointment', 'data-testid': 'slip-appointment' },
      slip.appointment.map((text) => h('div', null, text))),
    h('div', { class: 'slip-rows' },
      row('slip-ahead', slip.ahead, { strong: true }),
      row('slip-wait', slip.wait, { strong: true }),
      h('div', { class: slip.category.priority ? 'slip-priority' : '' }, row('slip-category', slip.category))),
    slip.statusUrl && h('div', { class: 'slip-qr-block' },
      h('img', {
        class: 'slip-qr',
        'data-testid': 'slip-qr',
        'data-url': slip.statusUrl,
        src: qrDataUrl(slip.statusUrl),
        alt: slip.scan[0],
      }),
      h('div', { class: 'slip-scan' }, slip.scan.map((text) => h('div', null, text)))),
    h('div', { class: 'slip-time' }, slip.issuedAt),
    h('div', { class: 'slip-keep' }, slip.keep.map((text) => h('div', null, text))));
}

/**
 * Prints a copy in #print-root, so what is printed never depends on the screen's layout, and the copy carries
 * no test ids, so tests find exactly one slip.
 */
export async function printSlip(slipElement, { win = window } = {}) {
  const copy = slipElement.cloneNode(true);
  for (const el of [copy, ...copy.querySelectorAll('[data-testid]')]) el.removeAttribute('data-testid');
  const root = win.document.getElementById('print-root');
  root.replaceChildren(copy);
  // A slip printed before its QR image or fonts are ready comes out blank where they should be.
  await Promise.all([win.document.fonts?.ready, ...[...copy.querySelectorAll('img')].map((img) => img.decode().catch(() => {}))]);
  fitPageToSlip(root, win.document);
  win.print();
}

const MM_PER_PX = 25.4 / 96;
const pageSizes = new WeakMap();

/**
 * Chromium ignores `size: 80mm auto`, and a fixed page length feeds that much blank roll through the printer.
 * So measure the slip as it will print and make the page exactly that long.
 */
function fitPageToSlip(root, doc) {
  root.classList.add('measuring');
  const heightMm = Math.ceil(root.getBoundingClientRect().height * MM_PER_PX);
  root.classList.remove('measuring');
  // A constructed style sheet, not a <style> element: the Content-Security-Policy allows no inline styles.
  const win = doc.defaultView;
  if (!pageSizes.has(doc)) {
    const sheet = new win.CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    pageSizes.set(doc, sheet);
  }
  pageSizes.get(doc).replaceSync(`@page { size: 80mm ${Math.max(heightMm, 40)}mm; margin: 0; }`);
}
