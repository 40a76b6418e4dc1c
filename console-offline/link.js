import * as api from './api.js';
import { createOutbox, rememberCounter, rememberCounters } from './outbox.js';
import { replay } from './replay.js';
import { openStore } from './store.js';

// What the online console (/pages/console.js) does for the offline one: remembers its counter, installs the
// service worker that keeps the offline page, and sends whatever the offline page left queued.

export const OFFLINE_PAGE = '/console-offline/';

let opened = null;
const store = () => {
  opened ??= openStore();
  return opened;
};

export async function prepareOffline(counter) {
  await rememberCounter(await store(), counter);
  if ('serviceWorker' in navigator) {
    await navigator.serviceWorker.register(`${OFFLINE_PAGE}sw.js`, { scope: OFFLINE_PAGE, updateViaCache: 'none' });
  }
}

/**
 * From the counter chooser: keeps every counter and installs the offline page, so a PC that has not opened a
 * counter yet can still choose one offline and go on calling by number.
 */
export async function prepareOfflineChoices(counters) {
  await rememberCounters(await store(), counters);
  if ('serviceWorker' in navigator) {
    await navigator.serviceWorker.register(`${OFFLINE_PAGE}sw.js`, { scope: OFFLINE_PAGE, updateViaCache: 'none' });
  }
}

/** True when the offline page is in the cache, so going there works without the server. */
export async function offlineReady() {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration(OFFLINE_PAGE);
  return Boolean(registration?.active);
}

/** Sends what the offline console queued. Null when there was nothing, else the replay's totals. */
export async function sendLeftovers() {
  const outbox = createOutbox(await store());
  if ((await outbox.size()) === 0) return null;
  return replay({ outbox, postActions: api.postActions, callByNumber: api.callByNumber });
}
