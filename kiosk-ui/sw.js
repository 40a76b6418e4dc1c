// The kiosk's service worker: the app itself (shell, the shared modules it imports, vendor code,
// messages, styles, fonts) is kept in a versioned cache so the kiosk still starts when the server is gone.
// Bump VERSION when this list changes; test/sw.test.js fails if a file of the app is missing from it, and
// shared/test/shell.test.js if a shared module it imports is.
// /api/* goes to the network first. Only the department and category lists fall back to a cached copy;
// /api/status never does (it is how the kiosk learns the server is back), and POSTs are never cached.

importScripts('/shared/sw-cache.js'); // serveOffline, shared with the other app's worker

const VERSION = 'v4';
const CACHED_API = ['/api/services', '/api/priority-categories', '/api/kiosk-settings'];

const SHELL = [
  './',
  './api.js',
  './app.js',
  './config.js',
  './i18n.js',
  './i18n/en.js',
  './i18n/hi.js',
  './icons.js',
  './audio.js',
  './pictograms.js',
  './idle.js',
  './index.html',
  './issuing.js',
  './keypad.js',
  './numbers.js',
  './offline.js',
  './outbox.js',
  './refused.js',
  './screens/confirm.js',
  './screens/details.js',
  './screens/done.js',
  './screens/failure.js',
  './screens/noReserve.js',
  './screens/priority.js',
  './screens/service.js',
  './screens/start.js',
  './screens/waiting.js',
  './staff.js',
  './store.js',
  './styles/base.css',
  './styles/details.css',
  './styles/offline.css',
  './styles/outcome.css',
  './styles/start.css',
  './styles/tiles.css',
  './sync.js',
  './ui.js',
  './validation.js',
  '/shared/dom.js',
  '/shared/http.js',
  '/shared/ids.js',
  '/shared/outbox.js',
  '/shared/qr.js',
  '/shared/slip-print.js',
  '/shared/slip-words.js',
  '/shared/slip.css',
  '/shared/slip.js',
  '/shared/store.js',
  '/shared/vendor/qrcode-generator/qrcode.js',
  '/fonts/fonts.css',
  '/fonts/noto-sans-400.woff2',
  '/fonts/noto-sans-700.woff2',
  '/fonts/noto-sans-devanagari-400.woff2',
  '/fonts/noto-sans-devanagari-700.woff2',
];

serveOffline({ app: 'kiosk', version: VERSION, shell: SHELL, api: CACHED_API });
