/** A timer that does not keep a Node process alive (no-op `unref` elsewhere). */
export function unrefTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  const t = setTimeout(fn, ms);
  (t as { unref?: () => void }).unref?.();
  return t;
}
