/**
 * The language reference (docs/languages.md) and the editor's texts are generated from the tables
 * in src/lang; these tests fail when the page is stale or when an editor snippet offers a resource
 * the checker refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageDocs } from '../src/lang/reference.js';
import { INTRINSICS, STRING_RESULT_FUNCTIONS } from '../src/lang/intrinsics.js';
import { JSONATA_FUNCTIONS } from '../src/lang/jsonata-functions.js';
import { classifyResource, INTEGRATIONS } from '../src/lang/resource.js';
import { STATES_MEMBERS } from '../src/lang/states-variable.js';
import { lint } from '../src/index.js';
import { describeResource, INTRINSIC_DOCS, JSONATA_FUNCTION_DOCS, RESOURCE_PATTERNS } from '../src/lsp/language.js';

describe("one source for the languages' reference", () => {
  it('docs/languages.md is generated from the current tables (run `npm run docs`)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', 'docs', 'languages.md'), 'utf8');
    expect(onDisk).toBe(languageDocs());
  });

  it('the page lists every intrinsic, every usable JSONata function and every integration action', () => {
    const page = languageDocs();
    for (const name of Object.keys(INTRINSICS)) expect(page).toContain(`| \`${name}\` |`);
    for (const [name, fn] of Object.entries(JSONATA_FUNCTIONS)) expect(page).toContain(fn.unsupported ? `- \`$${name}\`: ${fn.unsupported}.` : `| \`$${name}\` |`);
    for (const [service, spec] of Object.entries(INTEGRATIONS)) for (const action of Object.keys(spec.actions)) expect(page).toContain(`| \`${service}\` | \`${action}\` |`);
    expect(page).toContain(
      "| `States.Hash` | `States.Hash(data: any, algorithm: string) -> string` | yes | The hash of a value; algorithm is one of 'MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'. |",
    );
    expect(page).toContain('| `sqs` | `sendMessage` | request-response, .waitForTaskToken | yes |');
  });

  it("the editor's texts come from the same tables (a description for every function)", () => {
    expect(INTRINSIC_DOCS.map((d) => d.name)).toEqual(Object.keys(INTRINSICS));
    for (const d of INTRINSIC_DOCS) expect(d.doc, d.name).not.toBe('');
    expect(INTRINSIC_DOCS.find((d) => d.name === 'States.MathRandom')!.signature).toBe('States.MathRandom(start: integer, end: integer, [seed: integer]) -> integer');
    // The Fail ErrorPath/CausePath list (its order is in LINT messages): the table's stringResult.
    expect([...STRING_RESULT_FUNCTIONS]).toEqual(['States.Format', 'States.JsonToString', 'States.ArrayGetItem', 'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.UUID']);
    expect(JSONATA_FUNCTION_DOCS.map((d) => d.name)).toEqual(Object.keys(JSONATA_FUNCTIONS).filter((n) => !JSONATA_FUNCTIONS[n].unsupported));
    for (const [name, fn] of Object.entries(JSONATA_FUNCTIONS)) if (fn.aws) expect(fn.doc && fn.signature, name).toBeTruthy();
    expect(JSONATA_FUNCTION_DOCS.find((d) => d.name === 'hash')).toEqual({
      name: 'hash',
      signature: '$hash(value[, algorithm])',
      doc: "The hash of a value ('MD5', 'SHA-1', 'SHA-256' (default), 'SHA-384', 'SHA-512'). (added by Step Functions)",
    });
  });

  /** Every resource a completion snippet can produce (each choice of each `${n|a,b|}`; `${n:x}` filled with its default). */
  function expansions(snippet: string): string[] {
    const m = /\$\{\d+\|([^|]*)\|\}/.exec(snippet);
    if (m) return m[1].split(',').flatMap((choice) => expansions(snippet.slice(0, m.index) + choice + snippet.slice(m.index + m[0].length)));
    return [snippet.replace(/\$\{\d+:([^}]*)\}/g, (_, d: string) => (d === 'service' ? 's3' : d === 'apiAction' ? 'getObject' : d))];
  }

  it('every resource the editor offers is one the checker accepts, and the hover describes it', () => {
    const offered = RESOURCE_PATTERNS.flatMap((p) => expansions(p.snippet));
    expect(offered.length).toBeGreaterThan(RESOURCE_PATTERNS.length);
    for (const arn of offered) {
      expect({ arn, problems: classifyResource(arn).problems }).toEqual({ arn, problems: [] });
      expect(describeResource(arn), arn).toBeDefined();
    }
  });

  it('the hover describes every integration action and pattern of the table', () => {
    for (const [service, spec] of Object.entries(INTEGRATIONS)) {
      for (const [action, patterns] of Object.entries(spec.actions)) {
        for (const p of patterns) {
          const arn = `arn:aws:states:::${service}:${action}${p}`;
          expect(classifyResource(arn).problems, arn).toEqual([]);
          expect(describeResource(arn), arn).toContain(`Optimized integration: \`${service}\` \`${action}\``);
        }
      }
    }
  });

  it('the jsonata-states-field message names exactly the `$states` members of the table', () => {
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.zzz %}', End: true } } });
    const [d] = lint(text).diagnostics.filter((x) => x.rule === 'jsonata-states-field');
    const listed = /not a field of \$states \(([^)]*)\)/.exec(d.message)![1].split(', ');
    expect(listed.sort()).toEqual([...STATES_MEMBERS].sort());
  });
});
