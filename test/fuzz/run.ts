/**
 * The seeded run: a base (a corpus file, a fixture or a rule example), mutated on its value
 * (1-4 structural mutations), written as JSON or YAML, sometimes mutated on its text, then checked
 * through validate(), lint() and lintFile(); or wrapped in a template and checked through lintFile().
 * One random stream per iteration: a failure replays from (seed, iteration) alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { allRules, type StateMachineType } from '../../src/index.js';
import { HAS_CORPUS, REAL_WORLD, prng, definitionFiles as files } from '../support.js';
import { DUMP, Gen, Rand, SEED, SMALL, clone, isObj, plain, toJson, type Val, type Obj } from './generators.js';
import { depthOf, get, mutate, mutateText, slots } from './mutations.js';
import { checkLint, checkSameFindings, checkValidate, samePlainValue, yamlReadsBack } from './invariants.js';
import { checkTemplate, templates, type TemplateCase } from './templates.js';

// ---------------------------------------------------------------------------------------------
// Inputs

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Parsed definitions (objects with States) of the corpus, the fixtures and every rule's examples. */
function loadBases(): { name: string; value: Val }[] {
  const out: { name: string; value: Val }[] = [];
  for (const rule of allRules) {
    for (const ex of [...rule.meta.examples.valid, ...rule.meta.examples.invalid]) {
      try {
        const value = (ex.format === 'yaml' ? yamlParse(ex.text, { logLevel: 'silent' }) : JSON.parse(ex.text)) as Val;
        if (isObj(value) && 'States' in value) out.push({ name: `example of ${rule.meta.id}`, value });
      } catch {
        // Examples of syntax errors are not bases.
      }
    }
  }
  for (const f of [...(HAS_CORPUS ? files(REAL_WORLD) : []), ...files(FIXTURES)]) {
    try {
      const text = readFileSync(f, 'utf8').replace(/^\ufeff/, '');
      const value = (/\.ya?ml$/i.test(f) ? yamlParse(text, { logLevel: 'silent' }) : JSON.parse(text)) as Val;
      if (isObj(value) && 'States' in value) out.push({ name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), value });
    } catch {
      // Fixtures that are broken on purpose are not bases.
    }
  }
  return out;
}

function stateNames(v: Val): string[] {
  return slots(v)
    .filter((s) => s.key === 'States' && isObj(get(s)))
    .flatMap((s) => Object.keys(get(s) as Obj));
}

// ---------------------------------------------------------------------------------------------
// The run

export interface Failure {
  iteration: number;
  base: string;
  steps: string[];
  problems: string[];
}

function dump(f: Failure, input: string, ext: string): void {
  if (!DUMP) return;
  mkdirSync(DUMP, { recursive: true });
  const stem = join(DUMP, `${SEED}-${f.iteration}`);
  writeFileSync(`${stem}.${ext}`, input);
  writeFileSync(`${stem}.txt`, [`base: ${f.base}`, `steps: ${f.steps.join('; ')}`, ...f.problems].join('\n'));
}

/**
 * What a run checks: 'structural' definitions (mutated on their value only; JSON and YAML of one
 * value compared too), 'text' definitions (also mutated on their text), or 'template's. The
 * structural and text runs draw the same iterations (each decides its kind from its own stream)
 * and each checks its share: together, the definitions one run of the original fuzz checked.
 */
export type RunKind = 'structural' | 'text' | 'template';

export interface RunResult {
  failures: Failure[];
  /** Iterations that were checked (the run's share; the others are left to the other kind). */
  checked: number;
  /** Iterations whose input could be built (the others end early: values nested past what can be written). */
  built: number;
}

export function run(kind: RunKind, iterations: number, seed: number): RunResult {
  const bases = loadBases();
  const failures: Failure[] = [];
  let checked = 0;
  let built = 0;
  for (let i = 0; i < iterations; i++) {
    // One stream per iteration: a failure replays from (seed, iteration) alone.
    const r = new Rand(prng(seed * 1_000_003 + i));
    const base = r.pick(bases);
    let value = clone(base.value);
    const g = new Gen(r, stateNames(value));
    const steps: string[] = [];
    const n = 1 + r.int(4);
    for (let k = 0; k < n; k++) {
      const m = mutate(value, g);
      value = m.root;
      steps.push(m.label);
    }
    const type: StateMachineType = r.chance(0.5) ? 'STANDARD' : 'EXPRESS';
    const problems: string[] = [];
    let json: string;
    try {
      json = toJson(value, r.pick(['', '  ', '    ', '\t']));
    } catch {
      continue; // Copies of deep values nested past what this file's own serializer can write.
    }
    let yaml: string;
    try {
      yaml = yamlStringify(plain(value), { aliasDuplicateObjects: false });
    } catch {
      yaml = json; // JSON is YAML too; the yaml package may refuse some values (very deep ones).
    }
    if (kind !== 'template') {
      built++;
      const format = r.chance(0.7) ? 'json' : 'yaml';
      let text = format === 'json' ? json : yaml;
      let textMutated = false;
      if (r.chance(0.35)) {
        for (let k = 1 + r.int(3); k > 0; k--) {
          const m = mutateText(text, g);
          text = m.text;
          steps.push(m.label);
        }
        textMutated = true;
      }
      if (textMutated !== (kind === 'text')) continue;
      checked++;
      if (!textMutated && value !== null && r.chance(0.3) && json.length < SMALL && samePlainValue(value) && depthOf(value) < 500 && yamlReadsBack(yaml, value)) {
        checkSameFindings(json, yaml, type, problems);
      }
      if (format === 'json') checkValidate(text, type, r, problems);
      checkLint(text, format, type, r, problems);
      if (problems.length) {
        const f = { iteration: i, base: base.name, steps, problems };
        failures.push(f);
        dump(f, text, format === 'json' ? 'json' : 'yaml');
      }
    } else {
      if (r.chance(0.2)) json = mutateText(json, g).text;
      let t: TemplateCase;
      try {
        t = templates(value, json, yaml, g);
      } catch {
        continue; // The yaml package's own stringify overflows on very deep values.
      }
      built++;
      if (r.chance(0.25)) {
        const m = mutateText(t.text, g);
        t.text = m.text;
        steps.push(`template ${m.label}`);
      }
      checked++;
      checkTemplate(t, type, problems);
      if (problems.length) {
        const f = { iteration: i, base: base.name, steps, problems };
        failures.push(f);
        dump(f, t.text, t.fileName.replace(/^.*\./, 'tpl.'));
      }
    }
  }
  return { failures, checked, built };
}

export function report(failures: Failure[]): string[] {
  // Group by the first problem's shape so one bug does not hide the others.
  const seen = new Map<string, string>();
  for (const f of failures) {
    for (const p of f.problems) {
      const shape = p.replace(/\d+/g, 'N').slice(0, 160);
      if (!seen.has(shape)) seen.set(shape, `[seed ${SEED} iteration ${f.iteration}, ${f.base}, ${f.steps.join('; ')}] ${p.slice(0, 600)}`);
    }
  }
  return [...seen.values()];
}
