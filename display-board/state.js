// The board's state as a pure function of the messages it has received: reduce(state, message) -> state.
// No DOM, no clock, no I/O, so it runs under `node --test` as it does in the browser.

export const RECENT_CALLS_MAX = 10;
/**
 * How many applied seqs (above the snapshot's) a board remembers. The server sends events in commit order, which is
 * not always seq order: two counters calling at the same moment can commit seq 12 before seq 11. Remembering what
 * was applied tells such a late commit (apply it, announce it) from a repeat (ignore it).
 */
export const APPLIED_KEPT = 64;

/** The state before anything has arrived. */
export const EMPTY = Object.freeze({
  seq: null,
  floor: null,
  applied: [],
  pending: [],
  hospital: null,
  board: null,
  mode: 'NORMAL',
  modeSince: null,
  serverTime: null,
  counters: [],
  recentCalls: [],
  services: [],
});

const handlers = {
  called: applyCalled,
  started: (s, e) => updateCounter(s, e.counterId, (c) => ({ ...c, number: e.number, status: 'SERVING' })),
  cleared: applyCleared,
  waiting: (s, e) => updateService(s, e.serviceCode, e),
  counter: (s, e) => updateCounter(s, e.counterId, (c) => ({ ...c, state: e.state })),
  mode: (s, e) => ({ ...s, mode: e.mode, modeSince: e.since ?? s.modeSince }),
  ticker: (s, e) => ({ ...s, board: { ...s.board, ticker: e.text } }),
};

/**
 * Applies one message. Returns the same object when the message changes nothing (a duplicate), so a
 * caller can tell "applied" from "ignored" with ===.
 */
export function reduce(state, message) {
  if (!message || typeof message !== 'object') return state;
  // A snapshot is the server's whole truth, even one with a lower seq (e.g. after a server restore).
  if (message.type === 'snapshot') return fromSnapshot(message);
  const handler = handlers[message.type];
  // Messages the server sends without a seq (mode changes, calls relayed while its database is away) are not
  // in the journal: apply them, but they do not move the resume point.
  if (!Number.isFinite(message.seq)) return handler ? withCounts(handler(state, message), message) : state;
  if (!isNew(state, message.seq)) return state;
  // Unknown types still move seq on, so a resume does not ask for them again.
  const next = handler ? withCounts(handler(state, message), message) : state;
  // a pending one (at or below the floor) is struck off the pending list instead of joining the applied seqs
  const belowFloor = state.floor !== null && message.seq <= state.floor;
  return {
    ...next,
    ...(belowFloor ? { pending: state.pending.filter((p) => p !== message.seq) } : remembered(state, message.seq)),
    seq: Math.max(state.seq ?? message.seq, message.seq),
  };
}

/**
 * How far below the highest seq it applied a reconnecting board asks the server to start again: a call can take its
 * seq and commit after a later one, while the board was away (as far back as the server looks for open seqs).
 */
export const RESUME_BACK = 200;

/**
 * The seq a reconnecting board resumes from (null: none, a snapshot). Not the highest seq applied: a call numbered
 * below it may have committed while the board was away. The server sends every event after this point that concerns
 * the board, and the board applies only those it lacks: every seq it applied above its floor is remembered, and
 * below the floor only the snapshot's pending seqs are taken.
 */
export function resumeFrom(state) {
  if (state.seq === null) return null;
  return Math.min(Math.max(state.floor ?? state.seq, state.seq - RESUME_BACK), ...state.pending);
}

/**
 * Not in the snapshot (at or below its seq, unless the snapshot named it pending: not yet committed when it was
 * read) and not applied since: a first delivery, even if it commits late.
 */
function isNew(state, seq) {
  if (state.floor !== null && seq <= state.floor && !state.pending.includes(seq)) return false;
  return !state.applied.includes(seq);
}

/** The applied seqs with this one, the oldest beyond {@link APPLIED_KEPT} folded into the floor. */
function remembered(state, seq) {
  const applied = [...state.applied, seq].sort((a, b) => a - b);
  if (applied.length <= APPLIED_KEPT) return { floor: state.floor, applied };
  const dropped = applied.length - APPLIED_KEPT;
  return { floor: applied[dropped - 1], applied: applied.slice(dropped) };
}

/** Every event may carry the waiting counts it changed (a transfer changes two services). */
function withCounts(state, message) {
  if (!Array.isArray(message.counts)) return state;
  return message.counts.reduce((s, c) => updateService(s, c.code, c), state);
}

export function fromSnapshot(snapshot) {
  return {
    seq: snapshot.seq ?? null,
    floor: snapshot.seq ?? null,
    applied: [],
    pending: Array.isArray(snapshot.pending) ? snapshot.pending.filter(Number.isFinite) : [],
    hospital: snapshot.hospital ?? null,
    board: snapshot.board ?? null,
    mode: snapshot.mode ?? 'NORMAL',
    modeSince: snapshot.modeSince ?? null,
    serverTime: snapshot.serverTime ?? null,
    counters: (snapshot.counters ?? []).map((c) => ({ ...c })),
    recentCalls: (snapshot.recentCalls ?? []).slice(0, RECENT_CALLS_MAX),
    services: (snapshot.services ?? []).map((s) => ({ ...s })),
  };
}

function applyCalled(state, e) {
  // One token stands at one counter: a token called elsewhere leaves the tile it was on.
  const counters = state.counters.map((c) =>
    c.id !== e.counterId && c.number === e.number ? emptied(c) : c,
  );
  const withCounter = counters.some((c) => c.id === e.counterId)
    ? counters
    : [...counters, { id: e.counterId, name: e.counterName, state: 'OPEN' }].sort((a, b) => a.id - b.id);

  const called = (c) => ({
    ...c,
    name: e.counterName ?? c.name,
    nameHi: e.counterNameHi ?? c.nameHi,
    serviceCode: e.serviceCode ?? c.serviceCode,
    number: e.number,
    status: 'CALLED',
    calledAt: e.at ?? null,
  });
  const row = {
    seq: e.seq,
    number: e.number,
    counterId: e.counterId,
    counterName: e.counterName,
    counterNameHi: e.counterNameHi ?? state.counters.find((c) => c.id === e.counterId)?.nameHi,
    serviceCode: e.serviceCode,
    at: e.at ?? null,
  };
  // A recall (or a requeued token called again) moves its row to the top instead of adding a second one.
  const recentCalls = [row, ...state.recentCalls.filter((r) => r.number !== e.number)].slice(0, RECENT_CALLS_MAX);

  const next = { ...updateCounter({ ...state, counters: withCounter }, e.counterId, called), recentCalls };
  return 'waiting' in e ? updateService(next, e.serviceCode, e) : next;
}

function applyCleared(state, e) {
  // Only the token named: the counter may already have called the next one.
  return updateCounter(state, e.counterId, (c) => (c.number === e.number ? emptied(c) : c));
}

function emptied(counter) {
  return { ...counter, serviceCode: null, number: null, status: null, calledAt: null };
}

function updateCounter(state, counterId, change) {
  return { ...state, counters: state.counters.map((c) => (c.id === counterId ? change(c) : c)) };
}

function updateService(state, serviceCode, e) {
  const services = state.services.map((s) =>
    s.code === serviceCode
      ? {
          ...s,
          waiting: e.waiting ?? s.waiting,
          estimatedWaitMinutes: e.estimatedWaitMinutes !== undefined ? e.estimatedWaitMinutes : s.estimatedWaitMinutes,
        }
      : s,
  );
  return { ...state, services };
}
