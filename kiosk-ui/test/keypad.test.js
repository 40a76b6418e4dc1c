import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAR, DELETE, applyKey } from '../keypad.js';
import { qrDataUrl } from '../../shared/qr.js';

test('keys type, delete the last character, or clear', () => {
  assert.equal(applyKey('98', '7'), '987');
  assert.equal(applyKey('987', DELETE), '98');
  assert.equal(applyKey('', DELETE), '');
  assert.equal(applyKey('987', CLEAR), '');
});

test('the vendored QR encoder makes an image without any network', () => {
  assert.match(qrDataUrl('http://localhost/t/abc'), /^data:image\/gif;base64,[A-Za-z0-9+/=]{100,}$/);
});
