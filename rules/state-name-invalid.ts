import { defineRule } from '../src/engine/rule.js';

export const MAX_STATE_NAME_LENGTH = 80;
// C0 and C1 control characters (and DEL).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export default defineRule({
  meta: {
    id: 'state-name-invalid',
    code: 'INVALID_STATE_NAME',
    severity: 'ERROR',
    description: 'A state name must be 1 to 80 characters long; control characters in it get a warning.',
    rationale:
      "AWS refuses state names longer than 80 characters (measured message); an empty name is refused too (the API's shapes give state names at least one character). " +
      'It accepts spaces and punctuation. Whether it refuses control characters (a tab, an escape) is not known (asl-rules.md: B), so they get a LINT_STATE_NAME_CHARACTERS warning, not an error: ' +
      'they make the name hard to type, log and read. ' +
      "Length is counted as AWS's Java service counts it, in UTF-16 code units.",
    sources: ['asl-rules.md state-name-too-long (V, M message ASLV-69), state-name-empty (B; API-EVT shapes: names at least 1 character), state-name-characters (B: AWS not measured, so a warning)'],
    examples: {
      valid: [{ title: 'Spaces and punctuation are fine', text: '{"StartAt": "Hello, World!", "States": {"Hello, World!": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          text: `{"StartAt": "${'A'.repeat(81)}", "States": {"${'A'.repeat(81)}": {"Type": "Succeed"}}}`,
          diagnostics: [
            {
              code: 'INVALID_STATE_NAME',
              location: `/States/${'A'.repeat(81)}`,
              line: 1,
              column: 109,
              endLine: 1,
              endColumn: 192,
              message: `Invalid State name: State '${'A'.repeat(81)}' exceeds the 80-character limit allowed by the service`,
            },
          ],
        },
        {
          title: 'A control character: a warning (AWS not measured)',
          text: '{"StartAt": "A\\tB", "States": {"A\\tB": {"Type": "Succeed"}}}',
          diagnostics: [
            {
              code: 'LINT_STATE_NAME_CHARACTERS',
              severity: 'WARNING',
              location: '/States/A\tB',
              line: 1,
              column: 32,
              endLine: 1,
              endColumn: 38,
              message: "State 'A\\tB' contains a control character; use printable characters only",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const s of ctx.model.states) {
      let message: string | undefined;
      if (s.name.length === 0) message = 'Invalid State name: a state name cannot be empty';
      else if (s.name.length > MAX_STATE_NAME_LENGTH) message = `Invalid State name: State '${s.name}' exceeds the ${MAX_STATE_NAME_LENGTH}-character limit allowed by the service`;
      else if (CONTROL.test(s.name)) {
        // AWS's answer is unknown (B): a warning, and validate() says nothing.
        const shown = JSON.stringify(s.name).slice(1, -1);
        ctx.report({ path: s.path, part: 'key', code: 'LINT_STATE_NAME_CHARACTERS', severity: 'WARNING', message: `State '${shown}' contains a control character; use printable characters only` });
      }
      if (message) ctx.report({ path: s.path, part: 'key', message });
    }
  },
});
