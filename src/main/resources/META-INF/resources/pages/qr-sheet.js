// A printable sheet of QR codes (a paper token book's slips, the Scan & Share counter codes): draws each code as SVG,
// so it prints sharp at any printer resolution; each module is a whole number of CSS pixels (data-cell), so it is
// sharp on screen too. Then the page's print button ([data-print]) is enabled.
import qrcode from '/shared/vendor/qrcode-generator/qrcode.js';

function drawQr(box) {
  const qr = qrcode(0, 'M');
  qr.addData(box.dataset.qr);
  qr.make();
  const cell = Number(box.dataset.cell || 4);
  box.innerHTML = qr.createSvgTag({ cellSize: cell, margin: cell * 4 });
}

document.querySelectorAll('[data-qr]').forEach(drawQr);
const print = document.querySelector('[data-print]');
print.addEventListener('click', () => window.print());
print.disabled = false;
document.body.dataset.ready = 'true';
