/**
 * Our measurements, in the main process and before any peer runs: the built library's public
 * API only (validate(), lint(); the breakdown also uses the exported parse, buildModel, analyze
 * and allRules, and degrades to "not available" if those change).
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { median, sum, summarize, timeRounds, touch } from './stats.mjs';

/** @returns {Promise<{api: any, entry: string, builtAt: Date, stale: string[]}>} */
export async function loadOurs(repoRoot) {
  const entry = join(repoRoot, 'dist', 'src', 'index.js');
  if (!existsSync(entry)) return { api: undefined, entry };
  const api = await import(pathToFileURL(entry).href);
  const builtAt = statSync(entry).mtime;
  // Sources newer than the build: the numbers would describe old code.
  const stale = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name.endsWith('.ts') && statSync(p).mtime > builtAt) stale.push(p.slice(repoRoot.length + 1));
    }
  };
  walk(join(repoRoot, 'src'));
  walk(join(repoRoot, 'rules'));
  return { api, entry, builtAt, stale };
}

/**
 * Every corpus definition: lint() (all files; YAML by file name), validate() and JSON.parse
 * (JSON files; validate() takes JSON, as AWS does). Per definition, the median over passes.
 */
export function corpusOurs(api, files, { warmupPasses, passes }) {
  const json = files.filter((f) => f.format === 'json');
  const per = files.map(() => ({ lint: [], validate: [], parse: [] }));
  const passTotals = { lint: [], validate: [], parse: [] };
  for (let p = 0; p < warmupPasses + passes; p++) {
    const measured = p >= warmupPasses;
    const totals = { lint: 0, validate: 0, parse: 0 };
    files.forEach((f, i) => {
      const opts = { fileName: f.rel };
      let t0 = performance.now();
      touch(api.lint(f.text, opts));
      const l = performance.now() - t0;
      let v = NaN;
      let j = NaN;
      if (f.format === 'json') {
        t0 = performance.now();
        touch(api.validate(f.text));
        v = performance.now() - t0;
        t0 = performance.now();
        touch(JSON.parse(f.text));
        j = performance.now() - t0;
      }
      if (!measured) return;
      per[i].lint.push(l);
      totals.lint += l;
      if (f.format === 'json') {
        per[i].validate.push(v);
        per[i].parse.push(j);
        totals.validate += v;
        totals.parse += j;
      }
    });
    if (measured) for (const k of Object.keys(totals)) passTotals[k].push(totals[k]);
  }
  const medians = per.map((s) => ({ lint: median(s.lint), validate: median(s.validate), parse: median(s.parse) }));
  const col = (k, list) => list.map((m) => m[k]).filter((x) => Number.isFinite(x));
  const jsonMedians = medians.filter((_, i) => files[i].format === 'json');

  // Verdicts: a definition we flag is one with an ERROR (every corpus definition deploys on AWS).
  const verdicts = files.map((f) => {
    const r = api.lint(f.text, { fileName: f.rel });
    const errors = r.diagnostics.filter((d) => d.severity === 'ERROR');
    const v = f.format === 'json' ? api.validate(f.text) : undefined;
    return {
      rel: f.rel,
      flagged: r.result === 'FAIL',
      validateFail: v ? v.result === 'FAIL' : undefined,
      errors: errors.length,
      warnings: r.diagnostics.length - errors.length,
      first: errors[0] ? `${errors[0].code} ${errors[0].location ?? ''}: ${errors[0].message}`.slice(0, 300) : undefined,
    };
  });
  const slowest = medians
    .map((m, i) => ({ rel: files[i].rel, bytes: files[i].bytes, lintMs: m.lint }))
    .sort((a, b) => b.lintMs - a.lintMs)
    .slice(0, 5);
  return {
    files: files.length,
    jsonFiles: json.length,
    yamlFiles: files.length - json.length,
    passes,
    lint: summarize(col('lint', medians)),
    validate: summarize(col('validate', jsonMedians)),
    jsonParse: summarize(col('parse', jsonMedians)),
    totalPerPassMs: { lint: round3(median(passTotals.lint)), validate: round3(median(passTotals.validate)), jsonParse: round3(median(passTotals.parse)) },
    flagged: verdicts.filter((v) => v.flagged).length,
    validateFailed: verdicts.filter((v) => v.validateFail).length,
    warnings: sum(verdicts.map((v) => v.warnings)),
    flaggedFiles: verdicts.filter((v) => v.flagged).map(({ rel, errors, first }) => ({ rel, errors, first })),
    slowest,
  };
}

const round3 = (x) => Math.round(x * 1000) / 1000;

/**
 * lint()'s options for the generated definitions: the benchmark measures how lint() grows with
 * the number of states, so the 9 MB of 20,000 states must be read, not refused by the default
 * input cap (4 MiB of JSON). validate() has no such option: past the cap it answers at once.
 */
export const SCALING = { maxLength: Number.MAX_SAFE_INTEGER };

/** One generated definition: JSON.parse, validate(), lint(), measured in rounds. */
export function generatedOurs(api, gen, { budgetMs, minRounds, warmup }) {
  const { text } = gen;
  const samples = timeRounds(
    { jsonParse: () => JSON.parse(text), validate: () => api.validate(text), lint: () => api.lint(text, SCALING) },
    // Blocks of >= 100 ms: each function's garbage collection is charged to it, amortized.
    { warmup, minRounds, budgetMs, maxRounds: 300, blockMs: 100 },
  );
  const r = api.lint(text, SCALING);
  const codes = {};
  for (const d of r.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  const out = { rounds: samples.lint.length, blockMs: 100, diagnostics: r.diagnostics.length, codes, result: r.result, validateResult: api.validate(text).result };
  for (const k of Object.keys(samples)) out[k] = summarize(samples[k]);
  out.msPerState = { validate: out.validate.median / gen.states, lint: out.lint.median / gen.states, jsonParse: out.jsonParse.median / gen.states };
  out.ratioToJsonParse = { validate: out.validate.median / out.jsonParse.median, lint: out.lint.median / out.jsonParse.median };
  return out;
}

/**
 * Where the time of one lint() goes: parse, model, each rule (in the engine's order, on a fresh
 * document each round, so lazily built caches are charged to the rule that first needs them, as
 * in a real run), the rest of the engine (directives, ordering) and the lint adapter (positions,
 * ranges, fixes, sorting), the last two by difference with analyze() and lint().
 */
export function breakdownOurs(api, text, { rounds, fileName }) {
  if (!api.parse || !api.buildModel || !api.allRules || !api.analyze) return { unavailable: 'parse/buildModel/allRules/analyze are not exported' };
  const rules = api.allRules;
  const phases = { jsonParse: [], parse: [], model: [] };
  const ruleTimes = rules.map(() => []);
  const ruleReports = rules.map(() => 0);
  const ruleFailures = new Set();
  const analyze = [];
  const lint = [];
  const format = fileName && /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
  // No forced collection between phases: right after a full GC the next phase pays for growing the
  // young generation again (JSON.parse of 1 MB: +25%), which distorts more than it clarifies.
  for (let r = 0; r < rounds + 2; r++) {
    const keep = r >= 2; // two warm-up rounds
    let t0 = performance.now();
    JSON.parse(text);
    const tj = performance.now() - t0;
    t0 = performance.now();
    const doc = api.parse(text, format);
    const tp = performance.now() - t0;
    t0 = performance.now();
    const model = api.buildModel(doc);
    const tm = performance.now() - t0;
    if (keep) {
      phases.jsonParse.push(tj);
      phases.parse.push(tp);
      phases.model.push(tm);
    }
    rules.forEach((rule, i) => {
      if (rule.meta?.defaultOff) return;
      let n = 0;
      const ctx = {
        doc,
        model,
        type: 'STANDARD',
        report(rep) {
          n++;
          // What the engine does per report besides pushing: the AWS location string.
          if (rep.location === undefined && api.formatLocation) api.formatLocation(rep.path);
        },
      };
      const t = performance.now();
      try {
        rule.check(ctx);
      } catch {
        ruleFailures.add(rule.meta?.id);
      }
      if (keep) {
        ruleTimes[i].push(performance.now() - t);
        ruleReports[i] = n;
      }
    });
    t0 = performance.now();
    touch(api.analyze(text, { fileName }));
    const ta = performance.now() - t0;
    t0 = performance.now();
    touch(api.lint(text, { fileName }));
    const tl = performance.now() - t0;
    if (keep) {
      analyze.push(ta);
      lint.push(tl);
    }
  }
  const m = (xs) => (xs.length ? median(xs) : 0);
  const ruleRows = rules.map((rule, i) => ({ rule: rule.meta?.id ?? `#${i}`, ms: m(ruleTimes[i]), reports: ruleReports[i] })).filter((r) => r.ms > 0 || r.reports > 0);
  const rulesTotal = sum(ruleRows.map((r) => r.ms));
  const parse = m(phases.parse);
  const model = m(phases.model);
  const analyzeMs = m(analyze);
  const lintMs = m(lint);
  return {
    rounds,
    jsonParse: m(phases.jsonParse),
    parse,
    model,
    rulesTotal,
    engineOther: Math.max(0, analyzeMs - parse - model - rulesTotal),
    analyze: analyzeMs,
    lintAdapter: Math.max(0, lintMs - analyzeMs),
    lint: lintMs,
    rules: ruleRows.sort((a, b) => b.ms - a.ms),
    ruleFailures: [...ruleFailures],
  };
}

/**
 * The corpus by phase: the same breakdown summed over every definition (one call each per
 * round), for the "typical definition" budget, where fixed per-call costs matter most.
 */
export function corpusBreakdownOurs(api, files, { rounds }) {
  if (!api.parse || !api.buildModel || !api.allRules || !api.analyze) return { unavailable: 'parse/buildModel/allRules/analyze are not exported' };
  const totals = [];
  for (let r = 0; r < rounds + 1; r++) {
    const acc = { parse: 0, parseYaml: 0, jsonParse: 0, model: 0, rules: new Map(), analyze: 0, lint: 0 };
    for (const f of files) {
      const b = breakdownOnce(api, f);
      acc.parse += b.parse;
      if (f.format === 'yaml') acc.parseYaml += b.parse;
      else acc.jsonParse += b.jsonParse;
      acc.model += b.model;
      for (const [id, ms] of b.rules) acc.rules.set(id, (acc.rules.get(id) ?? 0) + ms);
      acc.analyze += b.analyze;
      acc.lint += b.lint;
    }
    if (r > 0) totals.push(acc);
  }
  const m = (f) => median(totals.map(f));
  const ids = [...totals[0].rules.keys()];
  const rules = ids.map((id) => ({ rule: id, ms: m((t) => t.rules.get(id)) })).sort((a, b) => b.ms - a.ms);
  const rulesTotal = sum(rules.map((r) => r.ms));
  const parse = m((t) => t.parse);
  const model = m((t) => t.model);
  const analyze = m((t) => t.analyze);
  const lint = m((t) => t.lint);
  return {
    rounds,
    files: files.length,
    parse,
    jsonParse: m((t) => t.jsonParse),
    parseYaml: m((t) => t.parseYaml),
    yamlFiles: files.filter((f) => f.format === 'yaml').length,
    model,
    rulesTotal,
    engineOther: Math.max(0, analyze - parse - model - rulesTotal),
    analyze,
    lintAdapter: Math.max(0, lint - analyze),
    lint,
    rules,
  };
}

function breakdownOnce(api, f) {
  const format = f.format;
  let t0 = performance.now();
  if (format === 'json') JSON.parse(f.text);
  const jsonParse = performance.now() - t0;
  t0 = performance.now();
  const doc = api.parse(f.text, format);
  const parse = performance.now() - t0;
  let model;
  let modelMs = 0;
  const rules = [];
  if (doc.parsed && !doc.isBlank) {
    t0 = performance.now();
    model = api.buildModel(doc);
    modelMs = performance.now() - t0;
  }
  for (const rule of api.allRules) {
    if (rule.meta?.defaultOff) continue;
    if (rule.meta?.phase !== 'document' && !model) continue;
    const ctx = { doc, model: model ?? api.buildModel(doc), type: 'STANDARD', report() {} };
    const t = performance.now();
    try {
      rule.check(ctx);
    } catch {
      // counted as time; failures show in the 2,000-state breakdown
    }
    rules.push([rule.meta?.id, performance.now() - t]);
  }
  t0 = performance.now();
  touch(api.analyze(f.text, { fileName: f.rel }));
  const analyze = performance.now() - t0;
  t0 = performance.now();
  touch(api.lint(f.text, { fileName: f.rel }));
  const lint = performance.now() - t0;
  return { parse, jsonParse, model: modelMs, rules, analyze, lint };
}

/**
 * Garbage collection during repeated calls: its share says how much allocation (paths, arrays,
 * intermediate objects) costs, which no single function shows in a profile.
 */
export async function gcDuring(fn, calls) {
  let gcMs = 0;
  let count = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      count++;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  fn(); // warm
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) touch(fn());
  const wallMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20)); // GC entries are delivered asynchronously
  obs.disconnect();
  return { calls, wallMsPerCall: wallMs / calls, gcMsPerCall: gcMs / calls, gcShare: gcMs / wallMs, collections: count };
}
