/** Largest delay a JS timer honours; a longer one overflows and fires after 1 ms. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * A timer that does not keep a Node process alive (no-op `unref` elsewhere). Delays beyond the
 * timer range are clamped, so a far-off deadline (e.g. a JWT valid for years) fires late, not at once.
 */
export function unrefTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  const t = setTimeout(fn, Math.min(ms, MAX_TIMER_DELAY_MS));
  (t as { unref?: () => void }).unref?.();
  return t;
}
