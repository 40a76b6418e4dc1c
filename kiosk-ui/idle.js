// Sends the kiosk back to its start screen when a patient walks away half-way, so the next person does not
// inherit their choices or their phone number. The last seconds are shown, so a slow reader can stay.
export function createIdleTimer({ onTick, onTimeout, now = () => Date.now(), every = globalThis.setInterval, cancel = globalThis.clearInterval }) {
  let armed = null;
  let deadline = 0;
  let timer = null;

  function stop() {
    if (timer !== null) cancel(timer);
    timer = null;
    armed = null;
  }

  function tick() {
    const left = Math.ceil((deadline - now()) / 1000);
    if (left <= 0) {
      stop();
      onTick(null);
      onTimeout();
    } else {
      onTick(left <= armed.warnSeconds ? left : null);
    }
  }

  return {
    /** Start counting `seconds` from now; `warnSeconds` is when onTick starts getting a number instead of null. */
    arm({ seconds, warnSeconds, resetOnTouch = true }) {
      stop();
      armed = { seconds, warnSeconds, resetOnTouch };
      deadline = now() + seconds * 1000;
      timer = every(tick, 250);
      tick();
    },

    /** The patient did something: start the full wait again (unless this screen counts down regardless). */
    touch() {
      if (!armed?.resetOnTouch) return;
      deadline = now() + armed.seconds * 1000;
      tick();
    },

    stop() {
      stop();
      onTick(null);
    },
  };
}
