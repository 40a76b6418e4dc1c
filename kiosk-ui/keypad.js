import { h } from '../shared/dom.js';
import { backspaceIcon } from './icons.js';
import { t } from './i18n.js';

// On-screen keys, because a kiosk has no keyboard and the OS one is hidden (inputmode="none").
// Numbers get a phone-style pad; a hospital ID (UHID) also needs letters, "/" and "-".

export const DELETE = 'Delete';
export const CLEAR = 'Clear';

const LAYOUTS = {
  numeric: ['1', '2', '3', '4', '5', '6', '7', '8', '9', CLEAR, '0', DELETE],
  uhid: [
    ...'1234567890',
    ...'QWERTYUIOP',
    ...'ASDFGHJKL', CLEAR,
    ...'ZXCVBNM/-', DELETE,
  ],
};

function keyButton(key, onKey) {
  const special = key === DELETE || key === CLEAR;
  return h('button', {
    type: 'button',
    class: `key${special ? ' key-special' : ''}`,
    'data-key': key,
    'aria-label': key === DELETE ? t('keypad.delete') : key === CLEAR ? t('keypad.clear') : null,
    // Keep focus (and the caret) in the field being typed into; a click still fires for touch and keyboard users.
    onpointerdown: (event) => event.preventDefault(),
    onclick: () => onKey(key),
  }, key === DELETE ? backspaceIcon() : key === CLEAR ? t('keypad.clear') : key);
}

/** layout: 'numeric' or 'uhid'; onKey gets a character, DELETE or CLEAR. */
export function keypad({ layout, fieldLabel, onKey }) {
  return h('div', { class: `keypad keypad-${layout}`, role: 'group', 'aria-label': t('keypad.label', { field: fieldLabel }) },
    LAYOUTS[layout].map((key) => keyButton(key, onKey)));
}

/** What a key does to the text in a field. */
export function applyKey(text, key) {
  if (key === DELETE) return text.slice(0, -1);
  if (key === CLEAR) return '';
  return text + key;
}
