import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newRequestId } from '../ids.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('request ids are version 4 UUIDs, also where randomUUID is missing (plain http on the hospital LAN)', () => {
  const insecure = { getRandomValues: (bytes) => globalThis.crypto.getRandomValues(bytes) };
  const ids = new Set(Array.from({ length: 50 }, () => newRequestId(insecure)));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.match(id, V4);
  assert.match(newRequestId(), V4);
  assert.equal(newRequestId({ randomUUID: () => 'from-the-browser' }), 'from-the-browser');
});
