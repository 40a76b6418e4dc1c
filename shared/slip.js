import { slipWord } from './slip-words.js';

// What goes on the paper slip, as plain data, so it can be tested without a browser and printed by slip-print.js.
// Labels carry two languages: the patient's, and the one the staff read. The kiosk and the counter console's
// walk-in form both print it.

const secondLanguage = (lang) => (lang === 'en' ? 'hi' : 'en');
const localName = (names, lang) => (names ? names[lang] ?? names.en ?? Object.values(names)[0] ?? '' : '');

/** The service's "where" in `lang`: the Hindi one on a Hindi slip when the admin gave it, else the English one. */
export function roomHintIn(service, lang) {
  return (lang === 'hi' && service?.roomHintHi) || service?.roomHint || '';
}

const ISSUED_AT_FORMAT = { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function statusUrl(origin, code) {
  return `${origin}/t/${encodeURIComponent(code)}`;
}

export function formatIssuedAt(instant, timeZone) {
  const date = instant ? new Date(instant) : new Date();
  return new Intl.DateTimeFormat('en-IN', { ...ISSUED_AT_FORMAT, timeZone }).format(date);
}

const distinct = (texts) => [...new Set(texts.filter(Boolean))];

/** @param appointment for a check-in: { time, lateWalkIn }, printed so the patient (and staff) see which it was */
export function slipModel({ token, service, category, hospitalName, lang, origin, timeZone, appointment = null }) {
  const langs = [lang, secondLanguage(lang)];
  const both = (key, params) => distinct(langs.map((l) => slipWord(l, key, params)));
  const minutes = token.estimatedWaitMinutes ?? 0;
  // Offline the kiosk cannot know the queue, and the token has no status page until it is merged.
  const offline = token.offline === true;
  return {
    hospitalName: hospitalName ?? '',
    title: both('title'),
    number: token.number,
    service: distinct(langs.map((l) => localName(token.serviceName ?? service?.name, l))),
    // The patient's language first; the other one only when the admin gave a different text for it.
    room: distinct(langs.map((l) => roomHintIn(service, l))),
    ahead: { label: both('ahead'), value: offline ? '—' : String(token.peopleAhead ?? 0) },
    wait: {
      label: both('wait'),
      value: offline ? both('offlineWait') : minutes > 0 ? slipWord(lang, 'minutes', { minutes }) : slipWord(lang, 'soon'),
    },
    category: {
      label: both('category'),
      value: category ? distinct(langs.map((l) => localName(category.name, l))) : [token.priority],
      priority: category?.priority === true,
    },
    issuedAt: formatIssuedAt(token.issuedAt, timeZone),
    statusUrl: offline ? null : statusUrl(origin, token.code),
    scan: both('scan'),
    keep: both('keep'),
    // A token the server has not seen yet: marked so on paper, in both languages.
    offline,
    offlineMark: both('offline').join(' / '),
    appointment: appointment ? both(appointment.lateWalkIn ? 'lateWalkIn' : 'appointment', { time: appointment.time }) : null,
  };
}
