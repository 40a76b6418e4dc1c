import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockRecord, businessDayAt, createReserve, currentDay, formatNumber, secondsOfDay, topUpCount } from '../numbers.js';
import { memoryStore } from '../store.js';

const grant = (from, to, businessDay = '2026-11-22') => ({ serviceCode: 'MED', prefix: 'MED', series: 'K', businessDay, from, to });

function reserveWith({ day = '2026-11-22', target = 30 } = {}) {
  const store = memoryStore();
  const asked = [];
  let last = 0;
  const state = { day };
  const reserve = createReserve({
    store,
    target,
    day: () => state.day,
    reserveFn: async (serviceCode, count) => {
      asked.push([serviceCode, count]);
      const block = { ...grant(last + 1, last + count, state.day), serviceCode, prefix: serviceCode };
      last += count;
      return block;
    },
  });
  return { store, reserve, asked, state };
}

test('numbers are three digits in the kiosk series, like MED-K007', () => {
  assert.equal(formatNumber(grant(1, 10), 7), 'MED-K007');
  assert.equal(formatNumber(grant(1, 200), 123), 'MED-K123');
});

test('numbers come from the blocks in order, across blocks, and never past the last one', async () => {
  const { store, reserve } = reserveWith();
  await store.put('reserve', blockRecord(grant(4, 5)));
  await store.put('reserve', blockRecord(grant(1, 2)));
  const taken = [];
  for (let i = 0; i < 5; i += 1) taken.push((await reserve.take('MED'))?.number ?? null);
  assert.deepEqual(taken, ['MED-K001', 'MED-K002', 'MED-K004', 'MED-K005', null]);
  assert.equal(await reserve.remaining('MED'), 0);
  assert.equal(await reserve.take('OTHER'), null, 'no block for the service: no number');
});

test('a taken number is saved before it is handed out, so a restart never gives it again', async () => {
  const { store, reserve } = reserveWith();
  await store.put('reserve', blockRecord(grant(1, 3)));
  await reserve.take('MED');
  const again = createReserve({ store, day: () => '2026-11-22', reserveFn: async () => { throw new Error('offline'); } });
  assert.equal((await again.take('MED')).number, 'MED-K002');
});

test('blocks of another business day are never used, and are discarded on the next top-up', async () => {
  const { store, reserve, state } = reserveWith({ target: 5 });
  await store.put('reserve', blockRecord(grant(1, 30, '2026-11-21')));
  assert.equal(await reserve.take('MED'), null);
  await reserve.topUp(['MED']);
  assert.deepEqual((await store.getAll('reserve')).map((b) => b.businessDay), ['2026-11-22']);
  state.day = '2026-11-23';
  assert.equal(await reserve.take('MED'), null, 'yesterday\'s numbers are not today\'s');
});

test('top-up asks only when fewer than 10 are left, and only for what brings it back to the target', async () => {
  assert.equal(topUpCount(0), 30);
  assert.equal(topUpCount(9), 21);
  assert.equal(topUpCount(10), 0);
  assert.equal(topUpCount(1, { target: 2 }), 1);
  const { reserve, asked } = reserveWith();
  await reserve.topUp(['MED', 'ENT']);
  await reserve.topUp(['MED', 'ENT']);
  assert.deepEqual(asked, [['MED', 30], ['ENT', 30]]);
  for (let i = 0; i < 21; i += 1) await reserve.take('MED');
  await reserve.topUp(['MED', 'ENT']);
  assert.deepEqual(asked.at(-1), ['MED', 21]);
  assert.equal(await reserve.remaining('MED'), 30);
});

test('a department the server refuses does not stop the others', async () => {
  const store = memoryStore();
  const reserve = createReserve({
    store,
    day: () => '2026-11-22',
    reserveFn: async (code, count) => {
      if (code === 'SHUT') throw new Error('404');
      return { ...grant(1, count), serviceCode: code, prefix: code };
    },
  });
  const warn = console.warn;
  console.warn = () => {};
  try {
    await reserve.topUp(['SHUT', 'MED']);
  } finally {
    console.warn = warn;
  }
  assert.equal(await reserve.remaining('MED'), 30);
});

test('the day to issue for is the server\'s, unless the hospital calendar has moved past it', () => {
  const noon = new Date('2026-11-22T06:30:00Z');
  assert.equal(currentDay({ businessDay: '2026-11-22', timeZone: 'Asia/Kolkata' }, noon), '2026-11-22');
  assert.equal(currentDay({ businessDay: '2026-11-21', timeZone: 'Asia/Kolkata' }, noon), '2026-11-22');
  assert.equal(currentDay({ businessDay: '2026-11-22', timeZone: 'Asia/Kolkata' }, new Date('2026-11-21T20:00:00Z')), '2026-11-22');
  assert.equal(currentDay({}, noon), null, 'never heard from the server: no day, no numbers');
});

// The server's day (HospitalClock.businessDayOf) when the hospital's day starts at noon, in Asia/Kolkata (UTC+05:30).
const noonDay = { timeZone: 'Asia/Kolkata', dayStartsAt: '12:00' };
const ist = (local) => new Date(`${local}+05:30`);

test('with a day that starts at noon the night and the morning still belong to yesterday\'s business day', () => {
  assert.equal(businessDayAt(ist('2026-11-30T11:59:59'), noonDay), '2026-11-29', 'just before the day starts');
  assert.equal(businessDayAt(ist('2026-11-30T12:00:00'), noonDay), '2026-11-30', 'as it starts');
  assert.equal(businessDayAt(ist('2026-11-30T23:59:00'), noonDay), '2026-11-30', 'before midnight');
  assert.equal(businessDayAt(ist('2026-12-01T00:01:00'), noonDay), '2026-11-30', 'across midnight: the same day');
  assert.equal(businessDayAt(ist('2026-12-01T03:55:00'), noonDay), '2026-11-30');
});

test('an offline kiosk keeps the server\'s business day across midnight until the day really starts', () => {
  const known = { businessDay: '2026-11-30', ...noonDay };
  assert.equal(currentDay(known, ist('2026-12-01T00:30:00')), '2026-11-30', 'its reserve of the 30th is still good');
  assert.equal(currentDay(known, ist('2026-12-01T11:59:00')), '2026-11-30');
  assert.equal(currentDay(known, ist('2026-12-01T12:00:00')), '2026-12-01', 'then the 30th\'s numbers are stale');
  assert.equal(currentDay(known, ist('2026-12-02T13:00:00')), '2026-12-02', 'two days offline');
  assert.equal(currentDay({ businessDay: '2026-12-01', ...noonDay }, ist('2026-12-01T11:00:00')), '2026-12-01',
    'a kiosk clock behind the server keeps the server\'s day');
});

test('a day that starts at 05:30 rolls over at 05:30 in the hospital, whatever the kiosk PC\'s own zone', () => {
  const early = { businessDay: '2026-11-30', timeZone: 'Asia/Kolkata', dayStartsAt: '05:30:00' };
  assert.equal(currentDay(early, ist('2026-12-01T05:29:59')), '2026-11-30');
  assert.equal(currentDay(early, ist('2026-12-01T05:30:00')), '2026-12-01');
  // the same instant is still the afternoon of the 30th in New York
  const newYork = { businessDay: '2026-11-30', timeZone: 'America/New_York', dayStartsAt: '05:30' };
  assert.equal(currentDay(newYork, ist('2026-12-01T05:30:00')), '2026-11-30');
});

test('the day start is taken on the instant line, as java.time does across a clock change', () => {
  // London goes from 01:00 GMT to 02:00 BST on 2026-03-29: at 02:30 BST only 30 minutes of the day have passed
  // since midnight, so a day starting at 02:00 has not started (ZonedDateTime.minusSeconds(7200) is 23:30 GMT).
  assert.equal(businessDayAt(new Date('2026-03-29T01:30:00Z'), { timeZone: 'Europe/London', dayStartsAt: '02:00' }), '2026-03-28');
});

test('a kiosk that heard no day start (an older server, or a status kept before it said one) counts from midnight', () => {
  assert.equal(currentDay({ businessDay: '2026-11-30', timeZone: 'Asia/Kolkata' }, ist('2026-12-01T00:30:00')), '2026-12-01');
  assert.equal(secondsOfDay(undefined), 0);
  assert.equal(secondsOfDay('nonsense'), 0);
  assert.equal(secondsOfDay('25:00'), 0);
  assert.equal(secondsOfDay('12:00'), 43200);
  assert.equal(secondsOfDay('05:30:15'), 19815);
});

test('offline at 03:00 with a noon day, the reserve of the server\'s day is used, not thrown away', async () => {
  const store = memoryStore();
  const known = { businessDay: '2026-11-30', ...noonDay };
  const now = ist('2026-12-01T03:00:00');
  await store.put('reserve', blockRecord(grant(1, 5, '2026-11-30')));
  const reserve = createReserve({ store, day: () => currentDay(known, now), reserveFn: async () => { throw new Error('offline'); } });
  assert.equal(await reserve.discardStale(), 0);
  assert.equal((await reserve.take('MED')).number, 'MED-K001');
});
