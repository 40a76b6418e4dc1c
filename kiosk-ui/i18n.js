import en from './i18n/en.js';
import hi from './i18n/hi.js';

// Adding a language is one message file plus one entry here.
const CATALOGUES = { en, hi };
const FALLBACK = 'en';

export const LANGUAGES = Object.keys(CATALOGUES).map((code) => ({ code, name: CATALOGUES[code]['language.name'] }));

let current = FALLBACK;

export function language() {
  return current;
}

export function setLanguage(code) {
  current = code in CATALOGUES ? code : FALLBACK;
  if (globalThis.document) document.documentElement.lang = current;
  return current;
}

/** The message for `key` in the kiosk's current language, with `{name}` placeholders filled from params. */
export function t(key, params) {
  return tIn(current, key, params);
}

export function tIn(lang, key, params = {}) {
  const template = CATALOGUES[lang]?.[key] ?? CATALOGUES[FALLBACK][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * Every screen and the slip also show a second language, because the person at the kiosk
 * and the staff reading the slip may not read the same script.
 */
export function secondLanguage(lang) {
  return lang === 'en' ? 'hi' : 'en';
}

/** Picks from a server-side name map such as { en: …, hi: … }; a language the server lacks falls back to English. */
export function localName(names, lang) {
  if (!names) return '';
  return names[lang] ?? names[FALLBACK] ?? Object.values(names)[0] ?? '';
}

export function catalogue(lang) {
  return CATALOGUES[lang];
}
