// The board's WebSocket: reconnects by itself and resumes from the seq the board names (state.js resumeFrom).

export const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 30_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from 0.5 s up to 30 s, each spread by
 * ±25 % so a thousand boards that lost the same server do not all knock again in the same instant.
 */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(Math.min(MAX_DELAY_MS, base * (0.75 + 0.5 * random())));
}

export function displaySocketUrl(loc, boardId, since) {
  const protocol = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  const params = [];
  if (since !== null && since !== undefined) params.push(`since=${encodeURIComponent(since)}`);
  // This page takes several events in one frame, and binary frames (see frameText, messagesIn); the server sends a
  // page without it one event per text frame.
  params.push('batch=1');
  return `${protocol}//${loc.host}/ws/display/${encodeURIComponent(boardId)}?${params.join('&')}`;
}

/** What the server answers as the chosen subprotocol (quarkus.websockets-next.server.supported-subprotocols). */
export const BOARD_PROTOCOL = 'opd-board';
export const KEY_PROTOCOL = 'opd-board-key.';

/**
 * The subprotocols the board offers: browsers cannot set headers on a WebSocket, but they send these in the
 * handshake's Sec-WebSocket-Protocol header, which access logs and proxies leave out, where a query string
 * (the way before) lands in every log. The key goes base64url-encoded so it is a valid protocol token whatever the
 * PC's code holds; the server picks `opd-board`, the only one it names back.
 */
export function boardProtocols(deviceKey) {
  if (!deviceKey) return [];
  let binary = '';
  for (const byte of new TextEncoder().encode(deviceKey)) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [BOARD_PROTOCOL, `${KEY_PROTOCOL}${encoded}`];
}

const utf8 = new TextDecoder();

/**
 * A frame's JSON: the server writes the events of a board's halls once and sends the same bytes, as UTF-8 in a
 * binary frame, to every board; snapshots and other messages come as text.
 */
export function frameText(data) {
  return typeof data === 'string' ? data : utf8.decode(data);
}

/**
 * The messages one frame carries, in order: a single message, or (when several events reached the server together,
 * e.g. ten rooms calling at once) an array of them. Every one is applied and every call announced.
 */
export function messagesIn(parsed) {
  return Array.isArray(parsed) ? parsed : [parsed];
}

/**
 * Opens the board's socket and keeps it open.
 * deviceKey is the board PC's key (null: none); resumeFrom() (a seq, or null) is asked at each (re)connect; onMessage gets each parsed message; onStatus(connected) on change.
 */
export function openDisplaySocket({ boardId, deviceKey = null, resumeFrom, onMessage, onStatus }) {
  let socket = null;
  let attempt = 0;
  let retryTimer = null;
  let connected = false;

  function setConnected(value) {
    if (connected === value) return;
    connected = value;
    onStatus(value);
  }

  function connect() {
    retryTimer = null;
    socket = new WebSocket(displaySocketUrl(location, boardId, resumeFrom()), boardProtocols(deviceKey));
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => setConnected(true);
    socket.onmessage = (event) => {
      // Back to the short delay only once the server really talks: one that accepts and drops at once
      // would otherwise be hammered every 0.5 s.
      attempt = 0;
      let message;
      try {
        message = JSON.parse(frameText(event.data));
      } catch {
        return;
      }
      for (const one of messagesIn(message)) onMessage(one);
    };
    socket.onclose = () => {
      socket = null;
      setConnected(false);
      retryTimer = setTimeout(connect, backoffDelay(attempt++));
    };
  }

  connect();

  return {
    connected: () => connected,
    /** Drops a socket that looks open but has gone silent, without waiting for a closing handshake. */
    reconnectNow() {
      clearTimeout(retryTimer);
      if (socket) {
        const silent = socket;
        silent.onclose = silent.onmessage = null;
        silent.close();
        setConnected(false);
      }
      connect();
    },
  };
}
