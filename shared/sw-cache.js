// What the kiosk's and the offline console's service workers share. A classic script, not a module: the workers
// load it with importScripts('/shared/sw-cache.js'). Kiosks and counter PCs already run these workers as classic
// ones, and the browser checks a registered worker for updates as the type it was registered with, so a worker
// rewritten with `import` would fail that check on every device until a page registered it anew, online.
// The app's files live in a versioned cache so the app starts when the server is gone; a new VERSION makes new
// caches and the old ones are deleted once the new worker takes over. Every promise is awaited or handed to
// waitUntil, so the browser does not stop the worker half-way through writing a cache.

/** The cache names of one app and version; every name starts with `opd-<app>-`, which is how old ones are found. */
function cacheNames(app, version) {
  return { shell: `opd-${app}-shell-${version}`, api: `opd-${app}-api-${version}` };
}

/** This app's caches of other versions (never another app's: the kiosk and the console may share a PC). */
function staleCaches(names, app, version) {
  const mine = Object.values(cacheNames(app, version));
  return names.filter((name) => name.startsWith(`opd-${app}-`) && !mine.includes(name));
}

/** An API list from the network, its last good copy when there is no answer. */
async function networkFirst(request, cache, fetchFn = fetch) {
  try {
    const response = await fetchFn(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

/**
 * The app from the cache at once (nobody should wait on a server that is gone), refreshed from the network behind
 * it so a new release is picked up on the next load; `waitUntil` keeps the worker alive for that refresh.
 * The page's query (?lang=…, ?number=…) does not matter.
 */
async function shellFirst(request, cache, { fetchFn = fetch, waitUntil = () => {} } = {}) {
  const cached = await cache.match(request, { ignoreSearch: true });
  const refresh = fetchFn(request).then(async (response) => {
    // Only a whole file: an <audio> asks for a range, and a 206 cannot be cached (put throws, losing the answer).
    if (response.status === 200) await cache.put(request.mode === 'navigate' ? './' : request, response.clone());
    return response;
  });
  if (cached) {
    waitUntil(refresh.catch(() => {})); // offline: the cached copy is all there is
    return cached;
  }
  return refresh;
}

/**
 * Installs the worker's handlers. shell: the app's files ('./x.js' relative to the worker, '/fonts/…' and
 * '/shared/…' absolute). api: GET /api/ paths answered network first with a cached fallback; every other /api/
 * request and every POST goes to the network only, never into a cache.
 */
function serveOffline({ app, version, shell, api = [] }, sw = globalThis.self) {
  const names = cacheNames(app, version);
  const shellPaths = new Set(shell.map((path) => new URL(path, sw.registration.scope).pathname));

  sw.addEventListener('install', (event) => {
    event.waitUntil((async () => {
      const cache = await sw.caches.open(names.shell);
      await cache.addAll(shell.map((path) => new Request(new URL(path, sw.location.href), { cache: 'reload' })));
      if (api.length) {
        // So an app restarted while the server is gone still has its lists; not having them yet is no failure.
        const apiCache = await sw.caches.open(names.api);
        await apiCache.addAll(api).catch((error) => console.warn('API lists not cached yet', error));
      }
      await sw.skipWaiting();
    })());
  });

  sw.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
      await Promise.all(staleCaches(await sw.caches.keys(), app, version).map((name) => sw.caches.delete(name)));
      await sw.clients.claim();
    })());
  });

  sw.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== sw.location.origin) return;
    if (url.pathname.startsWith('/api/')) {
      if (api.includes(url.pathname)) {
        event.respondWith(sw.caches.open(names.api).then((cache) => networkFirst(request, cache, sw.fetch.bind(sw))));
      }
      return;
    }
    if (request.mode === 'navigate' || shellPaths.has(url.pathname)) {
      event.respondWith(sw.caches.open(names.shell)
        .then((cache) => shellFirst(request, cache, { fetchFn: sw.fetch.bind(sw), waitUntil: (p) => event.waitUntil(p) })));
    }
  });
}
