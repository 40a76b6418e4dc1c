import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { SPOKEN_SCREENS, clipFor } from '../audio.js';

const root = new URL('..', import.meta.url).pathname;
const sw = readFileSync(join(root, 'sw.js'), 'utf8');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(root, path)];
  });
}

test('every file of the app is in the service worker\'s cache list, so the kiosk starts offline', () => {
  const app = files(root).filter((f) => (/\.(js|css|html)$/.test(f) || /^pictograms\/.*\.svg$/.test(f) || /\.opus$/.test(f))
    && !f.startsWith('test/') && f !== 'sw.js');
  const missing = app.filter((f) => !sw.includes(`'./${f}'`));
  assert.deepEqual(missing, []);
  assert.ok(sw.includes("'/fonts/fonts.css'"));
  assert.match(sw, /const VERSION = '[^']+'/);
});

const shell = [...sw.matchAll(/^\s+'([^']+)',$/gm)].map(([, path]) => path);
const cached = (path) => shell.includes(path.startsWith('/') ? path : `./${path}`);

test('everything the kiosk page links to is cached: its icon, fonts and styles', () => {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/\s(?:href|src)="([^"#?]+)"/g)].map(([, path]) => path);
  assert.ok(linked.includes('/favicon.svg'), 'the icon in the tab');
  assert.deepEqual(linked.filter((path) => !cached(path)), []);
  const fonts = readFileSync(join(root, '../src/main/resources/META-INF/resources/fonts/fonts.css'), 'utf8');
  const faces = [...fonts.matchAll(/url\("([^"]+)"\)/g)].map(([, file]) => `/fonts/${file}`);
  assert.equal(faces.length, 4);
  assert.deepEqual(faces.filter((path) => !cached(path)), []);
});

test('every spoken prompt the kiosk can play, in both languages, is cached', () => {
  const clips = SPOKEN_SCREENS.flatMap((screen) => ['en', 'hi'].map((lang) => clipFor(screen, lang)));
  assert.equal(clips.length, 12);
  assert.deepEqual(clips.filter((clip) => !cached(clip)), []);
});
