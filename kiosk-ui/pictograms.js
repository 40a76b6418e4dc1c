import { h } from '../shared/dom.js';

// Department pictures (pictograms/*.svg), chosen for each department on /admin/services. Drawn as a mask filled
// with the tile's text colour, so they keep its contrast; decorative, as every tile also says in words what it is.

/** The names the server accepts (ServicePoint.PICTOGRAMS), each with its file. */
export const PICTOGRAMS = Object.freeze({
  GENERAL_MEDICINE: 'general-medicine',
  ORTHOPAEDICS: 'orthopaedics',
  EYE: 'eye',
  ENT: 'ent',
  DENTAL: 'dental',
  PAEDIATRICS: 'paediatrics',
  GYNAECOLOGY: 'gynaecology',
  SKIN: 'skin',
  CARDIOLOGY: 'cardiology',
  LAB: 'lab',
  XRAY: 'xray',
  PHARMACY: 'pharmacy',
  PHYSIOTHERAPY: 'physiotherapy',
  PSYCHIATRY: 'psychiatry',
  SURGERY: 'surgery',
  GENERAL: 'general',
});

/** The file of the service's picture, relative to the kiosk, or null when it has none the kiosk knows. */
export function pictogramFile(service) {
  const name = service?.pictogram;
  return typeof name === 'string' && Object.hasOwn(PICTOGRAMS, name) ? `pictograms/${PICTOGRAMS[name]}.svg` : null;
}

export function pictogram(service) {
  const file = pictogramFile(service);
  if (!file) return null;
  const el = h('span', { class: 'pictogram', 'aria-hidden': 'true', 'data-pictogram': service.pictogram });
  // Set through the CSSOM (allowed by the page's style-src 'self'), and resolved against the kiosk's address.
  const url = `url("${new URL(file, document.baseURI).href}")`;
  el.style.setProperty('-webkit-mask-image', url);
  el.style.setProperty('mask-image', url);
  return el;
}
