/** Plain-text tables for the terminal: first column left-aligned, the rest right-aligned. */

export function table(header, rows, { indent = '  ' } = {}) {
  const all = [header, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => visible(r[i] ?? '').length)));
  const line = (r) =>
    indent +
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(all[0]), indent + widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of all.slice(1)) out.push(line(r));
  return out.join('\n');
}

const visible = (s) => s;

/** Milliseconds with as many decimals as the magnitude deserves. */
export function ms(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** A ratio like "6.2x". */
export const times = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x` : 'n/a');

/** µs from ms. */
export const us = (x) => (Number.isFinite(x) ? (x * 1000 >= 100 ? (x * 1000).toFixed(0) : (x * 1000).toFixed(1)) : 'n/a');

export const kb = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

export const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : 'n/a');
