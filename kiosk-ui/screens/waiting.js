import { h } from '../../shared/dom.js';
import { screen, title } from '../ui.js';

/** A spinner and one line, while the kiosk talks to the server. */
export function waitingScreen(messageKey) {
  return screen('waiting',
    h('div', { class: 'centre', role: 'status' },
      h('div', { class: 'spinner', 'aria-hidden': 'true' }),
      title(messageKey)));
}
