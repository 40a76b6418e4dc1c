import * as api from './api.js';
import { createReserve, currentDay } from './numbers.js';
import { createOutbox } from './outbox.js';
import { openStore } from './store.js';
import { createSync } from './sync.js';

// Wires the offline parts together for the running kiosk: device key, reserve, outbox, sync loop.
// A kiosk without a device key (never enrolled) works online only and gets none of this.

const KEY = 'deviceKey';
const STATUS = 'status';

/** `/kiosk/?device=<key>` once: the key is kept in IndexedDB and taken out of the address bar. */
export async function takeDeviceKey(store, loc = globalThis.location, hist = globalThis.history) {
  const params = new URLSearchParams(loc?.search ?? '');
  const fromUrl = params.get('device');
  if (fromUrl) {
    await store.put('settings', fromUrl, KEY);
    params.delete('device');
    const query = params.toString();
    hist?.replaceState(hist.state, '', `${loc.pathname}${query ? `?${query}` : ''}${loc.hash ?? ''}`);
    return fromUrl;
  }
  return (await store.get('settings', KEY)) ?? null;
}

export async function startOffline({ target, onChange }) {
  let store;
  try {
    store = await openStore();
  } catch (error) {
    console.warn('IndexedDB unavailable: this kiosk works online only', error);
    return null;
  }
  const key = await takeDeviceKey(store);
  if (!key) return null;

  // The server's business day, time zone and day start, as last heard: offline, numbers are only taken for the
  // business day they give.
  const known = (await store.get('settings', STATUS)) ?? {};
  const reserve = createReserve({
    store,
    target,
    day: () => currentDay(known),
    reserveFn: (serviceCode, count) => api.reserveNumbers(key, serviceCode, count, { timeoutMs: 5000 }),
  });
  const outbox = createOutbox(store);

  async function noteStatus(status) {
    if (!status?.businessDay) return;
    if (status.businessDay === known.businessDay && status.timeZone === known.timeZone
      && status.dayStartsAt === known.dayStartsAt) return;
    Object.assign(known, { businessDay: status.businessDay, timeZone: status.timeZone, dayStartsAt: status.dayStartsAt });
    await store.put('settings', { ...known }, STATUS);
  }

  const sync = createSync({
    outbox,
    postSync: (batch) => api.syncTokens(key, batch),
    getStatus: api.getStatus,
    onChange,
    onStatus: (status) => noteStatus(status).catch((error) => console.warn('status not saved', error)),
  });
  sync.start();

  let toppingUp = null;
  return {
    deviceCode: api.deviceCode(key),
    /** Online issuing with this kiosk's key. */
    postToken: (request, options) => api.postToken(request, options, key),
    /** Appointment check-in, which only an enrolled kiosk may offer (the server answers its key only). */
    appointments: {
      find: (query) => api.findAppointments(key, query),
      checkIn: (choice) => api.checkInAppointment(key, choice),
    },
    reserve,
    outbox,
    sync,
    noteStatus,

    /** For createIssuer({ offline }). */
    issuing: {
      isOnline: () => sync.isOnline(),
      take: (serviceCode) => reserve.take(serviceCode),
      async record(entry) {
        await outbox.add(entry);
        await sync.changed();
      },
      wentOffline: () => sync.wentOffline(),
    },

    /** While online: keep enough numbers for every department on the kiosk. One top-up at a time. */
    topUp(serviceCodes) {
      if (!sync.isOnline()) return Promise.resolve(0);
      if (!toppingUp) toppingUp = reserve.topUp(serviceCodes).finally(() => { toppingUp = null; });
      return toppingUp;
    },
  };
}
