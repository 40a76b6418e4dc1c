// What the board's own URL and local storage ask for.

export const MUTED_KEY = 'opd-board-muted';

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
