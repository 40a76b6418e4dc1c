// Settings an installer can put in the kiosk's start URL, e.g. /kiosk/?lang=hi&idle=45 — no rebuild, no server config.
const params = new URLSearchParams(globalThis.location?.search ?? '');

function seconds(name, fallback) {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const config = Object.freeze({
  language: params.get('lang') ?? 'en',
  // The time printed on the slip; defaults to the kiosk PC's own zone.
  timeZone: params.get('tz') ?? undefined,
  // Spoken prompts on this kiosk: 'on' or 'off' overrides the hospital's setting; absent, the setting decides.
  audio: params.get('audio'),
  // The details screen (mobile, ABHA, UHID) on this kiosk: 'on' or 'off' overrides the hospital's setting.
  details: params.get('details'),
  idleSeconds: seconds('idle', 30),
  idleWarnSeconds: 10,
  doneSeconds: seconds('done', 10),
  catalogueRefreshSeconds: 60,
  // Offline numbers kept per department (topped up when fewer than 10 remain); small for tests.
  reserveTarget: Math.min(200, Math.round(seconds('reserve', 30))),
});
