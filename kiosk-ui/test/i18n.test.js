import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, catalogue, language, localName, secondLanguage, setLanguage, t, tIn } from '../i18n.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every language has exactly the keys English has', () => {
  const english = Object.keys(catalogue('en')).sort();
  for (const { code } of LANGUAGES) {
    const keys = Object.keys(catalogue(code)).sort();
    assert.deepEqual(keys.filter((k) => !english.includes(k)), [], `${code} has keys English lacks`);
    assert.deepEqual(english.filter((k) => !keys.includes(k)), [], `${code} lacks keys English has`);
  }
});

test('no message is empty and translations keep their placeholders', () => {
  for (const { code } of LANGUAGES) {
    for (const [key, text] of Object.entries(catalogue(code))) {
      assert.ok(typeof text === 'string' && text.trim(), `${code} ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(catalogue('en')[key]), `${code} ${key} placeholders`);
    }
  }
});

test('the kiosk offers English and Hindi by their own names', () => {
  assert.deepEqual(LANGUAGES.map((l) => l.name), ['English', 'हिन्दी']);
});

test('t fills placeholders in the current language', () => {
  setLanguage('hi');
  assert.equal(language(), 'hi');
  assert.equal(t('service.waiting', { count: 4 }), '4 प्रतीक्षा में');
  setLanguage('en');
  assert.equal(t('service.waiting', { count: 4 }), '4 waiting');
  assert.equal(t('start.touch'), 'Touch to get your OPD token');
  assert.equal(tIn('hi', 'start.touch'), 'ओपीडी टोकन के लिए स्पर्श करें');
});

test('unknown languages and keys fall back instead of failing', () => {
  assert.equal(setLanguage('xx'), 'en');
  assert.equal(tIn('xx', 'nav.back'), 'Back');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(t('service.waiting'), '{count} waiting');
});

test('server name maps are read in the asked language, else English', () => {
  const names = { en: 'General Medicine', hi: 'सामान्य चिकित्सा' };
  assert.equal(localName(names, 'hi'), 'सामान्य चिकित्सा');
  assert.equal(localName(names, 'ta'), 'General Medicine');
  assert.equal(localName(undefined, 'en'), '');
  assert.equal(secondLanguage('en'), 'hi');
  assert.equal(secondLanguage('hi'), 'en');
});
