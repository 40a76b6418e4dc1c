import { svg } from '../shared/dom.js';

// Simple pictograms drawn with currentColor, so they follow the tile's text colour and contrast.
// They are decorative: each tile also says in words what it is.

const STROKE = 'fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"';

const PICTOGRAMS = {
  GENERAL: `
    <circle cx="32" cy="10" r="7" fill="currentColor"/>
    <path ${STROKE} d="M32 23v17M32 40l-7 19M32 40l7 19M21 36l4-11h14l4 11"/>`,
  SENIOR_CITIZEN: `
    <circle cx="33" cy="10" r="7" fill="currentColor"/>
    <path ${STROKE} d="M30 22l-5 17l-4 20M25 39l7 9l-1 11M29 26l11 8"/>
    <path fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" d="M41 36v24M41 36c0-5 7-5 7 0"/>`,
  DIVYANG: `
    <circle cx="24" cy="8" r="6.5" fill="currentColor"/>
    <path ${STROKE} d="M24 20v18h16l6 15h5M24 27h12"/>
    <path fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" d="M15.4 35.4A15 15 0 1 0 40.5 50"/>`,
  PREGNANT: `
    <circle cx="30" cy="9" r="7" fill="currentColor"/>
    <path fill="currentColor" d="M24 20h11l2 8c9 3 10 16 1 19H23l2-14z"/>
    <path ${STROKE} d="M27 46l-1 14M34 46l1 14M33 24l6 8"/>`,
};

/** The pictures a category may name in its `icon` (chosen on the admin page /admin/categories). */
export const CATEGORY_ICONS = Object.freeze(Object.keys(PICTOGRAMS));

/** Which picture a category from /api/priority-categories shows: its `icon` if the kiosk has it, else none. */
export function iconOf(category) {
  const name = category?.icon;
  return typeof name === 'string' && Object.hasOwn(PICTOGRAMS, name) ? name : null;
}

/** The category's picture, or null (the tile then shows its words only). */
export function categoryIcon(category) {
  const name = iconOf(category);
  if (name === null) return null;
  return svg(`<svg class="icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">${PICTOGRAMS[name]}</svg>`);
}

export function backspaceIcon() {
  return svg(`<svg class="icon" viewBox="0 0 64 48" aria-hidden="true" focusable="false">
    <path fill="none" stroke="currentColor" stroke-width="4.5" stroke-linejoin="round" d="M20 6h38v36H20L4 24z"/>
    <path fill="none" stroke="currentColor" stroke-width="4.5" stroke-linecap="round" d="M30 15l18 18M48 15L30 33"/></svg>`);
}

export function touchIcon() {
  return svg(`<svg class="icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
    <circle cx="32" cy="32" r="10" fill="currentColor"/>
    <circle cx="32" cy="32" r="19" fill="none" stroke="currentColor" stroke-width="4" opacity=".7"/>
    <circle cx="32" cy="32" r="28" fill="none" stroke="currentColor" stroke-width="3" opacity=".4"/></svg>`);
}
