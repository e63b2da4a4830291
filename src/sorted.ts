/**
 * Search in ascending lists (line starts, offset-map segments, error offsets): one binary search
 * instead of one written out per caller.
 */

/** The last index `i` in [0, length) with `keyAt(i) <= x`, the keys ascending; -1 when there is none. */
export function lastAtMost(length: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
