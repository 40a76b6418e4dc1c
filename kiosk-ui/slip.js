import { localName, secondLanguage, tIn } from './i18n.js';

// What goes on the paper slip, as plain data, so it can be tested without a browser and printed by print.js.
// Labels carry two languages: the patient's, and the one the staff read.

const ISSUED_AT_FORMAT = { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function statusUrl(origin, code) {
  return `${origin}/t/${encodeURIComponent(code)}`;
}

export function formatIssuedAt(instant, timeZone) {
  const date = instant ? new Date(instant) : new Date();
  return new Intl.DateTimeFormat('en-IN', { ...ISSUED_AT_FORMAT, timeZone }).format(date);
}

const distinct = (texts) => [...new Set(texts.filter(Boolean))];

export function slipModel({ token, service, category, hospitalName, lang, origin, timeZone }) {
  const langs = [lang, secondLanguage(lang)];
  const both = (key, params) => distinct(langs.map((l) => tIn(l, key, params)));
  const minutes = token.estimatedWaitMinutes ?? 0;
  // Offline the kiosk cannot know the queue, and the token has no status page until it is merged.
  const offline = token.offline === true;
  return {
    hospitalName: hospitalName ?? '',
    title: both('slip.title'),
    number: token.number,
    service: distinct(langs.map((l) => localName(token.serviceName ?? service?.name, l))),
    room: service?.roomHint ?? '',
    ahead: { label: both('slip.ahead'), value: offline ? '—' : String(token.peopleAhead ?? 0) },
    wait: {
      label: both('slip.wait'),
      value: offline ? both('slip.offlineWait') : minutes > 0 ? tIn(lang, 'slip.minutes', { minutes }) : tIn(lang, 'slip.soon'),
    },
    category: {
      label: both('slip.category'),
      value: category ? distinct(langs.map((l) => localName(category.name, l))) : [token.priority],
      priority: category?.priority === true,
    },
    issuedAt: formatIssuedAt(token.issuedAt, timeZone),
    statusUrl: offline ? null : statusUrl(origin, token.code),
    scan: both('slip.scan'),
    keep: both('slip.keep'),
    // A token the server has not seen yet: marked so on paper, in both languages.
    offline,
    offlineMark: both('slip.offline').join(' / '),
  };
}
