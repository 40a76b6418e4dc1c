// The offline console's service worker: the page and its modules are kept in a versioned cache so the counter
// PC still opens /console-offline/ when the server is gone. Bump VERSION when this list changes;
// test/sw.test.js fails if a file of the app is missing from it. /api/* and every POST go to the network only.

const VERSION = 'v1';
const SHELL_CACHE = `opd-console-shell-${VERSION}`;

const SHELL = [
  './',
  './actions.js',
  './api.js',
  './app.js',
  './index.html',
  './link.js',
  './outbox.js',
  './replay.js',
  './store.js',
  './styles.css',
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
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('opd-console-') && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

const SHELL_PATHS = new Set(SHELL.map((path) => new URL(path, self.registration.scope).pathname));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' || SHELL_PATHS.has(url.pathname)) event.respondWith(shellFirst(request));
});

/**
 * The shell from the cache at once (staff must not wait on a server that is gone), refreshed from the network
 * behind it so a new release is picked up on the next load. The page's query (?number=…) does not matter.
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
