/**
 * Globs are compiled to regular expressions, which backtrack: each `*` in one path segment
 * multiplies the work by the name's length (`*a*a*a*a*a*b` took 12 s on a 100-character name).
 * Three per segment cover real patterns (`*.generated.*`) and stay fast.
 */
const MAX_STARS_PER_SEGMENT = 3;

/** Undefined for a glob within the limit; else a one-line reason naming it. */
export function globTooComplex(glob: string): string | undefined {
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.replace(/\*\*+/g, '*').split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) return `the glob '${glob}' has ${stars} '*' in one path segment; at most ${MAX_STARS_PER_SEGMENT} are allowed (each one multiplies the matching time)`;
  }
  return undefined;
}
