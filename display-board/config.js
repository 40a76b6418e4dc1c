// What the board's own URL and local storage ask for.

export const MUTED_KEY = 'opd-board-muted';
export const DEVICE_KEY = 'opd-board-device';

/**
 * The board id from `?board=ID`, else from the last path segment (`/board/3`), else null (use the first
 * board). The page is also served as /board/ and /board/index.html, so only a number counts as an id.
 */
export function boardIdFrom(url) {
  const fromQuery = url.searchParams.get('board');
  if (fromQuery) return fromQuery;
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  return /^\d+$/.test(last) ? last : null;
}

/** `?muted=1` mutes this page; otherwise the choice last made with the mute toggle on this TV. */
export function initiallyMuted(url, storage) {
  const fromQuery = url.searchParams.get('muted');
  if (fromQuery !== null) return fromQuery === '1' || fromQuery === 'true';
  return storage?.getItem(MUTED_KEY) === '1';
}

/**
 * The board PC's key: from `?device=<key>` the first time (kept in this PC's storage, so the address on the TV
 * can drop it), else the one kept. Null when the PC was never given one (the demo needs none).
 */
export function deviceKeyFrom(url, storage) {
  const fromQuery = url.searchParams.get('device');
  if (fromQuery) {
    storage?.setItem(DEVICE_KEY, fromQuery);
    return fromQuery;
  }
  return storage?.getItem(DEVICE_KEY) ?? null;
}

/** The board's own address without the key, for the address bar and for anyone reading over the PC's shoulder. */
export function withoutDeviceKey(url) {
  const clean = new URL(url);
  clean.searchParams.delete('device');
  return clean.toString();
}
