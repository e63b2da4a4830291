/** "Did you mean": the closest candidate by edit distance, when it is close enough to be a typo. */

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.
 * With `max`, any distance above it comes back as `max + 1`, computed in a band of cells around
 * the diagonal: linear in the length, where the full table is quadratic (a 60,000-character name
 * against each state name).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const al = a.length;
  const bl = b.length;
  if (Math.abs(al - bl) > max) return max + 1;
  if (al === 0) return bl;
  if (bl === 0) return al;
  const band = Math.min(Math.max(al, bl), max);
  const far = al + bl + 1; // larger than any distance: cells outside the band
  // Three rows, reused across calls: did-you-mean compares one name with every state's.
  if (rows[0].length < bl + 1) rows = [0, 1, 2].map(() => new Int32Array(2 * (bl + 1)));
  let [prev2, prev, cur] = rows;
  prev2.fill(far, 0, bl + 1);
  prev.fill(far, 0, bl + 1);
  cur.fill(far, 0, bl + 1);
  for (let j = 0; j <= Math.min(bl, band); j++) prev[j] = j;
  for (let i = 1; i <= al; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(bl, i + band);
    cur[lo - 1] = lo === 1 ? i : far;
    if (hi < bl) cur[hi + 1] = far;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A row's minimum is at most one above the previous row's: once one is past max + 1, the
    // two before it were past max, and no later row (a swap reaches back two) comes under it.
    if (rowMin > max + 1) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[bl], max + 1);
}

/** Per character of the pattern, the bits of the positions that hold it. */
const positions = new Int32Array(65536);

/**
 * The same distance for a pattern of 1 to 31 characters against a text, a machine word per text
 * character (Hyyrö's bit-vector algorithm with transpositions). `positions` must hold the
 * pattern's bits: did-you-mean compares one missing name with every state of its scope.
 */
function patternDistance(m: number, text: string): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let d0prev = 0;
  let eqPrev = 0;
  for (let j = 0; j < text.length; j++) {
    const eq = positions[text.charCodeAt(j)];
    const tr = ((~d0prev & eq) << 1) & eqPrev;
    const d0 = (((eq & pv) + pv) ^ pv) | eq | mv | tr;
    let hp = mv | ~(d0 | pv);
    let hm = pv & d0;
    if (hp & last) score++;
    else if (hm & last) score--;
    hp = (hp << 1) | 1;
    hm <<= 1;
    pv = hm | ~(d0 | hp);
    mv = hp & d0;
    d0prev = d0;
    eqPrev = eq;
  }
  return score;
}

function setPositions(pattern: string, on: boolean): void {
  for (let i = 0; i < pattern.length; i++) positions[pattern.charCodeAt(i)] = on ? positions[pattern.charCodeAt(i)] | (1 << i) : 0;
}

/** The single best candidate within a typo's distance, or undefined when none or a tie. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const short = lower.length > 0 && lower.length <= 31;
  if (short) setPositions(lower, true);
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  try {
    for (const c of candidates) {
      if (c === word) continue;
      // Past the best so far, the exact distance does not matter: the bound cuts the work short
      // (lengths that far apart are that far apart; lower-casing keeps the length of names).
      const max = Math.min(limit, Math.floor(bestD));
      if (Math.abs(c.length - word.length) > max) continue;
      const cl = c.toLowerCase();
      // Case-only differences count as the closest of all.
      const d = cl === lower ? 0.5 : short ? patternDistance(lower.length, cl) : editDistance(lower, cl, max);
      if (d < bestD) {
        best = c;
        bestD = d;
        tie = false;
      } else if (d === bestD) tie = true;
    }
  } finally {
    if (short) setPositions(lower, false);
  }
  return best !== undefined && bestD <= limit && !tie ? best : undefined;
}
