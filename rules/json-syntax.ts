import { defineRule } from '../src/engine/rule.js';
import { placeholdersIn } from '../src/parse/placeholder.js';

export default defineRule({
  meta: {
    id: 'json-syntax',
    code: 'INVALID_JSON_DESCRIPTION',
    severity: 'ERROR',
    phase: 'document',
    description: 'The definition must be strict JSON (or YAML for .asl.yaml files).',
    rationale:
      'AWS parses definitions as strict JSON: comments, trailing commas, single quotes and unquoted keys are rejected with INVALID_JSON_DESCRIPTION. ' +
      'An unquoted deploy-time placeholder ("TimeoutSeconds": ${Timeout}, filled in by SAM/CloudFormation DefinitionSubstitutions, Serverless or Terraform) makes the text JSON only after substitution: ' +
      'the message says so and how to lint it with values (asl-lint -s NAME=VALUE, --substitutions-file FILE).',
    sources: [
      'asl-rules.md json-syntax (V: API-DIAG)',
      'unquoted placeholders: 7 of the 24 files of shared/corpus/real-world-unparseable (SAM DefinitionSubstitutions: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html); issue 10',
    ],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'A trailing comma',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"},}}',
          diagnostics: [{ code: 'INVALID_JSON_DESCRIPTION', line: 1, column: 54, endLine: 1, endColumn: 55, message: 'Invalid JSON: Trailing commas are not allowed in JSON (line 1, column 54)' }],
        },
        {
          title: 'An unquoted deploy-time placeholder',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": ${Timeout}, "End": true}}}',
          diagnostics: [
            {
              code: 'INVALID_JSON_DESCRIPTION',
              line: 1,
              column: 115,
              endLine: 1,
              endColumn: 125,
              message:
                'Invalid JSON: Unexpected character (line 1, column 115). \'${Timeout}\' is a deploy-time placeholder outside quotes: the text is JSON only once it is substituted. Lint it with a value: asl-lint -s Timeout=VALUE (or --substitutions-file FILE with {"Timeout": VALUE}).',
            },
          ],
        },
        {
          title: 'A comment',
          text: '{\n  // start here\n  "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'INVALID_JSON_DESCRIPTION', line: 2, column: 3, endLine: 2, endColumn: 16 }],
        },
        {
          title: 'An unquoted serverless-pseudo-parameters placeholder',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": #{Wait}, "End": true}}}',
          diagnostics: [
            {
              code: 'INVALID_JSON_DESCRIPTION',
              line: 1,
              column: 62,
              endLine: 1,
              endColumn: 69,
              message:
                'Invalid JSON: Unexpected character (line 1, column 62). \'#{Wait}\' is a deploy-time placeholder outside quotes: the text is JSON only once it is substituted. Lint it with a value: asl-lint -s Wait=VALUE (or --substitutions-file FILE with {"Wait": VALUE}).',
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.parsed || doc.isBlank || doc.tooDeep) return;
    for (const e of doc.syntaxErrors.slice(0, 1)) {
      const pos = doc.positionAt(e.offset);
      const what = doc.format === 'yaml' ? 'Invalid YAML' : 'Invalid JSON';
      const placeholder = unquotedPlaceholder(doc.text, e.offset);
      ctx.report({
        path: [],
        span: placeholder ? { offset: placeholder.offset, length: placeholder.text.length } : { offset: e.offset, length: e.length },
        message: `${what}: ${e.message} (line ${pos.line + 1}, column ${pos.character + 1})`,
        hint: placeholder ? placeholderHint(placeholder.text, placeholder.name) : undefined,
        location: null,
      });
    }
  },
});

/**
 * A placeholder (`${Name}`, `${AWS::Region}`, `#{Wait}`: the grammar of parse/placeholder.ts, the
 * one `-s` fills) where the parser stopped, outside any string.
 */
function unquotedPlaceholder(text: string, offset: number): { offset: number; text: string; name: string } | undefined {
  // The parser stops at the '$' or '#' (or at the '{' after it).
  const start = isOpener(text[offset]) ? offset : isOpener(text[offset - 1]) ? offset - 1 : -1;
  if (start < 0) return undefined;
  for (const m of placeholdersIn(text.slice(start, start + MAX_PLACEHOLDER))) {
    if (m.offset !== 0 || m.name === '') return undefined;
    return { offset: start, text: m.text, name: m.name };
  }
  return undefined;
}

/** The longest placeholder looked for (a CDK token is about 30 characters). */
const MAX_PLACEHOLDER = 210;

function isOpener(c: string | undefined): boolean {
  return c === '$' || c === '#';
}

function placeholderHint(placeholder: string, name: string): string {
  return (
    `'${placeholder}' is a deploy-time placeholder outside quotes: the text is JSON only once it is substituted. ` +
    `Lint it with a value: asl-lint -s ${name}=VALUE (or --substitutions-file FILE with {${JSON.stringify(name)}: VALUE}).`
  );
}
