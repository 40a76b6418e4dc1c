import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const PAGES = 'src/main/resources/META-INF/resources/pages';

function files(dir) {
  return readdirSync(join(repo, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'test' || name === 'vendor') return [];
    return statSync(join(repo, path)).isDirectory() ? files(path) : [path];
  }).filter((f) => f.endsWith('.js'));
}

/** The shared modules a file needs, also through other shared modules, as the URLs the browser asks for. */
function sharedImports(file, found = new Set()) {
  const source = readFileSync(join(repo, file), 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
    const target = relative(repo, resolve(repo, dirname(file), specifier));
    if (target.startsWith('shared/') && !found.has(target)) {
      found.add(target);
      sharedImports(target, found);
    }
  }
  return found;
}

for (const app of ['kiosk-ui', 'console-offline']) {
  test(`${app}: every shared module its pages import is in its service worker's cache list, so it starts offline`, () => {
    const sw = readFileSync(join(repo, app, 'sw.js'), 'utf8');
    const needed = new Set(files(app).filter((f) => !f.endsWith('/sw.js')).flatMap((f) => [...sharedImports(f)]));
    assert.ok(needed.size > 0);
    const missing = [...needed].filter((f) => !sw.includes(`'/${f}'`));
    assert.deepEqual(missing, []);
    assert.match(sw, /^importScripts\('\/shared\/sw-cache\.js'\);/m, 'the shared handlers');
    assert.match(sw, /^serveOffline\(\{ app: '[a-z]+', version: VERSION, shell: SHELL/m);
  });
}

test('the service workers stay classic workers, as kiosks and counter PCs have them registered', () => {
  // A registered worker is checked for updates as the type it was registered with: a module worker's `import`
  // would fail that check as a classic script, and the device would keep the old worker and its old cache list.
  for (const file of ['kiosk-ui/app.js', 'console-offline/link.js', 'shared/sw-cache.js', 'kiosk-ui/sw.js', 'console-offline/sw.js']) {
    const source = readFileSync(join(repo, file), 'utf8');
    assert.doesNotMatch(source, /type: 'module'/, file);
    if (file.endsWith('sw.js') || file.endsWith('sw-cache.js')) assert.doesNotMatch(source, /^\s*(import|export)\s/m, file);
  }
});

test('no copy of the shared pieces is left in the kiosk, the offline console or the staff pages', () => {
  // What only the shared modules may do: open IndexedDB, time out a fetch, make a UUID, fill a cache.
  const theirs = [/indexedDB/, /\.open\([^)]*DB_VERSION/, /AbortSignal\.timeout/, /getRandomValues|randomUUID/, /caches\.open|addEventListener\('fetch'/,
    /createObjectStore/, /\bfetch\(/];
  const copies = [...files('kiosk-ui'), ...files('console-offline'), ...files(PAGES)]
    .flatMap((f) => theirs.filter((pattern) => pattern.test(readFileSync(join(repo, f), 'utf8'))).map((pattern) => `${f} ${pattern}`));
  assert.deepEqual(copies, []);
});
