// Request ids for requests the server applies once (tokens, offline tokens, offline console actions).
// crypto.randomUUID exists only in secure contexts (https or localhost), but a kiosk or a counter PC on the hospital
// LAN may be served over plain http; getRandomValues works everywhere, so build a v4 UUID from it in that case.
export function newRequestId(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const b = cryptoImpl.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
