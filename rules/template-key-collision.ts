import { defineRule } from '../src/engine/rule.js';
import { templateMembers } from '../src/lang/sites.js';
import { formatLocation } from '../src/model/location.js';
import { isObject, type Json } from '../src/model/model.js';
import type { Path } from '../src/types.js';
import { valueAt } from '../src/value-at.js';

/** What this rule's diagnostics carry in `data`. */
type TemplateKeyCollisionData = { /** The key both members write. */ field: string };

export default defineRule<TemplateKeyCollisionData>({
  meta: {
    id: 'template-key-collision',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: "A payload template or JSONPath Assign has both 'k' and 'k.$' in one object: the same field once '.$' is stripped.",
    rationale:
      'Step Functions renames a key ending in \'.$\' to the name without it and puts the evaluated value there, so {"a": 1, "a.$": "$.x"} names \'a\' twice. ' +
      "The ASL specification says: \"A JSON object MUST NOT have duplicate field names after fields ending with the characters '.$' are renamed to strip the '.$' suffix.\" " +
      'This holds at any depth, inside arrays too, in every payload template (Parameters, ResultSelector, ItemSelector, ItemBatcher BatchInput, ItemReader and ResultWriter Parameters) ' +
      "and in a JSONPath Assign. Reported at the object that holds both keys, on the '.$' key. (Credentials' RoleArn and RoleArn.$ are field-exclusive's.)",
    sources: [
      'Amazon States Language specification, Payload Templates (https://states-language.net/spec.html#payload-template): "A JSON object MUST NOT have duplicate field names after fields ending with the characters \\".$\\" are renamed to strip the \\".$\\" suffix."',
      'Developer Guide, Parameters (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html): a key ending in .$ is replaced by the key without it',
      'issue 10',
    ],
    examples: {
      valid: [{ text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a": 1, "b.$": "$.x", "c": {"a.$": "$.y"}}, "End": true}}}' }],
      invalid: [
        {
          title: "'a' and 'a.$' in Parameters",
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a": 1, "a.$": "$.x"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Parameters',
              line: 1,
              column: 74,
              endLine: 1,
              endColumn: 79,
              message: "The field 'a' is set twice: 'a' and 'a.$' name the same field once '.$' is stripped. Keep one of them.",
            },
          ],
        },
        {
          title: 'At any depth, in arrays, in ItemSelector, ItemBatcher BatchInput and a JSONPath Assign',
          text: [
            '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",',
            '  "ItemSelector": {"v": {"list": [{"id": "x", "id.$": "$$.Map.Item.Value"}]}},',
            '  "ItemBatcher": {"MaxItemsPerBatch": 10, "BatchInput": {"k.$": "$.k", "k": 0}},',
            '  "Assign": {"n.$": "$.n", "n": 1},',
            '  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}',
          ].join('\n'),
          diagnostics: [
            { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/ItemSelector/v/list[0]', line: 2, column: 47, endLine: 2, endColumn: 53 },
            { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/ItemBatcher/BatchInput', line: 3, column: 72, endLine: 3, endColumn: 75 },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/M/Assign',
              line: 4,
              column: 28,
              endLine: 4,
              endColumn: 31,
              message: "The field 'n' is set twice: 'n' and 'n.$' name the same field once '.$' is stripped. Keep one of them.",
            },
          ],
          alsoReported: ['variable-unused'],
        },
      ],
    },
  },
  check(ctx) {
    for (const m of templateMembers(ctx.model).dollar) {
      // Credentials: RoleArn with RoleArn.$ is the schema's "Only one of" (field-exclusive).
      if (m.site.field === 'Credentials') continue;
      const name = m.key.slice(0, -2);
      const objectPath = m.path.slice(0, -1) as Path;
      const object = valueAt<Json>(m.site.value, objectPath.slice(m.site.path.length));
      if (!isObject(object) || !Object.hasOwn(object, name)) continue;
      // Reported on whichever of the two comes second in the text.
      const plainFirst = Object.keys(object).indexOf(name) < Object.keys(object).indexOf(m.key);
      ctx.report({
        path: plainFirst ? m.path : [...objectPath, name],
        part: 'key',
        location: formatLocation(objectPath),
        message: `The field '${name}' is set twice: '${name}' and '${m.key}' name the same field once '.$' is stripped`,
        hint: 'Keep one of them.',
        data: { field: name },
      });
    }
  },
});
