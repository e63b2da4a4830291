import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, clearConfigCache, effectiveConfig, findConfig, readConfigFile } from '../src/config/config.js';

const DIR = join(import.meta.dirname, 'fixtures', 'config');

describe('configuration files', () => {
  beforeEach(() => clearConfigCache());

  it('finds the nearest asl-lint.config.json upward and applies overrides by glob', () => {
    const file = join(DIR, 'proj', 'sub', 'deep', 'a.asl.json');
    const loaded = findConfig(file);
    expect(loaded.path).toBe(join(DIR, 'proj', 'asl-lint.config.json'));
    expect(effectiveConfig(file, loaded)).toEqual({
      configPath: loaded.path,
      ignored: false,
      type: 'STANDARD',
      // Keyed by rule id (the file says NO_DOLLAR), so --rule and overrides merge by rule.
      rules: { 'no-dollar': 'error', 'state-unreachable': 'warn' },
      substitutions: new Map([['Delay', '5']]),
    });
    const top = join(DIR, 'proj', 'b.asl.json');
    expect(effectiveConfig(top, loaded)).toMatchObject({ type: 'EXPRESS', rules: { 'no-dollar': 'off' } });
    expect(effectiveConfig(join(DIR, 'proj', 'generated', 'x.asl.json'), loaded).ignored).toBe(true);
  });

  it('reads the "asl-lint" key of package.json', () => {
    const loaded = findConfig(join(DIR, 'pkg', 'a.asl.json'));
    expect(loaded.config).toEqual({ rules: { 'missing-end-state': 'off' } });
  });

  it('rejects invalid configurations with a message naming the file and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-cfg-'));
    const bad = (name: string, body: string) => {
      const p = join(dir, name);
      writeFileSync(p, body);
      return () => readConfigFile(p);
    };
    expect(bad('a.json', '{"rules": {"NO_DOLLAR": "warning"}}')).toThrow(ConfigError);
    expect(bad('b.json', '{"rules": {"NO_DOLLAR": "warning"}}')).toThrow(/invalid configuration at rules.NO_DOLLAR: must be equal to one of the allowed values \(off, warn, error\)/);
    expect(bad('c.json', '{"rulez": {}}')).toThrow(/must NOT have additional properties 'rulez'/);
    expect(bad('d.json', '{"rules": {"no-such-rule": "off"}}')).toThrow(/unknown rule 'no-such-rule'/);
    expect(bad('e.json', '{"rules": ')).toThrow(/not valid JSON/);
  });
});
