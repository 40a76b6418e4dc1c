// The words printed on a token slip, in each language the slip can be printed in. The kiosk and the counter
// console print the same slip (slip.js, slip-print.js), so the words live here, not in one app's messages.
export const SLIP_WORDS = Object.freeze({
  en: {
    title: 'OPD token',
    ahead: 'People ahead',
    wait: 'Estimated wait',
    minutes: '{minutes} min',
    soon: 'Very soon',
    category: 'Category',
    scan: 'Scan to see your place in the queue',
    keep: 'Keep this slip until you are seen',
    offline: 'OFFLINE',
    offlineWait: 'Watch the display board',
    appointment: 'Appointment at {time}',
    lateWalkIn: 'Appointment at {time}: came late, queued as a walk-in',
  },
  hi: {
    title: 'ओपीडी टोकन',
    ahead: 'आपसे आगे',
    wait: 'अनुमानित प्रतीक्षा',
    minutes: '{minutes} मिनट',
    soon: 'बहुत जल्द',
    category: 'श्रेणी',
    scan: 'कतार में अपनी जगह देखने के लिए स्कैन करें',
    keep: 'अपनी बारी आने तक यह पर्ची रखें',
    offline: 'ऑफ़लाइन',
    offlineWait: 'डिस्प्ले बोर्ड देखते रहें',
    appointment: '{time} बजे का अपॉइंटमेंट',
    lateWalkIn: '{time} बजे का अपॉइंटमेंट: देर से आए, सामान्य कतार में',
  },
});

/** The slip's word `key` in `lang` (English when the language has none), with `{name}` filled from params. */
export function slipWord(lang, key, params = {}) {
  const template = SLIP_WORDS[lang]?.[key] ?? SLIP_WORDS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
