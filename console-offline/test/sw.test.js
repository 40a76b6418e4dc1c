import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sw = readFileSync(join(root, 'sw.js'), 'utf8');

test('every file of the page is in the service worker\'s cache list, so it opens with the server gone', () => {
  const app = readdirSync(root).filter((f) => /\.(js|css|html)$/.test(f) && f !== 'sw.js');
  const missing = app.filter((f) => !sw.includes(`'./${f}'`));
  assert.deepEqual(missing, []);
  assert.ok(sw.includes("'/fonts/fonts.css'"));
  assert.match(sw, /const VERSION = '[^']+'/);
});
