// The recorded announcement of one call, as a list of clips under audio/ (made by audio/make.sh).
// Used when the PC has no speech voice for a language. Pure, so what the hall hears is unit-tested.

const CLIPS = '/board/audio'; // where the app serves display-board/audio/

/** 63 -> ["n63"]; 163 -> ["n1", "hundred", "n63"]; 1042 -> digit by digit, as there is no "thousand" clip. */
export function numberClips(n) {
  if (n < 100) return [`n${n}`];
  if (n < 1000) {
    const rest = n % 100;
    return [`n${Math.floor(n / 100)}`, 'hundred', ...(rest > 0 ? [`n${rest}`] : [])];
  }
  return [...String(n)].map((digit) => `n${digit}`);
}

/** "MED-063" -> letter-m, letter-e, letter-d, n63: letters one by one, numbers without leading zeros. */
function tokenClips(number) {
  return (String(number).match(/[A-Za-z]+|\d+/g) ?? []).flatMap((part) =>
    /\d/.test(part) ? numberClips(Number.parseInt(part, 10)) : [...part.toLowerCase()].map((l) => `letter-${l}`),
  );
}

/**
 * Where to go, as the clips can say it: "Room 4" and "कमरा 4" as room 4; any other name with a number
 * ("Counter 11", "Lab 3") as counter and that number; a name without one ("Pharmacy") as counter and the
 * counter's number in the system, since there is no clip for a free name.
 */
export function destination(counterName, counterId) {
  const name = String(counterName ?? '');
  const digits = name.match(/\d+/);
  const number = digits ? Number.parseInt(digits[0], 10) : counterId;
  if (!Number.isFinite(number)) return null;
  return { kind: /\b(room)\b|कमरा/i.test(name) ? 'room' : 'counter', number };
}

/**
 * One call as the two clip lists, English then Hindi:
 * "Token number M E D 63, please go to room 1" / "टोकन नंबर एम ई डी 63, कृपया कमरा 1 पर जाएँ".
 */
export function callClips({ number, counterName, counterId }) {
  const token = tokenClips(number);
  const where = destination(counterName, counterId);
  const en = ['token-number', ...token];
  const hi = ['token-number', ...token];
  if (where) {
    en.push('please-go-to', where.kind, ...numberClips(where.number));
    hi.push('please', where.kind, ...numberClips(where.number), 'go');
  }
  return { en: en.map((c) => `${CLIPS}/en/${c}.opus`), hi: hi.map((c) => `${CLIPS}/hi/${c}.opus`) };
}
