// The kiosk's service worker: the app itself (shell, vendor code, messages, styles, fonts) is kept in a
// versioned cache so the kiosk still starts when the server is gone. Bump VERSION when this list changes;
// test/sw.test.js fails if a file of the app is missing from it.
// /api/* goes to the network first. Only the department and category lists fall back to a cached copy;
// /api/status never does (it is how the kiosk learns the server is back), and POSTs are never cached.

const VERSION = 'v2';
const SHELL_CACHE = `opd-kiosk-shell-${VERSION}`;
const API_CACHE = `opd-kiosk-api-${VERSION}`;
const CACHED_API = ['/api/services', '/api/priority-categories'];

const SHELL = [
  './',
  './api.js',
  './app.js',
  './config.js',
  './dom.js',
  './i18n.js',
  './i18n/en.js',
  './i18n/hi.js',
  './icons.js',
  './idle.js',
  './ids.js',
  './index.html',
  './issuing.js',
  './keypad.js',
  './numbers.js',
  './offline.js',
  './outbox.js',
  './print.js',
  './qr.js',
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
  './slip.js',
  './staff.js',
  './store.js',
  './styles/base.css',
  './styles/details.css',
  './styles/offline.css',
  './styles/outcome.css',
  './styles/slip.css',
  './styles/start.css',
  './styles/tiles.css',
  './sync.js',
  './ui.js',
  './validation.js',
  './vendor/qrcode-generator/qrcode.js',
  '/fonts/fonts.css',
  '/fonts/noto-sans-400.woff2',
  '/fonts/noto-sans-700.woff2',
  '/fonts/noto-sans-devanagari-400.woff2',
  '/fonts/noto-sans-devanagari-700.woff2',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload' })));
    // The department list too, so a kiosk restarted while the server is gone still shows it.
    const api = await caches.open(API_CACHE);
    await api.addAll(CACHED_API).catch((error) => console.warn('department list not cached yet', error));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const mine = [SHELL_CACHE, API_CACHE];
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('opd-kiosk-') && !mine.includes(name))
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return; // POSTs go straight to the network, never into a cache
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (CACHED_API.includes(url.pathname)) event.respondWith(networkFirst(request));
    return;
  }
  if (request.mode === 'navigate' || SHELL_PATHS.has(url.pathname)) event.respondWith(shellFirst(request));
});

const SHELL_PATHS = new Set(SHELL.map((path) => new URL(path, self.registration.scope).pathname));

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

/**
 * The shell from the cache at once (a kiosk must not wait on a server that is gone), refreshed from the network
 * behind it so a new release is picked up on the next load. The start URL's query (?lang=…) does not matter.
 */
async function shellFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request.mode === 'navigate' ? './' : request, response.clone());
    return response;
  });
  if (cached) {
    refresh.catch(() => {}); // offline: the cached copy is all there is
    return cached;
  }
  return refresh;
}
