import { defineRule } from '../src/engine/rule.js';

/** Metadata only: the engine reports these findings (under this rule) while reading the directives. */
export default defineRule({
  meta: {
    id: 'invalid-disable-directive',
    code: 'LINT_INVALID_DIRECTIVE',
    severity: 'ERROR',
    description: 'An asl-lint directive that is not one asl-lint knows, or names a rule that does not exist.',
    rationale:
      'A mistyped directive (`asl-lint-disable-nextline`) or rule name (`NO_DOLAR`) would otherwise disable nothing while looking as if it did, or, read loosely, disable everything. Reported by lint() and the CLI; validate() ignores directives.',
    sources: ['ours (a directive is asl-lint syntax); not an AWS check'],
    examples: {
      valid: [{ title: 'a known directive naming a known rule', text: '{"Comment": "asl-lint-disable NO_DOLLAR", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'a mistyped rule name',
          text: '{"Comment": "asl-lint-disable NO_DOLAR", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'LINT_INVALID_DIRECTIVE', location: '/Comment', line: 1, column: 13, endLine: 1, endColumn: 40, severity: 'ERROR' }],
        },
      ],
    },
  },
  check() {
    // Reported by the engine while reading the directives.
  },
});
