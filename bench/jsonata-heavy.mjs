#!/usr/bin/env node
/**
 * The worst case of lint()'s JSON size limit: a JSONata-heavy definition of a given size (every
 * state carries several distinct {% %} expressions, so no parse is shared), linted once in a
 * fresh process. Prints the size, the states, lint() time and the process's peak RSS.
 *
 *   node bench/jsonata-heavy.mjs 4          # 4 MiB (needs `npm run build`)
 *   node bench/jsonata-heavy.mjs 10 --validate
 *
 * Used to choose lint()'s default maxLength for JSON (src/parse/index.ts DEFAULT_MAX_LENGTH).
 */
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const mib = Number(process.argv[2] ?? 4);
const useValidate = process.argv.includes('--validate');

/** A chain of Pass and Choice states in JSONata, `bytes` long at least (JSON.stringify, no blanks). */
export function jsonataHeavy(bytes) {
  const states = {};
  let n = 0;
  let size = 60;
  while (size < bytes) {
    const name = `S${n}`;
    const next = `S${n + 1}`;
    const s =
      n % 10 === 9
        ? { Type: 'Choice', Choices: [{ Condition: `{% $states.input.count > ${n} and $exists($v${n - 1}) %}`, Next: next }], Default: next }
        : {
            Type: 'Pass',
            Assign: { [`v${n}`]: `{% $states.input.items[price > ${n}].name %}` },
            Output: { total: `{% $sum($states.input.items.price) + ${n} %}`, label: `{% $uppercase($states.input.name) & '-${n}' %}` },
            Next: next,
          };
    states[name] = s;
    size += name.length + 4 + JSON.stringify(s).length;
    n++;
  }
  states[`S${n}`] = { Type: 'Succeed' };
  return { text: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S0', States: states }), states: n + 1 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { text, states } = jsonataHeavy(mib * 1_048_576);
  const api = await import(join(ROOT, 'dist', 'src', 'index.js'));
  const t0 = performance.now();
  const r = useValidate ? api.validate(text) : api.lint(text);
  const ms = performance.now() - t0;
  const diagnostics = r.diagnostics.length;
  const codes = [...new Set(r.diagnostics.map((d) => d.code))].join(',');
  console.log(
    `${(text.length / 1_048_576).toFixed(2)} MiB, ${states.toLocaleString('en-US')} states: ${useValidate ? 'validate' : 'lint'}() ${(ms / 1000).toFixed(1)} s, ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, ${diagnostics} diagnostics${codes ? ` (${codes})` : ''}`,
  );
}
