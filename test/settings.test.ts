/**
 * Rule settings, read the same way by every reader (configuration file and its overrides, --rule,
 * the editor's settings): keyed by rule id as they are read, so a flag or an editor setting wins
 * over the configuration by rule whichever name each wrote; one severityOf() and one list of
 * setting words; unused-disable-directive a default-off rule like any other. The editor's own
 * path (unknown rules shown as a warning) is tested over stdio in test/lsp-settings.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-support.js';
import { byRuleId, effectiveConfig } from '../src/config/config.js';
import { RULE_SETTING_WORDS, readRuleSetting, severityOf } from '../src/engine/rule.js';
import { normalizeSettings } from '../src/lsp/settings.js';
import { rulesMeta } from '../src/api.js';

const MACHINE = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}';
/** The NO_DOLLAR finding on MACHINE, as the json formatter shows it. */
const noDollar = (severity: 'ERROR' | 'WARNING') => ({
  severity,
  code: 'NO_DOLLAR',
  rule: 'no-dollar',
  location: '/States/A/Parameters',
  line: 1,
  column: 66,
  endLine: 1,
  endColumn: 69,
});
const UNUSED = '{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Comment": "asl-lint-disable NO_PATH"}}}';
const unusedAt = (severity: 'ERROR' | 'WARNING') => ({
  severity,
  code: 'LINT_UNUSED_DIRECTIVE',
  rule: 'unused-disable-directive',
  location: '/States/A/Comment',
  line: 1,
  column: 65,
  endLine: 1,
  endColumn: 91,
});

function project(config: unknown, text = MACHINE): string {
  const d = mkdtempSync(join(tmpdir(), 'asl-lint-settings-'));
  writeFileSync(join(d, 'asl-lint.config.json'), JSON.stringify(config));
  writeFileSync(join(d, 'm.asl.json'), text);
  return d;
}

async function findings(cwd: string, args: string[] = []) {
  const r = await cli(['m.asl.json', '--format', 'json', ...args], { cwd });
  expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine)\n');
  return (JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] }[])[0].diagnostics.map(({ message: _m, ...d }) => d);
}

describe('--rule wins over the configuration by rule, whichever name each uses', () => {
  it('config "no-dollar": "off" with --rule NO_DOLLAR=error reports (it reported nothing)', async () => {
    const d = project({ rules: { 'no-dollar': 'off' } });
    expect(await findings(d)).toEqual([]);
    expect(await findings(d, ['--rule', 'NO_DOLLAR=error'])).toEqual([noDollar('ERROR')]);
  });

  it('config "NO_DOLLAR": "error" with --rule no-dollar=off reports nothing; warn gives a warning', async () => {
    const d = project({ rules: { NO_DOLLAR: 'error' } });
    expect(await findings(d)).toEqual([noDollar('ERROR')]);
    expect(await findings(d, ['--rule', 'no-dollar=off'])).toEqual([]);
    expect(await findings(d, ['--rule', 'no-dollar=warn'])).toEqual([noDollar('WARNING')]);
  });

  it('an override naming the code wins over the base naming the id (and the reverse)', async () => {
    const byCode = project({ rules: { 'no-dollar': 'off' }, overrides: [{ files: ['*.asl.json'], rules: { NO_DOLLAR: 'warn' } }] });
    expect(await findings(byCode)).toEqual([noDollar('WARNING')]);
    const byId = project({ rules: { NO_DOLLAR: 'warn' }, overrides: [{ files: ['*.asl.json'], rules: { 'no-dollar': 'off' } }] });
    expect(await findings(byId)).toEqual([]);
  });

  it('--print-config shows the merged settings by rule id, one key per rule', async () => {
    const d = project({ rules: { 'no-dollar': 'off', MISSING_TRANSITION_TARGET: 'warn' } });
    const r = await cli(['--print-config', 'm.asl.json', '--rule', 'NO_DOLLAR=error', '--rule', 'state-unreachable=off'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).rules).toEqual({
      'no-dollar': 'error',
      'transition-target': 'warn',
      'start-at-target': 'warn',
      'state-unreachable': 'off',
    });
  });

  it('--print-config refuses an unknown --rule as a lint run does (it would vanish from the rules shown)', async () => {
    const r = await cli(['--print-config', 'm.asl.json', '--rule', 'NO_DOLAR=off'], { cwd: project({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "asl-lint: invalid value for --rule: unknown rule 'NO_DOLAR' (did you mean 'NO_DOLLAR'?): use a rule id such as 'state-unreachable' or an AWS code such as 'NO_DOLLAR' (the list: rules/README.md)\n",
    );
  });
});

describe('byRuleId', () => {
  it('expands a code to each of its rules; an id beats its code in the same object; unknown names are left out', () => {
    expect(byRuleId({ 'state-unreachable': 'off', MISSING_TRANSITION_TARGET: 'error', nope: 'warn' })).toEqual({
      'transition-target': 'error',
      'start-at-target': 'error',
      'state-unreachable': 'off',
    });
    expect(byRuleId(undefined)).toEqual({});
  });

  it('effectiveConfig is keyed by rule id', () => {
    expect(effectiveConfig('/p/m.asl.json', { path: '/p/asl-lint.config.json', config: { rules: { NO_DOLLAR: 'warn' } } }).rules).toEqual({ 'no-dollar': 'warn' });
  });
});

describe('unused-disable-directive is a rule like any other (default off)', () => {
  it('the configuration or --rule turns it on (they could not); the flag still does', async () => {
    expect(await findings(project({}, UNUSED))).toEqual([]);
    expect(await findings(project({ rules: { 'unused-disable-directive': 'error' } }, UNUSED))).toEqual([unusedAt('ERROR')]);
    expect(await findings(project({}, UNUSED), ['--rule', 'LINT_UNUSED_DIRECTIVE=warn'])).toEqual([unusedAt('WARNING')]);
    expect(await findings(project({}, UNUSED), ['--report-unused-disable-directives'])).toEqual([unusedAt('WARNING')]);
    // A setting decides over the flag's default severity.
    expect(await findings(project({ rules: { 'unused-disable-directive': 'error' } }, UNUSED), ['--report-unused-disable-directives'])).toEqual([unusedAt('ERROR')]);
  });

  it('--list-rules and SARIF show it off by default (they said warning)', async () => {
    const listed = JSON.parse((await cli(['--list-rules', '--format', 'json'])).stdout) as { id: string; severity: string }[];
    expect(listed.find((r) => r.id === 'unused-disable-directive')?.severity).toBe('off');
    const d = project({}, UNUSED);
    const sarif = JSON.parse((await cli(['m.asl.json', '--format', 'sarif'], { cwd: d })).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'unused-disable-directive');
    expect(rule?.defaultConfiguration).toEqual({ level: 'none' });
  });
});

describe('one mapping from a setting to a severity, one list of setting words', () => {
  const meta = { severity: 'ERROR' as const };
  it('severityOf', () => {
    expect(severityOf(meta, 'off')).toBeUndefined();
    expect(severityOf(meta, 'warn')).toBe('WARNING');
    expect(severityOf(meta, 'WARNING')).toBe('WARNING');
    expect(severityOf({ severity: 'WARNING' }, 'error')).toBe('ERROR');
    expect(severityOf({ severity: 'WARNING' }, 'ERROR')).toBe('ERROR');
    expect(severityOf(meta, undefined)).toBe('ERROR');
    expect(severityOf(meta, undefined, 'WARNING')).toBe('WARNING');
    expect(severityOf({ severity: 'WARNING', defaultOff: true }, undefined)).toBeUndefined();
    expect(severityOf({ severity: 'WARNING', defaultOff: true }, 'error')).toBe('ERROR');
  });

  it('the configuration schema, --rule and the editor accept the same words', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'asl-lint.config.schema.json'), 'utf8'));
    expect(schema.definitions.rules.additionalProperties.enum).toEqual([...RULE_SETTING_WORDS]);
    const extension = JSON.parse(readFileSync(join(ROOT, 'vscode-extension', 'package.json'), 'utf8'));
    expect(extension.contributes.configuration.properties['aslLint.rules'].additionalProperties.enum).toEqual([...RULE_SETTING_WORDS]);
    expect([...RULE_SETTING_WORDS, 'WARN', 'Warning', 'bogus', 3].map(readRuleSetting)).toEqual(['off', 'warn', 'error', 'warn', 'warn', undefined, undefined]);
    const r = await cli(['x.asl.json', '--rule', 'no-dollar=warning']);
    expect(r.stderr).toBe("asl-lint: invalid value for --rule: 'no-dollar=warning' (expected RULE=off|warn|error, where RULE is a rule id (state-unreachable) or an AWS code (NO_DOLLAR))\n");
    expect(r.code).toBe(2);
  });
});

describe("the editor's settings (normalizeSettings)", () => {
  it('keys rules by rule id and says what it left out, with the did-you-mean the CLI gives', () => {
    const s = normalizeSettings({ rules: { NO_DOLLAR: 'Warning', 'no-dolar': 'off', 'state-unreachable': 'loud' } });
    expect(s.rules).toEqual({ 'no-dollar': 'warn' });
    expect(s.problems).toEqual([
      "aslLint.rules: unknown rule 'no-dolar' (did you mean 'no-dollar'?): use a rule id such as 'state-unreachable' or an AWS code such as 'NO_DOLLAR' (the list: rules/README.md)",
      'aslLint.rules.state-unreachable: "loud" is not a rule setting (expected off, warn, error); ignored',
    ]);
    expect(normalizeSettings({ rules: { 'no-dollar': 'off' } }).problems).toBeUndefined();
    expect(Object.keys(rulesMeta)).toContain('unused-disable-directive');
  });
});
