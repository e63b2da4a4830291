#!/usr/bin/env node
/**
 * Records what lint(), validate() and lintFile() answer on every corpus file, test fixture, rule
 * example and a fixed set of mutations of the corpus, so a refactor can prove "behaviour
 * unchanged": record before, record after, compare.
 *
 *   node scripts/snapshot-outputs.mjs --out before.json          # record (needs `npm run build`)
 *   node scripts/snapshot-outputs.mjs --compare before.json      # record now and compare
 *   ... --compare before.json --differing keys.txt                # and list every case that differs
 *
 * Only the public API of the built package (dist/src/index.js) is used, so the script outlives
 * the internals it checks. The mutations are seeded: the same seed gives the same inputs.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { prng } from '../bench/generate.mjs';
import { corpusRoot } from '../bench/lib/corpus.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = corpusRoot(ROOT);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = opt('--out');
const compare = opt('--compare');
const MUTATIONS = Number(opt('--mutations') ?? 4);

const api = await import(join(ROOT, 'dist', 'src', 'index.js'));
const { lint, validate, lintFile } = api;
// rulesMeta: id -> meta (src/api.ts); before it existed, allRules.
const catalogue = api.rulesMeta ? Object.values(api.rulesMeta) : api.allRules?.map((r) => r.meta);

function files(dir, re) {
  if (!existsSync(dir)) return [];
  const outList = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) outList.push(...files(p, re));
    else if (re.test(name)) outList.push(p);
  }
  return outList.sort();
}

/** A diagnostic as compared: everything but the analysis object. */
function plain(d) {
  const o = { rule: d.rule, code: d.code, severity: d.severity, message: d.message, location: d.location, range: d.range, offset: d.offset, length: d.length };
  if (d.data !== undefined) o.data = d.data;
  if (d.fixes) o.fixes = d.fixes;
  return o;
}

function lintCase(text, options) {
  try {
    const r = lint(text, options);
    return { result: r.result, diagnostics: r.diagnostics.map(plain) };
  } catch (e) {
    return { threw: String(e && e.message) };
  }
}

function validateCase(text, options) {
  try {
    return validate(text, options);
  } catch (e) {
    return { threw: String(e && e.message) };
  }
}

const record = {};
function definitionCase(key, text, format, type) {
  const o = format ? { format } : {};
  const types = type ? [type] : ['STANDARD', 'EXPRESS'];
  for (const t of types) {
    record[`${key} lint ${t}`] = lintCase(text, { ...o, type: t, fileName: key });
    record[`${key} validate ${t}`] = validateCase(text, { type: t, severity: 'WARNING' });
  }
}

// 1. Corpus files and fixtures: as definitions, and through lintFile (templates, directives).
const corpusFiles = files(join(CORPUS, 'real-world'), /\.(json|ya?ml|asl)$/i);
const unparseable = files(join(CORPUS, 'real-world-unparseable'), /.*/);
const fixtures = files(join(ROOT, 'test', 'fixtures'), /\.(json|ya?ml|tf|template|asl)$/i);
for (const f of [...corpusFiles, ...unparseable, ...fixtures]) {
  const text = readFileSync(f, 'utf8');
  const key = relative(ROOT, f);
  definitionCase(key, text, /\.ya?ml$/i.test(f) ? 'yaml' : undefined);
  try {
    const results = lintFile(text, f, { root: resolve(f, '..') });
    record[`${key} lintFile`] = results.map((r) => ({ ...r, diagnostics: r.diagnostics.map(plain), analysis: undefined, text: undefined }));
  } catch (e) {
    record[`${key} lintFile`] = { threw: String(e && e.message) };
  }
}

// 2. Rule examples.
for (const meta of catalogue ?? []) {
  const ex = meta.examples ?? { valid: [], invalid: [] };
  [...ex.valid, ...ex.invalid].forEach((e, i) => definitionCase(`example ${meta.id} #${i}`, e.text, e.format, e.type));
}

// 3. Seeded mutations of the corpus's parsed values.
const rand = prng(20261203);
const pick = (a) => a[Math.floor(rand() * a.length)];
function objectsIn(v, acc = []) {
  if (v && typeof v === 'object') {
    if (!Array.isArray(v)) acc.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) objectsIn(x, acc);
  }
  return acc;
}
const VALUES = [null, 0, -1, 1.5, '', 'x', '$.a', '$$.Execution.Id', 'States.Format(1)', '{% $x %}', true, [], {}, 99999999999];
function mutate(root) {
  const objs = objectsIn(root);
  if (!objs.length) return 'none';
  const o = pick(objs);
  const keys = Object.keys(o);
  const k = keys.length ? pick(keys) : 'Extra';
  switch (Math.floor(rand() * 6)) {
    case 0:
      delete o[k];
      return `delete ${k}`;
    case 1:
      o[k + (rand() < 0.5 ? '.$' : 'x')] = o[k];
      delete o[k];
      return `rename ${k}`;
    case 2:
      o[k] = pick(VALUES);
      return `set ${k}`;
    case 3:
      o[pick(['Next', 'End', 'Type', 'Resource', 'QueryLanguage', 'Parameters', 'Arguments', 'Output', 'Assign'])] = pick(VALUES);
      return 'add field';
    case 4:
      if (typeof o[k] === 'string') o[k] = o[k].slice(0, Math.floor(rand() * o[k].length));
      return `cut ${k}`;
    default:
      if (typeof o.Next === 'string') o.Next += 'x';
      return 'bad next';
  }
}
for (const f of corpusFiles) {
  let value;
  try {
    value = JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    continue;
  }
  for (let i = 0; i < MUTATIONS; i++) {
    const copy = structuredClone(value);
    const label = [mutate(copy), mutate(copy)].join(', ');
    const text = JSON.stringify(copy, null, rand() < 0.5 ? 2 : undefined);
    const key = `mutation ${relative(CORPUS, f)} #${i} (${label})`;
    record[`${key} lint`] = lintCase(text, { type: rand() < 0.8 ? 'STANDARD' : 'EXPRESS' });
    record[`${key} validate`] = validateCase(text, { severity: 'WARNING', maxResults: 100 });
  }
}

const n = Object.keys(record).length;
// Absolute paths name the checkout; a worktree elsewhere must compare equal.
const portable = (json) => json.split(ROOT).join('<root>').split(CORPUS).join('<corpus>');
if (out) {
  writeFileSync(out, portable(JSON.stringify(record)));
  console.log(`${n} cases recorded in ${out}`);
}
if (compare) {
  const before = JSON.parse(readFileSync(compare, 'utf8'));
  let differ = 0;
  const differing = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(record)]);
  for (const k of keys) {
    const a = JSON.stringify(before[k]);
    const b = record[k] === undefined ? undefined : portable(JSON.stringify(record[k]));
    if (a !== b) {
      differ++;
      differing.push(k);
      if (differ <= 20) console.log(`DIFFERS: ${k}\n  before: ${(a ?? 'absent').slice(0, 600)}\n  after:  ${(b ?? 'absent').slice(0, 600)}`);
    }
  }
  console.log(`${keys.size} cases compared, ${differ} differ`);
  const listFile = opt('--differing');
  if (listFile) writeFileSync(listFile, differing.join('\n') + '\n');
  process.exitCode = differ ? 1 : 0;
}
if (!out && !compare) console.log(`${n} cases (give --out FILE or --compare FILE)`);
