/** The machine formats: SARIF 2.1.0 (validated against the official schema), GitHub annotations, JUnit XML. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import ajvDraft04 from 'ajv-draft-04';
import { lint, rulesMeta } from '../src/index.js';
import sarif from '../src/cli/formatters/sarif.js';
import github from '../src/cli/formatters/github.js';
import junit from '../src/cli/formatters/junit.js';
import type { FileResult } from '../src/cli/formatters/types.js';
import picocolors from 'picocolors';
import type { Log } from 'sarif';

const require = createRequire(import.meta.url);
/** A CommonJS package: Node's default import is its module.exports, whose `default` is the class. */
const Ajv4 = ajvDraft04.default;
const TEXT = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "Next": "Nope"}, "B": {"Type": "Succeed"}}}';

function result(filePath: string, text: string): FileResult {
  const r = lint(text);
  return {
    filePath,
    source: text,
    result: r.result,
    errorCount: r.diagnostics.filter((d) => d.severity === 'ERROR').length,
    warningCount: r.diagnostics.filter((d) => d.severity === 'WARNING').length,
    diagnostics: r.diagnostics,
  };
}

const ctx = { colors: picocolors.createColors(false), cwd: '/repo', rulesMeta };
const files = [result('flows/order,v1.asl.json', TEXT), result('ok.asl.json', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}')];

describe('sarif', () => {
  const log = JSON.parse(sarif.format(files, ctx)) as Log;

  it('validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The check can fail: a log that is not SARIF 2.1.0 is refused.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('carries the rule catalogue and one result per diagnostic with its region', () => {
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('asl-lint');
    const rules = run.tool.driver.rules!;
    const results = run.results!;
    const ids = rules.map((r) => r.id);
    expect(ids).toContain('transition-target');
    expect(results.map((r) => [r.ruleId, r.level, r.locations![0].physicalLocation!.region, r.locations![0].logicalLocations?.[0]?.fullyQualifiedName])).toEqual([
      ['no-dollar', 'warning', { startLine: 1, startColumn: 66, endLine: 1, endColumn: 69 }, '/States/A/Parameters'],
      ['transition-target', 'error', { startLine: 1, startColumn: 87, endLine: 1, endColumn: 93 }, '/States/A/Next'],
      ['state-unreachable', 'error', { startLine: 1, startColumn: 96, endLine: 1, endColumn: 99 }, '/States/B'],
    ]);
    expect(results[1].ruleIndex).toBe(ids.indexOf('transition-target'));
    expect(results[0].locations![0].physicalLocation!.artifactLocation).toEqual({ uri: 'flows/order%2Cv1.asl.json', uriBaseId: '%SRCROOT%' });
    expect(rules[ids.indexOf('transition-target')].helpUri).toMatch(/rules\/README\.md#transition-target$/);
  });

  it("lists the rules it is given (the catalogue's rulesMeta), the metadata-only ones last, as the catalogue does", () => {
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(rulesMeta));
    expect(rules.slice(-3).map((r) => [r.id, r.properties!.awsCode, r.defaultConfiguration!.level, r.helpUri?.replace(/^.*#/, '#')])).toEqual([
      // Off unless turned on (a setting or --report-unused-disable-directives).
      ['unused-disable-directive', 'LINT_UNUSED_DIRECTIVE', 'none', '#unused-disable-directive'],
      ['invalid-disable-directive', 'LINT_INVALID_DIRECTIVE', 'error', '#invalid-disable-directive'],
      ['template-definition', 'LINT_NOT_CHECKABLE', 'warning', '#template-definition'],
    ]);
    const only = JSON.parse(sarif.format(files, { ...ctx, rulesMeta: { 'transition-target': rulesMeta['transition-target'] } })).runs[0];
    expect(only.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['transition-target']);
    expect(only.results.map((r: { ruleIndex?: number }) => r.ruleIndex)).toEqual([undefined, 0, undefined]);
    // Called from JavaScript without rulesMeta: no rule list, no crash.
    const none = JSON.parse(sarif.format(files, { colors: ctx.colors, cwd: ctx.cwd } as typeof ctx)).runs[0];
    expect([none.tool.driver.rules, none.results.length]).toEqual([[], 3]);
  });
});

describe('github', () => {
  it('prints one workflow command per diagnostic, escaping properties and data', () => {
    expect(github.format(files, ctx).split('\n')).toEqual([
      "::warning file=flows/order%2Cv1.asl.json,line=1,col=66,endLine=1,endColumn=69,title=NO_DOLLAR (no-dollar)::The value of 'x' looks like a JSONPath. Instead of 'x', use 'x.$' to evaluate it as a JSONPath at runtime. [/States/A/Parameters]",
      "::error file=flows/order%2Cv1.asl.json,line=1,col=87,endLine=1,endColumn=93,title=MISSING_TRANSITION_TARGET (transition-target)::Missing 'Next' target: Nope [/States/A/Next]",
      '::error file=flows/order%2Cv1.asl.json,line=1,col=96,endLine=1,endColumn=99,title=MISSING_TRANSITION_TARGET (state-unreachable)::State "B" is not reachable. [/States/B]',
      '',
    ]);
  });

  it('prints nothing for clean files', () => {
    expect(github.format([files[1]], ctx)).toBe('');
  });
});

describe('junit', () => {
  const out = junit.format(files, ctx);

  it('has a suite per file, a failing case per diagnostic and a passing case for clean files', () => {
    expect(out).toContain('<testsuites name="asl-lint" tests="4" failures="3" errors="0">');
    expect(out).toContain('<testsuite name="flows/order,v1.asl.json" tests="3" failures="3" errors="0">');
    expect(out).toContain('<testcase classname="ok.asl.json" name="asl-lint" />');
    expect(out).toContain('<failure type="ERROR" message="State &quot;B&quot; is not reachable.">');
  });

  it('is well-formed enough to count: every opened element is closed', () => {
    const opened = (out.match(/<testcase /g) ?? []).length - (out.match(/<testcase [^>]*\/>/g) ?? []).length;
    expect(opened).toBe(3);
    expect(opened).toBe((out.match(/<\/testcase>/g) ?? []).length);
    expect((out.match(/<testsuite\b/g) ?? []).length).toBe((out.match(/<\/testsuite>/g) ?? []).length);
  });
});
