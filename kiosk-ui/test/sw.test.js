import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sw = readFileSync(join(root, 'sw.js'), 'utf8');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(root, path)];
  });
}

test('every file of the app is in the service worker\'s cache list, so the kiosk starts offline', () => {
  const app = files(root).filter((f) => (/\.(js|css|html)$/.test(f) || /^pictograms\/.*\.svg$/.test(f))
    && !f.startsWith('test/') && f !== 'sw.js');
  const missing = app.filter((f) => !sw.includes(`'./${f}'`));
  assert.deepEqual(missing, []);
  assert.ok(sw.includes("'/fonts/fonts.css'"));
  assert.match(sw, /const VERSION = '[^']+'/);
});
