import { h } from '../dom.js';
import { screen, title } from '../ui.js';

export function printingScreen() {
  return screen('printing',
    h('div', { class: 'centre', role: 'status' },
      h('div', { class: 'spinner', 'aria-hidden': 'true' }),
      title('issuing.title')));
}
