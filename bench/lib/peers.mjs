/**
 * The peers, behind one interface: load once, then check(text, format) -> verdict.
 *
 * Each check starts from the text, as ours does (our validate()/lint() take text): the peers
 * that take a JS object get `JSON.parse` (or YAML parse) inside the timed call, the language
 * service gets a TextDocument. One-time setup (statelint's schema compile, the language service
 * object) is outside the timed call and reported separately; asl-validator builds its ajv schema
 * inside every call, by its own design, so that is part of its per-call cost.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{flagged: boolean, errors: number, first?: string}} Verdict
 * @typedef {{check: (text: string, format: 'json'|'yaml') => Verdict | Promise<Verdict>, async: boolean}} LoadedPeer
 */

export const PEER_NAMES = ['asl-validator', 'amazon-states-language-service', '@wmfs/statelint'];

/** @returns {{version: string, loadMs: number, setupMs: number, peer: LoadedPeer}} */
export async function loadPeer(name, repoRoot) {
  if (name === 'asl-lint') return loadOursAsPeer(repoRoot);
  const require = createRequire(join(repoRoot, 'package.json'));
  const version = require(`${name}/package.json`).version;
  const YAML = require('yaml');
  const toValue = (text, format) => (format === 'yaml' ? YAML.parse(text) : JSON.parse(text));
  const t0 = performance.now();
  const mod = require(name);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  let peer;
  if (name === 'asl-validator') {
    peer = {
      async: false,
      check(text, format) {
        // The validator writes QueryLanguage into the object it is given: a fresh value each call.
        const r = mod(toValue(text, format));
        const e = r.errors?.[0];
        return { flagged: !r.isValid, errors: r.errors?.length ?? 0, first: e ? `${e['Error code'] ?? ''}: ${e.Message ?? JSON.stringify(e)}`.slice(0, 300) : undefined };
      },
    };
  } else if (name === '@wmfs/statelint') {
    const linter = new mod.StateLint();
    peer = {
      async: false,
      check(text, format) {
        const problems = linter.validate(toValue(text, format));
        return { flagged: problems.length > 0, errors: problems.length, first: problems[0] ? String(problems[0]).slice(0, 300) : undefined };
      },
    };
  } else if (name === 'amazon-states-language-service') {
    const json = mod.getLanguageService({});
    const yaml = mod.getYamlLanguageService({});
    let version = 0;
    peer = {
      async: true,
      async check(text, format) {
        version++;
        let diags;
        if (format === 'yaml') {
          const doc = mod.TextDocument.create(`file:///bench/${version}.asl.yaml`, 'asl-yaml', 1, text);
          diags = await yaml.doValidation(doc);
        } else {
          const doc = mod.TextDocument.create(`file:///bench/${version}.asl.json`, 'asl', 1, text);
          diags = await json.doValidation(doc, json.parseJSONDocument(doc));
        }
        // Severity 1 = Error. Warnings (e.g. schema hints) do not count as "flags it invalid".
        const errors = diags.filter((d) => d.severity === 1);
        return { flagged: errors.length > 0, errors: errors.length, warnings: diags.length - errors.length, first: errors[0]?.message?.slice(0, 300) };
      },
    };
  } else {
    throw new Error(`unknown peer ${name}`);
  }
  const setupMs = performance.now() - t1;
  return { version, loadMs, setupMs, peer };
}

/** The peer's version without loading it (for cache keys in the parent process). */
export function peerVersion(name, repoRoot) {
  try {
    return createRequire(join(repoRoot, 'package.json'))(`${name}/package.json`).version;
  } catch {
    return undefined;
  }
}

/**
 * Ours, behind the same interface: used only where one of our calls must run under the cap in a
 * process that can be killed (the 20,000-state definition with thousands of diagnostics).
 */
async function loadOursAsPeer(repoRoot) {
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  const t0 = performance.now();
  const api = await import(pathToFileURL(join(repoRoot, 'dist', 'src', 'index.js')).href);
  const loadMs = performance.now() - t0;
  return {
    version,
    loadMs,
    setupMs: 0,
    peer: {
      async: false,
      check(text, format) {
        // Read whatever its size (the peers read the 9 MB definitions too); see ours.mjs SCALING.
        const r = api.lint(text, { format, maxLength: Number.MAX_SAFE_INTEGER });
        const errors = r.diagnostics.filter((d) => d.severity === 'ERROR');
        return { flagged: r.result === 'FAIL', errors: errors.length, diagnostics: r.diagnostics.length, first: errors[0]?.message?.slice(0, 300) };
      },
    },
  };
}
