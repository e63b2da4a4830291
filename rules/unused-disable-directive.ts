import { defineRule } from '../src/engine/rule.js';

/**
 * Metadata only: the engine reports these findings (under this rule) after it has applied the
 * directives, as only it knows which directive suppressed something.
 */
export default defineRule({
  meta: {
    id: 'unused-disable-directive',
    code: 'LINT_UNUSED_DIRECTIVE',
    severity: 'WARNING',
    description: 'An asl-lint-disable directive that suppresses nothing.',
    rationale:
      'A directive left behind after the problem was fixed hides the next real problem of that kind. Off by default: turn it on as any rule (configuration `"unused-disable-directive": "warn"`, `--rule unused-disable-directive=error`, the editor\'s `aslLint.rules`), or with --report-unused-disable-directives (lint(): `reportUnusedDirectives: true`), which turns it on at its default severity unless a setting says otherwise.',
    sources: ['ours (ESLint reportUnusedDisableDirectives); not an AWS check'],
    defaultOff: true,
    examples: {
      valid: [
        {
          title: 'the directive suppresses a finding',
          text: '{"Comment": "asl-lint-disable state-unreachable", "StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Succeed"}}}',
          reportUnusedDirectives: true,
        },
      ],
      invalid: [
        {
          title: 'nothing to suppress',
          text: '{"Comment": "asl-lint-disable state-unreachable", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
          reportUnusedDirectives: true,
          diagnostics: [{ code: 'LINT_UNUSED_DIRECTIVE', location: '/Comment', line: 1, column: 13, endLine: 1, endColumn: 49, severity: 'WARNING' }],
        },
      ],
    },
  },
  check() {
    // Reported by the engine, which alone knows which directives were used.
  },
});
