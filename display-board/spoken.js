// What the announcer says, in English and Hindi. Pure, so the wording is unit-tested.

// Hindi names of the Latin letters, so a Hindi voice says "एम ई डी" rather than guessing at "MED".
const HINDI_LETTERS = {
  A: 'ए', B: 'बी', C: 'सी', D: 'डी', E: 'ई', F: 'एफ', G: 'जी', H: 'एच', I: 'आई', J: 'जे', K: 'के', L: 'एल', M: 'एम',
  N: 'एन', O: 'ओ', P: 'पी', Q: 'क्यू', R: 'आर', S: 'एस', T: 'टी', U: 'यू', V: 'वी', W: 'डब्ल्यू', X: 'एक्स', Y: 'वाई',
  Z: 'ज़ेड',
};

const HINDI_WORDS = [
  [/\broom\b/gi, 'कमरा'],
  [/\bcounter\b/gi, 'काउंटर'],
];

/**
 * "MED-042" -> ["M E D", "42"]: letters spelt one by one (a voice reads "MED" as a word), digits as a
 * number without leading zeros (a voice reads "042" as "zero four two").
 */
function parts(number, letterName) {
  return (String(number).match(/[A-Za-z]+|\d+/g) ?? []).map((part) =>
    /\d/.test(part)
      ? String(Number.parseInt(part, 10))
      : [...part.toUpperCase()].map(letterName).join(' '),
  );
}

/** "Room 1" -> "कमरा 1"; names without a known word are kept as they are. */
export function hindiCounterName(name) {
  return HINDI_WORDS.reduce((text, [word, hindi]) => text.replace(word, hindi), String(name ?? ''));
}

/** The two sentences for one call: { en: "Token M E D 42, Room 1", hi: "टोकन एम ई डी 42, कमरा 1" }. */
export function announcement(number, counterName, counterNameHi) {
  const en = ['Token', ...parts(number, (l) => l)].join(' ');
  const hi = ['टोकन', ...parts(number, (l) => HINDI_LETTERS[l] ?? l)].join(' ');
  if (!counterName) return { en, hi };
  return { en: `${en}, ${counterName}`, hi: `${hi}, ${counterNameHi || hindiCounterName(counterName)}` };
}

/**
 * A counter's name as the board writes it, Hindi and English: { hi: "कमरा 1", en: "Room 1" }. The counter's own
 * Hindi name (nameHi, when the server sends one) wins; otherwise known words are translated, and a name with
 * none ("Pharmacy") has no Hindi line rather than the same English twice.
 */
export function placeNames({ name, nameHi } = {}) {
  const en = String(name ?? '');
  const hi = String(nameHi ?? '') || hindiCounterName(en);
  return { en, hi: hi === en ? '' : hi };
}
