// Long work in short slices, so that a big page never freezes: no main-thread task runs much
// longer than SLICE_MS before the page gets a turn (the bar is 50 ms).

const SLICE_MS = 8;

/** Gives the page a turn: `scheduler.yield()` where there is one, else a zero timeout. */
export function yieldToPage(win) {
  const { scheduler } = win;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** A clock for one slice: `due()` is true once the slice has run its time. */
export function sliceClock() {
  let start = performance.now();
  return {
    due: () => performance.now() - start > SLICE_MS,
    restart: () => {
      start = performance.now();
    },
  };
}

/**
 * Calls `step(i)` for i in [0, n), yielding whenever a slice has run its time. Stops early,
 * resolving to false, when `alive()` turns false after a yield.
 */
export async function eachInSlices(win, n, step, alive) {
  const clock = sliceClock();
  for (let i = 0; i < n; i++) {
    if (clock.due()) {
      await yieldToPage(win);
      if (!alive()) return false;
      clock.restart();
    }
    step(i);
  }
  return true;
}
