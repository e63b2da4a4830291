import { defineRule } from '../src/engine/rule.js';

const MAX_LABEL_LENGTH = 40;
// Whitespace, the reserved punctuation, and control characters.
const FORBIDDEN = /[\s?*<>{}[\]:;,\\|^~$#%&`"\u0000-\u001f\u007f-\u009f]/;

export default defineRule({
  meta: {
    id: 'map-label',
    code: 'INVALID_LABEL_NAME',
    severity: 'ERROR',
    description: 'A Map Label must be 1 to 40 characters without whitespace, control characters or ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & ` ".',
    rationale: "A Distributed Map's Label names its child executions and Map Runs, so it follows the execution-name character rules; AWS refuses others with INVALID_LABEL_NAME.",
    sources: ['asl-rules.md map-label-invalid (V code, I rules from LocalStack)'],
    examples: {
      valid: [{ text: '{"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Orders-2024", "End": true, "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}}}}' }],
      invalid: [
        {
          text: '{"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "my label", "End": true, "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}}}}',
          diagnostics: [{ code: 'INVALID_LABEL_NAME', location: '/States/M/Label', line: 1, column: 59, endLine: 1, endColumn: 69 }],
        },
      ],
    },
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== 'Map') continue;
      const label = state.obj.Label;
      if (typeof label !== 'string') continue;
      let why: string | undefined;
      if (label.length === 0) why = 'it is empty';
      else if (label.length > MAX_LABEL_LENGTH) why = `it is longer than ${MAX_LABEL_LENGTH} characters`;
      else {
        const bad = FORBIDDEN.exec(label);
        if (bad) why = `it contains ${/\s/.test(bad[0]) ? 'white space' : bad[0] < ' ' || bad[0] >= '\u007f' ? 'a control character' : `'${bad[0]}'`}`;
      }
      if (why) {
        ctx.report({
          path: [...state.path, 'Label'],
          message: `Invalid Label name '${label}': ${why}. A Label is 1-40 characters with no white space, control characters or ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & \` ".`,
        });
      }
    }
  },
});
