import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockRecord, createReserve, currentDay, formatNumber, topUpCount } from '../numbers.js';
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
