// The offline console's service worker: the page, its modules and the shared modules they import
// are kept in a versioned cache so the counter PC still opens /console-offline/ when the server is gone. Bump VERSION
// when this list changes; test/sw.test.js fails if a file of the app is missing from it, and
// shared/test/shell.test.js if a shared module it imports is. /api/* and every POST go to the network only.

importScripts('/shared/sw-cache.js'); // serveOffline, shared with the other app's worker

const VERSION = 'v2';

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
  '/shared/http.js',
  '/shared/ids.js',
  '/shared/outbox.js',
  '/shared/store.js',
  '/fonts/fonts.css',
  '/fonts/noto-sans-400.woff2',
  '/fonts/noto-sans-700.woff2',
  '/fonts/noto-sans-devanagari-400.woff2',
  '/fonts/noto-sans-devanagari-700.woff2',
];

serveOffline({ app: 'console', version: VERSION, shell: SHELL });
