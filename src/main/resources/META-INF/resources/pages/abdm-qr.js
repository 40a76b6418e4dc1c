// The Scan & Share admin page: draws each counter's QR code (ABDM's share link with the HIP id and the service code
// as counter-id) as SVG, sharp on screen and on paper, then lets the admin print them.
import qrcode from '/shared/vendor/qrcode-generator/qrcode.js';

function drawQr(box) {
  const qr = qrcode(0, 'M');
  qr.addData(box.dataset.qr);
  qr.make();
  const cell = Number(box.dataset.cell || 6);
  box.innerHTML = qr.createSvgTag({ cellSize: cell, margin: cell * 4 });
}

document.querySelectorAll('[data-qr]').forEach(drawQr);
const print = document.getElementById('print-qr');
print.addEventListener('click', () => window.print());
print.disabled = false;
document.body.dataset.ready = 'true';
