/**
 * src/links.ts takes the package's homepage from src/package-info.ts (asl-lint's own package.json,
 * the one reader of it): a published package links to its repository's rule reference.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/package-info.js', () => ({ packageInfo: () => ({ version: '9.9.9', homepage: 'https://github.com/example/asl-lint#readme' }) }));

const { ruleDocsUrl } = await import('../src/links.js');

describe('ruleDocsUrl', () => {
  it("is the homepage's rules/README.md, anchored at the rule", () => {
    expect(ruleDocsUrl()).toBe('https://github.com/example/asl-lint/blob/main/rules/README.md');
    expect(ruleDocsUrl('transition-target')).toBe('https://github.com/example/asl-lint/blob/main/rules/README.md#transition-target');
  });
});
