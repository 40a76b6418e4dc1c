import qrcode from './vendor/qrcode-generator/qrcode.js';

// Error correction M survives a crease or a smudge on thermal paper and keeps a status URL at version 3–4,
// i.e. modules big enough for an old phone camera.
export function qrDataUrl(text, { cellSize = 6, margin = 4 } = {}) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(cellSize, margin);
}
