import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// A classic script (the workers load it with importScripts): its functions are read out as a worker would see them.
const source = readFileSync(new URL('../sw-cache.js', import.meta.url), 'utf8');
const { cacheNames, networkFirst, serveOffline, shellFirst, staleCaches } =
  new Function(`${source}\nreturn { cacheNames, networkFirst, serveOffline, shellFirst, staleCaches };`)();

const ORIGIN = 'http://opd.local';
const SCOPE = `${ORIGIN}/kiosk/`;

/** Cache Storage as a service worker sees it: names → caches of URL → Response, relative keys against the worker. */
function fakeCaches() {
  const all = new Map();
  const key = (r, ignoreSearch) => {
    const url = new URL(typeof r === 'string' ? r : r.url, SCOPE);
    if (ignoreSearch) url.search = '';
    return url.href;
  };
  const cache = () => {
    const entries = new Map();
    return {
      entries,
      async match(r, { ignoreSearch = false } = {}) {
        for (const [k, v] of entries) if (key(k, ignoreSearch) === key(r, ignoreSearch)) return v.clone();
        return undefined;
      },
      async put(r, response) {
        // as Cache Storage does
        if (response.status === 206) throw new TypeError('Partial response (status code 206) is unsupported');
        entries.set(key(r), response);
      },
      async addAll(requests) {
        for (const r of requests) {
          const url = key(r);
          if (url.includes('/api/') && fakeCaches.offline) throw new TypeError('Failed to fetch');
          entries.set(url, new Response(`body of ${url}`));
        }
      },
    };
  };
  return {
    all,
    async open(name) { if (!all.has(name)) all.set(name, cache()); return all.get(name); },
    async keys() { return [...all.keys()]; },
    async delete(name) { return all.delete(name); },
  };
}

function fakeWorker({ fetchFn }) {
  const listeners = {};
  const sw = {
    caches: fakeCaches(),
    registration: { scope: SCOPE },
    location: new URL(`${SCOPE}sw.js`),
    skipped: false,
    claimed: false,
    addEventListener: (type, fn) => { listeners[type] = fn; },
    skipWaiting: async () => { sw.skipped = true; },
    clients: { claim: async () => { sw.claimed = true; } },
    fetch: fetchFn,
  };
  /** Dispatches an event; resolves with what the worker answered (or undefined) once every waitUntil settled. */
  sw.dispatch = async (type, request) => {
    const waits = [];
    let answer;
    const event = { request, waitUntil: (p) => waits.push(p), respondWith: (p) => { answer = p; waits.push(p); } };
    listeners[type](event);
    const response = await answer;
    for (let i = 0; i < waits.length; i += 1) await waits[i]; // waitUntil may be called while the answer is made
    return response;
  };
  return sw;
}

const get = (path, mode = 'no-cors') => ({ method: 'GET', url: new URL(path, SCOPE).href, mode });

test('cache names carry the app and the version; only this app\'s other versions are stale', () => {
  assert.deepEqual(cacheNames('kiosk', 'v3'), { shell: 'opd-kiosk-shell-v3', api: 'opd-kiosk-api-v3' });
  assert.deepEqual(staleCaches(['opd-kiosk-shell-v2', 'opd-kiosk-api-v2', 'opd-kiosk-shell-v3', 'opd-console-shell-v1', 'other'], 'kiosk', 'v3'),
    ['opd-kiosk-shell-v2', 'opd-kiosk-api-v2']);
});

test('install keeps the whole app and the API lists; a server without the lists yet does not stop it', async () => {
  for (const offline of [false, true]) {
    fakeCaches.offline = offline;
    const sw = fakeWorker({ fetchFn: assert.fail });
    serveOffline({ app: 'kiosk', version: 'v3', shell: ['./', './app.js', '/shared/http.js'], api: ['/api/services'] }, sw);
    await sw.dispatch('install');
    const shell = await sw.caches.open('opd-kiosk-shell-v3');
    assert.deepEqual([...shell.entries.keys()], [`${ORIGIN}/kiosk/`, `${ORIGIN}/kiosk/app.js`, `${ORIGIN}/shared/http.js`]);
    const api = await sw.caches.open('opd-kiosk-api-v3');
    assert.equal(api.entries.size, offline ? 0 : 1);
    assert.ok(sw.skipped);
  }
  fakeCaches.offline = false;
});

test('activate deletes the old version\'s caches, never another app\'s, and takes over open pages', async () => {
  const sw = fakeWorker({ fetchFn: assert.fail });
  for (const name of ['opd-kiosk-shell-v2', 'opd-kiosk-shell-v3', 'opd-console-shell-v1']) await sw.caches.open(name);
  serveOffline({ app: 'kiosk', version: 'v3', shell: [] }, sw);
  await sw.dispatch('activate');
  assert.deepEqual(await sw.caches.keys(), ['opd-kiosk-shell-v3', 'opd-console-shell-v1']);
  assert.ok(sw.claimed);
});

test('the app comes from the cache at once, whatever the query, and is refreshed behind it', async () => {
  let server = 'new release';
  const sw = fakeWorker({ fetchFn: async () => (server ? new Response(server) : Promise.reject(new TypeError('Failed to fetch'))) });
  serveOffline({ app: 'kiosk', version: 'v3', shell: ['./', './app.js', '/shared/http.js'] }, sw);
  const shell = await sw.caches.open('opd-kiosk-shell-v3');
  await shell.put('./', new Response('cached start page'));
  await shell.put('/shared/http.js', new Response('cached http'));

  assert.equal(await (await sw.dispatch('fetch', get('/kiosk/?lang=hi', 'navigate'))).text(), 'cached start page');
  assert.equal(await (await shell.match('./')).text(), 'new release', 'the refresh finished inside the event\'s lifetime');
  server = null;
  assert.equal(await (await sw.dispatch('fetch', get('/shared/http.js'))).text(), 'cached http', 'offline: the cached copy');
  await assert.rejects(sw.dispatch('fetch', get('/kiosk/app.js')), TypeError, 'not cached and no server: the page sees the failure');
});

test('POSTs, other origins and /api/ paths that are not lists are never answered from a cache', async () => {
  const sw = fakeWorker({ fetchFn: assert.fail });
  serveOffline({ app: 'kiosk', version: 'v3', shell: ['./'], api: ['/api/services'] }, sw);
  assert.equal(await sw.dispatch('fetch', { ...get('/kiosk/'), method: 'POST' }), undefined);
  assert.equal(await sw.dispatch('fetch', get('/api/status')), undefined);
  assert.equal(await sw.dispatch('fetch', { ...get('/'), url: 'http://elsewhere/kiosk/' }), undefined);
  assert.equal(await sw.dispatch('fetch', get('/board/1')), undefined);
});

test('an API list comes from the network while it answers, and from its last good copy when it does not', async () => {
  const cache = await fakeCaches().open('api');
  const request = get('/api/services');
  assert.equal(await (await networkFirst(request, cache, async () => new Response('[1]'))).text(), '[1]');
  assert.equal(await (await networkFirst(request, cache, async () => new Response('oops', { status: 500 }))).text(), 'oops', 'a 5xx is passed on, not cached');
  assert.equal(await (await networkFirst(request, cache, async () => { throw new TypeError('offline'); })).text(), '[1]');
  const empty = await fakeCaches().open('api');
  await assert.rejects(networkFirst(request, empty, async () => { throw new TypeError('offline'); }), TypeError);
});

test('a failed refresh behind a cached answer is handed to waitUntil, not left unhandled', async () => {
  const cache = await fakeCaches().open('shell');
  await cache.put('/kiosk/app.js', new Response('cached'));
  const kept = [];
  const answer = await shellFirst(get('/kiosk/app.js'), cache, { fetchFn: async () => { throw new TypeError('offline'); }, waitUntil: (p) => kept.push(p) });
  assert.equal(await answer.text(), 'cached');
  assert.equal(kept.length, 1);
  await kept[0];
});

test('a spoken prompt asked for by range is passed on as the server answers it, and its cached whole copy stays', async () => {
  const cache = await fakeCaches().open('shell');
  const partial = async () => new Response('part', { status: 206, headers: { 'Content-Range': 'bytes 0-3/10' } });
  const first = await shellFirst(get('/kiosk/audio/hi/done.opus'), cache, { fetchFn: partial });
  assert.equal(first.status, 206, 'not lost to a cache that refuses partial answers');
  assert.equal(await cache.match('/kiosk/audio/hi/done.opus'), undefined);

  await cache.put('/kiosk/audio/hi/done.opus', new Response('whole clip'));
  const kept = [];
  const later = await shellFirst(get('/kiosk/audio/hi/done.opus'), cache, { fetchFn: partial, waitUntil: (p) => kept.push(p) });
  assert.equal(await later.text(), 'whole clip');
  await kept[0];
  assert.equal(await (await cache.match('/kiosk/audio/hi/done.opus')).text(), 'whole clip');
});
