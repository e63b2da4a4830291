/**
 * The SCHEMA stage as tables: invalid definitions with the exact schema diagnostics they give (rule,
 * code, message, location, and the text the range covers, hence line/column), valid ones that give
 * none; then the generated standalone validators checked against the compiled ones.
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, toDiagnostic, validate, withHint } from '../src/index.js';
import { compileValidators, generatedModulePath, getValidators, schemaHash, standaloneSource, useValidators, validatorOrigin, VALIDATOR_NAMES, type Validators } from '../src/schema/compile.js';

const CODE = 'SCHEMA_VALIDATION_FAILED';
const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;

interface Want {
  rule: string;
  /** AWS-style location; null where AWS gives none. */
  location: string | null;
  /** AWS's wording: what validate() returns. */
  message: string;
  /** The help lint() adds after the message. */
  hint?: string;
  /** The exact text the range covers; its first occurrence (or the `nth`) gives line and column. */
  at: string;
  nth?: number;
}

interface Case {
  title: string;
  text: string;
  format?: 'json' | 'yaml';
  want: Want[];
}

/** A one-state-per-line definition: `{"StartAt": first, "States": {...}}` with optional top-level fields. */
function sm(states: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  const start = Object.keys(states)[0];
  const lines = Object.entries(states).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const head = Object.entries({ ...top, StartAt: start })
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ');
  return `{${head}, "States": {\n${lines.join(',\n')}\n}}`;
}
const jsonata = { QueryLanguage: 'JSONata' };
const LAMBDA = 'arn:aws:states:::lambda:invoke';
const task = (extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: LAMBDA, End: true, ...extra });
const processor = { StartAt: 'P', States: { P: { Type: 'Succeed' } } };

const w = (rule: string, location: string | null, message: string, at: string, more: { nth?: number; hint?: string } = {}): Want => ({ rule, location, message, at, ...more });

export const invalid: Case[] = [
  // ---- top level
  { title: 'root: nothing required', text: '{"Comment": "x"}', want: [w('root-structure', '/', 'These fields are required: [States, StartAt]', '{')] },
  { title: 'root: StartAt missing', text: '{"States": {"A": {"Type": "Succeed"}}}', want: [w('root-structure', '/', 'These fields are required: [StartAt]', '{')] },
  {
    title: 'root: misspelt Comment, with its fix',
    text: '{"Coment": "x", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
    want: [w('root-structure', '/', "Field 'Coment' is not supported", '"Coment"', { hint: "(did you mean 'Comment'?)" })],
  },
  {
    title: 'root: StartAt empty',
    text: '{"StartAt": "", "States": {"A": {"Type": "Succeed"}}}',
    want: [w('root-structure', '/StartAt', 'Value cannot be empty', '""', { hint: "('StartAt' needs at least one character)" })],
  },
  { title: 'root: States empty', text: '{"StartAt": "A", "States": {}}', want: [w('root-structure', '/States', 'Value cannot be empty', '{}', { hint: "('States' needs at least one field)" })] },
  {
    title: 'root: States an array',
    text: '{"StartAt": "A", "States": []}',
    want: [w('root-structure', '/States', 'Expected value of type [OBJECT]', '[]', { hint: "The field 'States' must be an object, got an array." })],
  },
  {
    title: 'root: Version and TimeoutSeconds',
    text: '{"Version": "2.0", "TimeoutSeconds": -1, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
    want: [
      w('root-structure', '/Version', 'Value should be one of the following: [1.0]', '"2.0"', { hint: "('Version': did you mean '1.0'?)" }),
      w('root-structure', '/TimeoutSeconds', 'Minimum value is 0', '-1', { hint: "The field 'TimeoutSeconds' must be an integer from 0 to 99999999, got -1." }),
    ],
  },
  {
    title: 'root: Comment a number',
    text: '{"Comment": 42, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
    want: [w('root-structure', '/Comment', 'Expected value of type [STRING]', '42', { hint: "The field 'Comment' must be a string, got 42." })],
  },
  { title: 'root: not an object', text: '"StartAt"', want: [w('root-structure', null, 'Definition must be a valid JSON object', '"StartAt"', { hint: '(got "StartAt")' })] },
  {
    title: 'root: QueryLanguage in lower case',
    text: '{"QueryLanguage": "jsonata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
    want: [w('query-language', '/QueryLanguage', 'Value should be one of the following: [JSONPath, JSONata]', '"jsonata"', { hint: "('QueryLanguage': did you mean 'JSONata'?)" })],
  },
  {
    title: 'root (YAML): missing StartAt, misspelt field',
    format: 'yaml',
    text: 'Commnt: hi\nStates:\n  A:\n    Type: Succeed\n',
    want: [w('root-structure', '/', 'These fields are required: [StartAt]', 'C'), w('root-structure', '/', "Field 'Commnt' is not supported", 'Commnt', { hint: "(did you mean 'Comment'?)" })],
  },

  // ---- state type
  {
    title: 'state: unknown Type',
    text: sm({ A: { Type: 'Lambda', End: true } }),
    want: [w('state-type', '/States/A/Type', "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", '"Lambda"')],
  },
  {
    title: 'state: Type in lower case',
    text: sm({ A: { Type: 'task', Resource: LAMBDA, End: true } }),
    want: [
      w('state-type', '/States/A/Type', "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", '"task"', { hint: "(did you mean 'Task'?)" }),
    ],
  },
  { title: 'state: no Type', text: sm({ A: { End: true } }), want: [w('state-type', '/States/A', 'These fields are required: [Type]', '"A"', { nth: 2 })] },
  {
    title: 'state: Type a number',
    text: sm({ A: { Type: 5 } }),
    want: [w('state-type', '/States/A/Type', 'Expected value of type [STRING]', '5', { hint: "The field 'Type' must be one of Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map, got 5." })],
  },
  {
    title: 'state: not an object',
    text: sm({ A: { Type: 'Pass', Next: 'B' }, B: 'Succeed' }),
    want: [w('state-type', '/States/B', 'Expected value of type [OBJECT]', '"Succeed"', { hint: '(a state is an object with a Type, got "Succeed")' })],
  },

  // ---- Task
  { title: 'Task: Resource missing', text: sm({ A: { Type: 'Task', End: true } }), want: [w('field-required', '/States/A', 'These fields are required: [Resource]', '"A"', { nth: 2 })] },
  {
    title: 'Task: Timeout, did you mean TimeoutSeconds',
    text: sm({ A: task({ Timeout: 30 }) }),
    want: [w('field-not-supported', '/States/A', "Field 'Timeout' is not supported", '"Timeout"', { hint: "(did you mean 'TimeoutSeconds'?)" })],
  },
  {
    title: 'Task: Resorce misspelt (no second finding for the missing Resource)',
    text: sm({ A: { Type: 'Task', Resorce: LAMBDA, End: true } }),
    want: [w('field-not-supported', '/States/A', "Field 'Resorce' is not supported", '"Resorce"', { hint: "(did you mean 'Resource'?)" })],
  },
  {
    title: 'Task: TimeoutSeconds a string, HeartbeatSeconds zero',
    text: sm({ A: task({ TimeoutSeconds: '60', HeartbeatSeconds: 0 }) }),
    want: [
      w('field-value', '/States/A/TimeoutSeconds', 'Expected value of type [INTEGER]', '"60"', { hint: `The field 'TimeoutSeconds' must be an integer from 1 to 99999999, got "60".` }),
      w('field-value', '/States/A/HeartbeatSeconds', 'Minimum value is 1', '0', { nth: 2, hint: "The field 'HeartbeatSeconds' must be an integer from 1 to 99999999, got 0." }),
    ],
  },
  {
    title: 'Task: TimeoutSeconds a decimal',
    text: sm({ A: task({ TimeoutSeconds: 1.5 }) }),
    want: [w('field-value', '/States/A/TimeoutSeconds', 'Expected value of type [INTEGER]', '1.5', { hint: "The field 'TimeoutSeconds' must be an integer from 1 to 99999999, got 1.5." })],
  },
  {
    title: 'Task: HeartbeatSeconds not below TimeoutSeconds',
    text: sm({ A: task({ TimeoutSeconds: 30, HeartbeatSeconds: 40 }) }),
    want: [w('field-value', '/States/A/HeartbeatSeconds', "The field 'HeartbeatSeconds' must be smaller than 'TimeoutSeconds' (30), got 40", '40')],
  },
  {
    title: 'Task: TimeoutSeconds and TimeoutSecondsPath',
    text: sm({ A: task({ TimeoutSeconds: 30, TimeoutSecondsPath: '$.t' }) }),
    want: [w('field-exclusive', '/States/A/TimeoutSeconds', "Only one of 'TimeoutSeconds', 'TimeoutSecondsPath' may be set", '"TimeoutSeconds"')],
  },
  {
    title: 'Task: HeartbeatSeconds and HeartbeatSecondsPath',
    text: sm({ A: task({ HeartbeatSecondsPath: '$.h', HeartbeatSeconds: 5 }) }),
    want: [w('field-exclusive', '/States/A/HeartbeatSeconds', "Only one of 'HeartbeatSeconds', 'HeartbeatSecondsPath' may be set", '"HeartbeatSeconds"')],
  },
  {
    title: 'Task: Credentials a string',
    text: sm({ A: task({ Credentials: 'arn:aws:iam::123456789012:role/R' }) }),
    want: [
      w('field-value', '/States/A/Credentials', 'Expected value of type [OBJECT]', '"arn:aws:iam::123456789012:role/R"', {
        hint: `The field 'Credentials' must be an object, got "arn:aws:iam::123456789012:role/R".`,
      }),
    ],
  },
  {
    title: 'Task: Credentials without RoleArn',
    text: sm({ A: task({ Credentials: { Role: 'x' } }) }),
    want: [
      w('field-required', '/States/A/Credentials', "The field 'RoleArn' is required but was missing", '"Credentials"', {
        hint: "(Credentials takes 'RoleArn' (or 'RoleArn.$' with a path); found 'Role' (did you mean 'RoleArn'?))",
      }),
    ],
  },
  // AWS's one diagnostic, recorded in issue 10 (not also "Field 'InvalidField' is not supported").
  {
    title: 'Task: Credentials with only an unknown field',
    text: sm({ State0: task({ Credentials: { InvalidField: 'invalid' } }) }),
    want: [
      w('field-required', '/States/State0/Credentials', "The field 'RoleArn' is required but was missing", '"Credentials"', {
        hint: "(Credentials takes 'RoleArn' (or 'RoleArn.$' with a path); found 'InvalidField')",
      }),
    ],
  },
  {
    title: 'Task: Credentials empty',
    text: sm({ A: task({ Credentials: {} }) }),
    want: [w('field-required', '/States/A/Credentials', "The field 'RoleArn' is required but was missing", '"Credentials"', { hint: "(Credentials takes 'RoleArn' (or 'RoleArn.$' with a path))" })],
  },
  {
    title: 'Task: Credentials with RoleArn and an unknown field',
    text: sm({ A: task({ Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/R', Extra: 1 } }) }),
    want: [w('field-not-supported', '/States/A/Credentials', "Field 'Extra' is not supported", '"Extra"')],
  },
  {
    title: 'Task: ResultSelector an array',
    text: sm({ A: task({ ResultSelector: ['$.a'] }) }),
    want: [w('field-value', '/States/A/ResultSelector', 'Expected value of type [OBJECT, NULL]', '["$.a"]', { hint: "The field 'ResultSelector' must be an object or null, got an array." })],
  },
  {
    title: 'Task (JSONata): number field as a plain string',
    text: sm({ A: task({ TimeoutSeconds: '60' }) }, jsonata),
    want: [w('field-value', '/States/A/TimeoutSeconds', `The field 'TimeoutSeconds' must be an integer from 1 to 99999999 or a JSONata expression ({% ... %}), got "60"`, '"60"')],
  },
  {
    title: 'Task (JSONata): Arguments an array, Parameters JSONPath-only',
    text: sm({ A: task({ Arguments: [1], Parameters: { a: 1 } }) }, jsonata),
    want: [
      w('field-value', '/States/A/Arguments', "The field 'Arguments' must be an object or a JSONata expression ({% ... %}), got an array", '[1]'),
      w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported for the 'JSONPath' QueryLanguage", '"Parameters"'),
    ],
  },
  {
    title: 'Task (JSONata): Credentials object with a misspelt key',
    text: sm({ A: task({ Credentials: { RoleARN: 'x' } }) }, jsonata),
    want: [
      w('field-required', '/States/A/Credentials', "The field 'RoleArn' is required but was missing", '"Credentials"', {
        hint: "(Credentials takes 'RoleArn'; found 'RoleARN' (did you mean 'RoleArn'?))",
      }),
    ],
  },

  // ---- Pass
  {
    title: 'Pass: TimeoutSeconds belongs to Task',
    text: sm({ A: { Type: 'Pass', TimeoutSeconds: 3, End: true } }),
    want: [w('field-not-supported', '/States/A', "Field 'TimeoutSeconds' is not supported", '"TimeoutSeconds"', { hint: '(it is supported on Task states)' })],
  },
  {
    title: 'Pass: Catch belongs to Task, Parallel and Map',
    text: sm({ A: { Type: 'Pass', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'A' }], End: true } }),
    want: [w('field-not-supported', '/States/A', "Field 'Catch' is not supported", '"Catch"', { hint: '(it is supported on Task, Parallel and Map states)' })],
  },
  {
    title: 'Pass: Output in a JSONPath state',
    text: sm({ A: { Type: 'Pass', Output: { a: 1 }, End: true } }),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '"Output"')],
  },
  {
    title: 'Pass (JSONata): Result and ResultPath',
    text: sm({ A: { Type: 'Pass', Result: 1, ResultPath: '$.r', End: true } }, jsonata),
    want: [
      w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'Result' is only supported for the 'JSONPath' QueryLanguage", '"Result"'),
      w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage", '"ResultPath"'),
    ],
  },
  {
    title: 'Pass: InputPath a number',
    text: sm({ A: { Type: 'Pass', InputPath: 5, End: true } }),
    want: [w('field-value', '/States/A/InputPath', 'Expected value of type [STRING, NULL]', '5', { hint: "The field 'InputPath' must be a string or null, got 5." })],
  },
  {
    title: 'Pass: Assign an array',
    text: sm({ A: { Type: 'Pass', Assign: ['x'], End: true } }),
    want: [w('field-value', '/States/A/Assign', 'Expected value of type [OBJECT]', '["x"]', { hint: "The field 'Assign' must be an object, got an array." })],
  },

  // ---- Next / End
  { title: 'Next and End', text: sm({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } }), want: [w('next-or-end', '/States/A', "Only one of 'Next', 'End' may be set", '"End"')] },
  {
    title: 'neither Next nor End',
    text: sm({ A: { Type: 'Task', Resource: LAMBDA } }),
    want: [w('next-or-end', '/States/A', `A Task state must have either 'Next' or '"End": true'`, '"A"', { nth: 2 })],
  },
  {
    title: 'End false without Next',
    text: sm({ A: { Type: 'Wait', Seconds: 1, End: false } }),
    want: [w('next-or-end', '/States/A', `'"End": false' does not end the state and there is no 'Next'`, 'false', { hint: "Set 'Next' to the state that follows, or 'End' to true." })],
  },
  {
    title: 'End a string',
    text: sm({ A: { Type: 'Pass', End: 'true' } }),
    want: [w('field-value', '/States/A/End', 'Expected value of type [BOOLEAN]', '"true"', { hint: `The field 'End' must be a boolean (true or false), got "true".` })],
  },
  {
    title: 'Next misspelt (no second finding for the missing Next)',
    text: sm({ A: { Type: 'Pass', Nxt: 'B' }, B: { Type: 'Succeed' } }),
    want: [w('field-not-supported', '/States/A', "Field 'Nxt' is not supported", '"Nxt"', { hint: "(did you mean 'Next'?)" })],
  },
  {
    title: 'Next a number',
    text: sm({ A: { Type: 'Pass', Next: 2 } }),
    want: [w('field-value', '/States/A/Next', 'Expected value of type [STRING]', '2', { hint: "The field 'Next' must be a string, got 2." })],
  },

  // ---- Wait
  {
    title: 'Wait: Seconds and Timestamp',
    text: sm({ A: { Type: 'Wait', Seconds: 5, Timestamp: '2026-01-01T00:00:00Z', End: true } }),
    want: [w('field-exclusive', '/States/A/Seconds', "Only one of 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath' may be set", '"Seconds"', { hint: "(found 'Seconds' and 'Timestamp')" })],
  },
  {
    title: 'Wait: no duration',
    text: sm({ A: { Type: 'Wait', End: true } }),
    want: [w('field-required', '/States/A', 'One of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]', '"A"', { nth: 2 })],
  },
  {
    title: 'Wait: Timestamp with a space',
    text: sm({ A: { Type: 'Wait', Timestamp: '2016-03-14 01:59:00', End: true } }),
    want: [
      w('field-value', '/States/A/Timestamp', 'String does not match RFC3339 timestamp', '"2016-03-14 01:59:00"', {
        hint: "(write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
  {
    title: 'Wait: Timestamp with a lower-case t',
    text: sm({ A: { Type: 'Wait', Timestamp: '2016-03-14t01:59:00Z', End: true } }),
    want: [
      w('field-value', '/States/A/Timestamp', 'String does not match RFC3339 timestamp', '"2016-03-14t01:59:00Z"', {
        hint: "(write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
  {
    title: 'Wait: Timestamp without zone',
    text: sm({ A: { Type: 'Wait', Timestamp: '2016-03-14T01:59:00', End: true } }),
    want: [
      w('field-value', '/States/A/Timestamp', 'String does not match RFC3339 timestamp', '"2016-03-14T01:59:00"', {
        hint: "(write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
  {
    title: 'Wait: Seconds negative',
    text: sm({ A: { Type: 'Wait', Seconds: -5, End: true } }),
    want: [w('field-value', '/States/A/Seconds', 'Minimum value is 0', '-5', { hint: "The field 'Seconds' must be an integer from 0 to 99999999, got -5." })],
  },
  {
    title: 'Wait (JSONata): SecondsPath (no second finding for the missing duration)',
    text: sm({ A: { Type: 'Wait', SecondsPath: '$.s', End: true } }, jsonata),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'SecondsPath' is only supported for the 'JSONPath' QueryLanguage", '"SecondsPath"')],
  },
  {
    title: 'Wait (JSONata): Timestamp neither RFC 3339 nor JSONata',
    text: sm({ A: { Type: 'Wait', Timestamp: 'tomorrow', End: true } }, jsonata),
    want: [
      w('field-value', '/States/A/Timestamp', 'String does not match RFC3339 timestamp', '"tomorrow"', {
        hint: "(write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
  {
    title: 'Wait (JSONata): Seconds a JSONata expression without its closing delimiter',
    text: sm({ A: { Type: 'Wait', Seconds: '{% $x', End: true } }, jsonata),
    want: [w('field-value', '/States/A/Seconds', `The field 'Seconds' must be an integer from 0 to 99999999 or a JSONata expression ({% ... %}), got "{% $x"`, '"{% $x"')],
  },

  // ---- Succeed / Fail
  {
    title: 'Succeed: Next',
    text: sm({ A: { Type: 'Succeed', Next: 'A' } }),
    want: [w('field-not-supported', '/States/A', "Field 'Next' is not supported", '"Next"', { hint: '(a Succeed state is always a terminal state)' })],
  },
  {
    title: 'Succeed (JSONata): OutputPath',
    text: sm({ A: { Type: 'Succeed', OutputPath: '$.a' } }, jsonata),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'OutputPath' is only supported for the 'JSONPath' QueryLanguage", '"OutputPath"')],
  },
  {
    title: 'Fail: End',
    text: sm({ A: { Type: 'Fail', Error: 'E', End: true } }),
    want: [w('field-not-supported', '/States/A', "Field 'End' is not supported", '"End"', { hint: '(a Fail state is always a terminal state)' })],
  },
  {
    title: 'Fail: Cause and CausePath',
    text: sm({ A: { Type: 'Fail', Cause: 'c', CausePath: '$.c' } }),
    want: [w('field-exclusive', '/States/A/Cause', "Only one of 'Cause', 'CausePath' may be set", '"Cause"')],
  },
  {
    title: 'Fail: InputPath',
    text: sm({ A: { Type: 'Fail', InputPath: '$' } }),
    want: [w('field-not-supported', '/States/A', "Field 'InputPath' is not supported", '"InputPath"', { hint: '(it is supported on Task, Wait, Pass, Succeed, Choice, Parallel and Map states)' })],
  },
  {
    title: 'Fail: Error a number',
    text: sm({ A: { Type: 'Fail', Error: 500 } }),
    want: [w('field-value', '/States/A/Error', 'Expected value of type [STRING]', '500', { hint: "The field 'Error' must be a string, got 500." })],
  },
  {
    title: 'Fail (JSONata): ErrorPath',
    text: sm({ A: { Type: 'Fail', ErrorPath: '$.e' } }, jsonata),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'ErrorPath' is only supported for the 'JSONPath' QueryLanguage", '"ErrorPath"')],
  },

  // ---- Choice
  {
    title: 'Choice: Choices missing',
    text: sm({ A: { Type: 'Choice', Default: 'B' }, B: { Type: 'Succeed' } }),
    want: [w('field-required', '/States/A', 'These fields are required: [Choices]', '"A"', { nth: 2 })],
  },
  {
    title: 'Choice: Choices empty',
    text: sm({ A: { Type: 'Choice', Choices: [], Default: 'B' }, B: { Type: 'Succeed' } }),
    want: [w('choice-rule', '/States/A/Choices', 'Value cannot be empty', '[]', { hint: "('Choices' needs at least one item)" })],
  },
  {
    title: 'Choice: Next at state level',
    text: sm({ A: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'B' }], Next: 'B' }, B: { Type: 'Succeed' } }),
    want: [w('field-not-supported', '/States/A', "Field 'Next' is not supported", '"Next"', { nth: 2, hint: "(a Choice state moves on through the 'Next' of its rules and its 'Default')" })],
  },
  {
    title: 'Choice rule: two operators',
    text: sm({ A: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: 'x', StringMatches: 'x*', Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [w('choice-rule', '/States/A/Choices[0]', "Each Choice rule can only have one comparison operator, found 'StringEquals', 'StringMatches'", '"StringMatches"')],
  },
  {
    title: 'Choice rule: operator without Variable',
    text: sm({ A: { Type: 'Choice', Choices: [{ NumericGreaterThan: 1, Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [w('choice-rule', '/States/A/Choices[0]', "The comparison operator 'NumericGreaterThan' needs a 'Variable' (the path of the value to compare)", '"NumericGreaterThan"')],
  },
  {
    title: 'Choice rule: Variable without operator',
    text: sm({ A: { Type: 'Choice', Choices: [{ Variable: '$.a', Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [
      w(
        'choice-rule',
        '/States/A/Choices[0]',
        "The Choice rule has a 'Variable' but no comparison operator (such as 'StringEquals', 'NumericGreaterThan' or 'IsPresent')",
        '{"Variable":"$.a","Next":"B"}',
      ),
    ],
  },
  {
    title: 'Choice rule: nothing to test',
    text: sm({ A: { Type: 'Choice', Choices: [{ Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [
      w(
        'choice-rule',
        '/States/A/Choices[0]',
        "A Choice rule must be a comparison ('Variable' with an operator such as 'StringEquals') or a Boolean expression ('And', 'Or' or 'Not')",
        '{"Next":"B"}',
      ),
    ],
  },
  {
    title: 'Choice rule: And with Variable',
    text: sm({ A: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', IsNull: false }], Variable: '$.b', Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [
      w(
        'choice-rule',
        '/States/A/Choices[0]',
        "A Choice rule is either a comparison ('Variable' with one operator) or a Boolean expression ('And', 'Or', 'Not'), not both: found 'And', 'Variable'",
        '"And"',
      ),
    ],
  },
  {
    title: 'Choice rule: And and Or',
    text: sm({ A: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', IsNull: false }], Or: [{ Variable: '$.a', IsNull: true }], Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [w('choice-rule', '/States/A/Choices[0]', "Only one of 'And', 'Or', 'Not' may be set", '"Or"')],
  },
  {
    title: 'Choice rule: And empty, Next missing',
    text: sm({ A: { Type: 'Choice', Choices: [{ And: [] }], Default: 'B' }, B: { Type: 'Succeed' } }),
    want: [
      w('choice-rule', '/States/A/Choices[0]', 'These fields are required: [Next]', '{"And":[]}'),
      w('choice-rule', '/States/A/Choices[0]/And', 'Value cannot be empty', '[]', { hint: "('And' needs at least one item)" }),
    ],
  },
  {
    title: 'Choice rule: operator values of the wrong type',
    text: sm({
      A: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.n', NumericEquals: '5', Next: 'B' },
          { Variable: '$.b', BooleanEquals: 'true', Next: 'B' },
          { Variable: '$.p', IsPresent: 1, Next: 'B' },
        ],
      },
      B: { Type: 'Succeed' },
    }),
    want: [
      w('choice-rule', '/States/A/Choices[0]/NumericEquals', 'Expected value of type [NUMBER]', '"5"', { hint: `The field 'NumericEquals' must be a number, got "5".` }),
      w('choice-rule', '/States/A/Choices[1]/BooleanEquals', 'Expected value of type [BOOLEAN]', '"true"', { hint: `The field 'BooleanEquals' must be a boolean (true or false), got "true".` }),
      w('choice-rule', '/States/A/Choices[2]/IsPresent', 'Expected value of type [BOOLEAN]', '1', { hint: "The field 'IsPresent' must be a boolean (true or false), got 1." }),
    ],
  },
  {
    title: 'Choice rule: timestamp operator with a date only',
    text: sm({ A: { Type: 'Choice', Choices: [{ Variable: '$.t', TimestampGreaterThan: '2016-03-14', Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [
      w('choice-rule', '/States/A/Choices[0]/TimestampGreaterThan', 'String does not match RFC3339 timestamp', '"2016-03-14"', {
        hint: "(write 'TimestampGreaterThan' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
  {
    title: 'Choice rule: nested rule with Next and Assign',
    text: sm({ A: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', IsPresent: true, Next: 'B', Assign: { x: 1 } }, Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [
      w('choice-rule', '/States/A/Choices[0]/Not', "Field 'Next' is not supported", '"Next"', { hint: "(a Choice rule inside 'And', 'Or' or 'Not' cannot have 'Next')" }),
      w('choice-rule', '/States/A/Choices[0]/Not', "Field 'Assign' is not supported", '"Assign"', { hint: "(a Choice rule inside 'And', 'Or' or 'Not' cannot have 'Assign')" }),
    ],
  },
  {
    title: 'Choice rule: deep nesting, misspelt operator',
    text: sm({ A: { Type: 'Choice', Choices: [{ Or: [{ And: [{ Variable: '$.a', StringEqual: 'x' }] }], Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [w('choice-rule', '/States/A/Choices[0]/Or[0]/And[0]', "Field 'StringEqual' is not supported", '"StringEqual"', { hint: "(did you mean 'StringEquals'?)" })],
  },
  {
    title: 'Choice rule: Condition in a JSONPath state',
    text: sm({ A: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'B' }] }, B: { Type: 'Succeed' } }),
    want: [w('query-language', '/States/A/Choices[0]/Condition', "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage", '"Condition"')],
  },
  {
    title: 'Choice rule (JSONata): Variable and operator, no Condition',
    text: sm({ A: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: 'x', Next: 'B' }] }, B: { Type: 'Succeed' } }, jsonata),
    want: [
      w('query-language', '/States/A/Choices[0]/Variable', "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage", '"Variable"'),
      w('query-language', '/States/A/Choices[0]/StringEquals', "The QueryLanguage is set to 'JSONata', but field 'StringEquals' is only supported for the 'JSONPath' QueryLanguage", '"StringEquals"'),
    ],
  },
  {
    title: 'Choice rule (JSONata): Condition a number, Next missing',
    text: sm({ A: { Type: 'Choice', Choices: [{ Condition: 1 }], Default: 'B' }, B: { Type: 'Succeed' } }, jsonata),
    want: [
      w('choice-rule', '/States/A/Choices[0]', 'These fields are required: [Next]', '{"Condition":1}'),
      w('choice-rule', '/States/A/Choices[0]/Condition', "The field 'Condition' must be a boolean (true or false) or a JSONata expression ({% ... %}), got 1", '1'),
    ],
  },

  // ---- Retry / Catch
  {
    title: 'Retry: BackoffRate, MaxAttempts, IntervalSeconds, MaxDelaySeconds, JitterStrategy',
    text: sm({ A: task({ Retry: [{ ErrorEquals: ['X'], BackoffRate: 0.5, MaxAttempts: -1, IntervalSeconds: 0, MaxDelaySeconds: 31622401, JitterStrategy: 'HALF' }] }) }),
    want: [
      w('retry-catch', '/States/A/Retry[0]/BackoffRate', 'Minimum value is 1', '0.5', { hint: "The field 'BackoffRate' must be a number of at least 1.0, got 0.5." }),
      w('retry-catch', '/States/A/Retry[0]/MaxAttempts', 'Minimum value is 0', '-1', { hint: "The field 'MaxAttempts' must be an integer from 0 to 99999999, got -1." }),
      w('retry-catch', '/States/A/Retry[0]/IntervalSeconds', 'Minimum value is 1', '0', { nth: 2, hint: "The field 'IntervalSeconds' must be an integer from 1 to 99999999, got 0." }),
      w('retry-catch', '/States/A/Retry[0]/MaxDelaySeconds', 'Maximum value is 31622400', '31622401', { hint: "The field 'MaxDelaySeconds' must be an integer from 1 to 31622400, got 31622401." }),
      w('retry-catch', '/States/A/Retry[0]/JitterStrategy', 'Value should be one of the following: [FULL, NONE]', '"HALF"', { hint: `('JitterStrategy' is "HALF")` }),
    ],
  },
  {
    title: 'Retry: ErrorEquals missing',
    text: sm({ A: task({ Retry: [{ MaxAttempts: 2 }] }) }),
    want: [w('retry-catch', '/States/A/Retry[0]', 'These fields are required: [ErrorEquals]', '{"MaxAttempts":2}')],
  },
  {
    title: 'Retry: ErrorEquals empty',
    text: sm({ A: task({ Retry: [{ ErrorEquals: [] }] }) }),
    want: [w('retry-catch', '/States/A/Retry[0]/ErrorEquals', 'Value cannot be empty', '[]', { hint: "('ErrorEquals' needs at least one item)" })],
  },
  {
    title: 'Retry: ErrorEquals with a number',
    text: sm({ A: task({ Retry: [{ ErrorEquals: ['X', 5] }] }) }),
    want: [w('retry-catch', '/States/A/Retry[0]/ErrorEquals[1]', 'Expected value of type [STRING]', '5', { hint: "The field 'ErrorEquals[1]' must be a string, got 5." })],
  },
  {
    title: 'Retry: not an array',
    text: sm({ A: task({ Retry: { ErrorEquals: ['X'] } }) }),
    want: [w('retry-catch', '/States/A/Retry', 'Expected value of type [ARRAY]', '{"ErrorEquals":["X"]}', { hint: "The field 'Retry' must be an array, got an object." })],
  },
  {
    title: 'Retry: unknown field',
    text: sm({ A: task({ Retry: [{ ErrorEquals: ['X'], Backoff: 2 }] }) }),
    want: [w('retry-catch', '/States/A/Retry[0]', "Field 'Backoff' is not supported", '"Backoff"', { hint: "(did you mean 'BackoffRate'?)" })],
  },
  {
    title: 'Retry: States.ALL with others, not last',
    text: sm({ A: task({ Retry: [{ ErrorEquals: ['States.Timeout', 'States.ALL'] }, { ErrorEquals: ['X'] }] }) }),
    want: [
      w('retry-catch', '/States/A/Retry[0]/ErrorEquals[1]', 'States.ALL must appear alone and at end of list', '"States.ALL"', {
        hint: "(it is not the only error name in its 'ErrorEquals', and its retrier is not the last one in 'Retry')",
      }),
    ],
  },
  {
    title: 'Catch: catch-all first; Next missing',
    text: sm({ A: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B' }, { ErrorEquals: ['X'] }] }), B: { Type: 'Succeed' } }),
    want: [
      w('retry-catch', '/States/A/Catch[0]/ErrorEquals[0]', 'States.ALL must appear alone and at end of list', '"States.ALL"', { hint: "(its catcher is not the last one in 'Catch')" }),
      w('retry-catch', '/States/A/Catch[1]', 'These fields are required: [Next]', '{"ErrorEquals":["X"]}'),
    ],
  },
  {
    title: 'Catch: Output in a JSONPath state',
    text: sm({ A: task({ Catch: [{ ErrorEquals: ['X'], Next: 'A', Output: {} }] }) }),
    want: [w('query-language', '/States/A/Catch[0]/Output', "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '"Output"')],
  },
  {
    title: 'Catch (JSONata): ResultPath',
    text: sm({ A: task({ Catch: [{ ErrorEquals: ['X'], Next: 'A', ResultPath: '$.e' }] }) }, jsonata),
    want: [w('query-language', '/States/A/Catch[0]/ResultPath', "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage", '"ResultPath"')],
  },
  {
    title: 'Retry (JSONata): MaxAttempts as JSONata is not supported',
    text: sm({ A: task({ Retry: [{ ErrorEquals: ['X'], MaxAttempts: '{% 3 %}' }] }) }, jsonata),
    want: [
      w('retry-catch', '/States/A/Retry[0]/MaxAttempts', 'Expected value of type [INTEGER]', '"{% 3 %}"', { hint: `The field 'MaxAttempts' must be an integer from 0 to 99999999, got "{% 3 %}".` }),
    ],
  },

  // ---- Parallel
  { title: 'Parallel: Branches missing', text: sm({ A: { Type: 'Parallel', End: true } }), want: [w('field-required', '/States/A', 'These fields are required: [Branches]', '"A"', { nth: 2 })] },
  {
    title: 'Parallel: Branches empty',
    text: sm({ A: { Type: 'Parallel', Branches: [], End: true } }),
    want: [w('field-value', '/States/A/Branches', 'Value cannot be empty', '[]', { hint: "('Branches' needs at least one item)" })],
  },
  {
    title: 'Parallel: a branch without StartAt, a branch that is not an object',
    text: sm({ A: { Type: 'Parallel', Branches: [{ States: { B: { Type: 'Succeed' } } }, 'x'], End: true } }),
    want: [
      w('root-structure', '/States/A/Branches[0]', 'These fields are required: [StartAt]', '{"States":{"B":{"Type":"Succeed"}}}'),
      w('root-structure', '/States/A/Branches[1]', 'Expected value of type [OBJECT]', '"x"', { hint: `The field 'Branches[1]' must be an object, got "x".` }),
    ],
  },
  {
    title: 'Parallel: QueryLanguage on a branch',
    text: sm({ A: { Type: 'Parallel', Branches: [{ QueryLanguage: 'JSONata', StartAt: 'B', States: { B: { Type: 'Succeed' } } }], End: true } }),
    want: [w('query-language', '/States/A/Branches[0]', "Field 'QueryLanguage' is not supported", '"QueryLanguage"')],
  },
  {
    title: 'Parallel: a state inside a branch',
    text: sm({ A: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Reslt: 1, End: true } } }], End: true } }),
    want: [w('field-not-supported', '/States/A/Branches[0]/States/B', "Field 'Reslt' is not supported", '"Reslt"', { hint: "(did you mean 'Result'?)" })],
  },
  {
    title: 'Parallel (JSONata): ResultSelector',
    text: sm({ A: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } } }], ResultSelector: {}, End: true } }, jsonata),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'ResultSelector' is only supported for the 'JSONPath' QueryLanguage", '"ResultSelector"')],
  },

  // ---- Map
  {
    title: 'Map: no ItemProcessor',
    text: sm({ A: { Type: 'Map', End: true } }),
    want: [w('field-required', '/States/A', 'One of these fields is required: [ItemProcessor, Iterator]', '"A"', { nth: 2 })],
  },
  {
    title: 'Map: ItemProcessor and Iterator',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, Iterator: processor, End: true } }),
    want: [w('field-exclusive', '/States/A/ItemProcessor', "Only one of 'ItemProcessor', 'Iterator' may be set", '"ItemProcessor"')],
  },
  {
    title: 'Map: QueryLanguage on the ItemProcessor, StartAt missing',
    text: sm({ A: { Type: 'Map', ItemProcessor: { QueryLanguage: 'JSONata', States: { P: { Type: 'Succeed' } } }, End: true } }),
    want: [
      w('root-structure', '/States/A/ItemProcessor', 'These fields are required: [StartAt]', '"ItemProcessor"'),
      w('query-language', '/States/A/ItemProcessor', "Field 'QueryLanguage' is not supported", '"QueryLanguage"'),
    ],
  },
  {
    title: 'Map: QueryLanguage on the Iterator',
    text: sm({ A: { Type: 'Map', Iterator: { QueryLanguage: 'JSONPath', ...processor }, End: true } }),
    want: [w('query-language', '/States/A/Iterator', "Field 'QueryLanguage' is not supported", '"QueryLanguage"')],
  },
  {
    title: 'Map: Mode misspelt, with its fix',
    text: sm({ A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'Distributed', ExecutionType: 'STANDARD' }, ...processor }, End: true } }),
    want: [
      w('field-value', '/States/A/ItemProcessor/ProcessorConfig/Mode', 'Value should be one of the following: [INLINE, DISTRIBUTED]', '"Distributed"', {
        hint: "('Mode': did you mean 'DISTRIBUTED'?)",
      }),
    ],
  },
  {
    title: 'Map: DISTRIBUTED without ExecutionType',
    text: sm({ A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, ...processor }, End: true } }),
    want: [w('field-required', '/States/A/ItemProcessor/ProcessorConfig', "The field 'ExecutionType' is required when 'Mode' is 'DISTRIBUTED'", '"Mode"')],
  },
  {
    title: 'Map: ExecutionType misspelt',
    text: sm({ A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRES' }, ...processor }, End: true } }),
    want: [
      w('field-value', '/States/A/ItemProcessor/ProcessorConfig/ExecutionType', 'Value should be one of the following: [STANDARD, EXPRESS]', '"EXPRES"', {
        hint: "('ExecutionType': did you mean 'EXPRESS'?)",
      }),
    ],
  },
  {
    title: 'Map: MaxConcurrency negative, ToleratedFailurePercentage out of range, Label a number',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, MaxConcurrency: -1, ToleratedFailurePercentage: 100.5, Label: 7, End: true } }),
    want: [
      w('field-value', '/States/A/MaxConcurrency', 'Minimum value is 0', '-1', { hint: "The field 'MaxConcurrency' must be an integer of at least 0, got -1." }),
      w('field-value', '/States/A/ToleratedFailurePercentage', 'Maximum value is 100', '100.5', { hint: "The field 'ToleratedFailurePercentage' must be a number from 0.0 to 100.0, got 100.5." }),
      w('field-value', '/States/A/Label', 'Expected value of type [STRING]', '7', { hint: "The field 'Label' must be a string, got 7." }),
    ],
  },
  {
    title: 'Map: paths and their literals together',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, MaxConcurrency: 1, MaxConcurrencyPath: '$.m', ToleratedFailureCount: 1, ToleratedFailureCountPath: '$.c', End: true } }),
    want: [
      w('field-exclusive', '/States/A/MaxConcurrency', "Only one of 'MaxConcurrency', 'MaxConcurrencyPath' may be set", '"MaxConcurrency"'),
      w('field-exclusive', '/States/A/ToleratedFailureCount', "Only one of 'ToleratedFailureCount', 'ToleratedFailureCountPath' may be set", '"ToleratedFailureCount"'),
    ],
  },
  {
    title: 'Map: ItemReader without Resource, bad ReaderConfig',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, ItemReader: { Parameters: { Bucket: 'b' }, ReaderConfig: { InputType: 'XML', CSVHeaderLocation: 'GIVEN', MaxItems: 0.5 } }, End: true } }),
    want: [
      w('field-required', '/States/A/ItemReader', 'These fields are required: [Resource]', '"ItemReader"'),
      w('field-value', '/States/A/ItemReader/ReaderConfig/InputType', 'Value should be one of the following: [CSV, JSON, JSONL, MANIFEST, PARQUET]', '"XML"', { hint: `('InputType' is "XML")` }),
      w('field-required', '/States/A/ItemReader/ReaderConfig', "The field 'CSVHeaders' is required when 'CSVHeaderLocation' is 'GIVEN'", '"CSVHeaderLocation"'),
      w('field-value', '/States/A/ItemReader/ReaderConfig/MaxItems', 'Expected value of type [INTEGER]', '0.5', { hint: "The field 'MaxItems' must be an integer of at least 0, got 0.5." }),
    ],
  },
  {
    title: 'Map: ItemBatcher with too many bytes (BatchInput alone is accepted, as measured)',
    text: sm({
      A: { Type: 'Map', ItemProcessor: processor, ItemBatcher: { BatchInput: {} }, End: true },
      B: { Type: 'Map', ItemProcessor: processor, ItemBatcher: { MaxInputBytesPerBatch: 300000 }, End: true },
    }),
    want: [
      w('field-value', '/States/B/ItemBatcher/MaxInputBytesPerBatch', 'Maximum value is 262144', '300000', {
        hint: "The field 'MaxInputBytesPerBatch' must be an integer from 1 to 262144, got 300000.",
      }),
    ],
  },
  {
    title: 'Map: WriterConfig without OutputType',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, ResultWriter: { WriterConfig: { Transformation: 'NONE' } }, End: true } }),
    want: [w('field-required', '/States/A/ResultWriter/WriterConfig', 'These fields are required: [OutputType]', '"WriterConfig"')],
  },
  {
    title: 'Map: ResultWriter with a bad WriterConfig',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, ResultWriter: { WriterConfig: { OutputType: 'CSV', Transform: 'NONE' } }, End: true } }),
    want: [
      w('field-value', '/States/A/ResultWriter/WriterConfig/OutputType', 'Value should be one of the following: [JSON, JSONL]', '"CSV"', { hint: `('OutputType' is "CSV")` }),
      w('field-not-supported', '/States/A/ResultWriter/WriterConfig', "Field 'Transform' is not supported", '"Transform"', { hint: "(did you mean 'Transformation'?)" }),
    ],
  },
  {
    title: 'Map (JSONata): ItemsPath and ItemReader.Parameters',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, ItemsPath: '$.items', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: {} }, End: true } }, jsonata),
    want: [
      w('query-language', '/States/A', "The QueryLanguage is set to 'JSONata', but field 'ItemsPath' is only supported for the 'JSONPath' QueryLanguage", '"ItemsPath"'),
      w('query-language', '/States/A/ItemReader/Parameters', "The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported for the 'JSONPath' QueryLanguage", '"Parameters"'),
    ],
  },
  {
    title: 'Map (JSONata): Items a number, MaxConcurrency a plain string',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, Items: 5, MaxConcurrency: 'ten', End: true } }, jsonata),
    want: [
      w('field-value', '/States/A/Items', "The field 'Items' must be an array or a JSONata expression ({% ... %}), got 5", '5'),
      w('field-value', '/States/A/MaxConcurrency', `The field 'MaxConcurrency' must be an integer of at least 0 or a JSONata expression ({% ... %}), got "ten"`, '"ten"'),
    ],
  },
  {
    title: 'Map: Items in a JSONPath state',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, Items: [1, 2], End: true } }),
    want: [w('query-language', '/States/A', "The QueryLanguage is set to 'JSONPath', but field 'Items' is only supported for the 'JSONata' QueryLanguage", '"Items"')],
  },
  {
    title: 'Map: Arguments is not a Map field',
    text: sm({ A: { Type: 'Map', ItemProcessor: processor, Arguments: {}, End: true } }, jsonata),
    want: [w('field-not-supported', '/States/A', "Field 'Arguments' is not supported", '"Arguments"', { hint: '(it is supported on Task and Parallel states)' })],
  },
  {
    title: 'Map: a state inside the ItemProcessor, inherits the machine language',
    text: sm({ A: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: 1, End: true } } }, End: true } }),
    want: [w('query-language', '/States/A/ItemProcessor/States/P', "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '"Output"')],
  },

  // ---- QueryLanguage
  {
    title: 'a JSONPath state in a JSONata machine',
    text: sm({ A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } }, jsonata),
    want: [w('query-language', '/States/A', "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", '"JSONPath"')],
  },
  {
    title: 'a state QueryLanguage misspelt',
    text: sm({ A: { Type: 'Pass', QueryLanguage: 'JSONPATH', End: true } }),
    want: [w('query-language', '/States/A/QueryLanguage', 'Value should be one of the following: [JSONPath, JSONata]', '"JSONPATH"', { hint: "('QueryLanguage': did you mean 'JSONPath'?)" })],
  },

  // ---- nesting and YAML
  {
    title: 'deeply nested: Map in a Parallel branch, Retry in its processor',
    text: sm({
      P: {
        Type: 'Parallel',
        End: true,
        Branches: [
          {
            StartAt: 'M',
            States: { M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'T', States: { T: task({ Retry: [{ ErrorEquals: ['X'] }, { ErrorEquals: ['Y'], BackoffRate: 0 }] }) } } } },
          },
        ],
      },
    }),
    want: [
      w('retry-catch', '/States/P/Branches[0]/States/M/ItemProcessor/States/T/Retry[1]/BackoffRate', 'Minimum value is 1', '0', {
        hint: "The field 'BackoffRate' must be a number of at least 1.0, got 0.",
      }),
    ],
  },
  {
    title: 'YAML: state fields',
    format: 'yaml',
    text: ['StartAt: A', 'States:', '  A:', '    Type: Task', '    Resource: arn:aws:states:::lambda:invoke', '    TimeoutSeconds: "60"', '    Timeout: 5', '    End: true', ''].join('\n'),
    want: [
      w('field-value', '/States/A/TimeoutSeconds', 'Expected value of type [INTEGER]', '"60"', { hint: `The field 'TimeoutSeconds' must be an integer from 1 to 99999999, got "60".` }),
      w('field-not-supported', '/States/A', "Field 'Timeout' is not supported", 'Timeout', { nth: 2, hint: "(did you mean 'TimeoutSeconds'?)" }),
    ],
  },
  {
    title: 'YAML: Choice rule and Wait',
    format: 'yaml',
    text: [
      'StartAt: C',
      'States:',
      '  C:',
      '    Type: Choice',
      '    Choices:',
      '      - Variable: $.n',
      '        NumericEquals: "1"',
      '        Next: W',
      '  W:',
      '    Type: Wait',
      '    Timestamp: 2026-01-01',
      '    End: true',
      '',
    ].join('\n'),
    want: [
      w('choice-rule', '/States/C/Choices[0]/NumericEquals', 'Expected value of type [NUMBER]', '"1"', { hint: `The field 'NumericEquals' must be a number, got "1".` }),
      w('field-value', '/States/W/Timestamp', 'String does not match RFC3339 timestamp', '2026-01-01', {
        hint: "(write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
      }),
    ],
  },
];

const valid: [string, string, ('json' | 'yaml')?][] = [
  // Transformation has a default (Developer Guide, input-output-resultwriter); AWS's language service requires only OutputType.
  ['a WriterConfig with only OutputType', sm({ A: { Type: 'Map', ItemProcessor: processor, ResultWriter: { WriterConfig: { OutputType: 'JSON' } }, End: true } })],
  [
    'every state type (JSONPath)',
    sm(
      {
        T: task({
          End: undefined,
          Next: 'W',
          InputPath: null,
          OutputPath: '$',
          Parameters: { 'a.$': '$.a' },
          ResultSelector: { 'b.$': '$.b' },
          ResultPath: null,
          TimeoutSeconds: 60,
          HeartbeatSeconds: 10,
          Credentials: { 'RoleArn.$': '$.role' },
          Assign: { x: 1 },
          Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 0, BackoffRate: 1.5, MaxDelaySeconds: 10, JitterStrategy: 'NONE', Comment: 'c' }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.e', Assign: { y: 2 }, Next: 'F', Comment: 'c' }],
        }),
        W: { Type: 'Wait', TimestampPath: '$.t', Next: 'C' },
        C: {
          Type: 'Choice',
          InputPath: '$',
          Choices: [
            { Variable: '$.a', StringEqualsPath: '$.b', Assign: { z: 1 }, Next: 'P' },
            { Or: [{ Variable: '$.n', NumericLessThanEquals: 1.5 }, { Not: { Variable: '$$.Execution.Id', IsNull: true } }], Next: 'M' },
          ],
          Default: 'S',
        },
        P: { Type: 'Parallel', Branches: [{ StartAt: 'X', Comment: 'c', States: { X: { Type: 'Pass', Result: [1], ResultPath: '$.r', End: true } } }], ResultSelector: null, Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'v.$': '$$.Map.Item.Value' },
          MaxConcurrency: 0,
          Iterator: { StartAt: 'Y', States: { Y: { Type: 'Succeed', OutputPath: null } } },
          Next: 'S',
        },
        S: { Type: 'Succeed' },
        F: { Type: 'Fail', ErrorPath: '$.e', Cause: 'c' },
      },
      { Comment: 'all', Version: '1.0', TimeoutSeconds: 0, QueryLanguage: 'JSONPath' },
    ),
  ],
  [
    'every state type (JSONata)',
    sm(
      {
        T: task({
          End: undefined,
          Next: 'W',
          Arguments: '{% $states.input %}',
          Output: '{% $states.result %}',
          TimeoutSeconds: '{% $t %}',
          HeartbeatSeconds: 5,
          Credentials: { RoleArn: '{% $role %}' },
          Assign: { x: '{% 1 %}' },
          Retry: [{ ErrorEquals: ['States.ALL'], JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'F' }],
        }),
        W: { Type: 'Wait', Seconds: '{% $wait %}', Output: null, Next: 'W2' },
        W2: { Type: 'Wait', Timestamp: '2016-03-14T01:59:00.123+02:00', Next: 'C' },
        C: {
          Type: 'Choice',
          Output: {},
          Choices: [
            { Condition: '{% $x > 1 %}', Assign: { a: 1 }, Output: 1, Comment: 'c', Next: 'P' },
            { Condition: true, Next: 'M' },
          ],
          Default: 'S',
        },
        P: { Type: 'Parallel', Arguments: {}, Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Output: 1, End: true } } }], Next: 'M' },
        M: {
          Type: 'Map',
          Items: '{% [1, 2] %}',
          ItemSelector: '{% $states.context.Map.Item.Value %}',
          MaxConcurrency: '{% 2 %}',
          ToleratedFailurePercentage: '{% 5 %}',
          ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Succeed', Output: 1 } } },
          Next: 'S',
        },
        S: { Type: 'Succeed', Output: '{% 1 %}' },
        F: { Type: 'Fail', Error: '{% "E" %}', Cause: 'c' },
      },
      jsonata,
    ),
  ],
  [
    'a Distributed Map (JSONPath)',
    sm({
      M: {
        Type: 'Map',
        Label: 'Files',
        MaxConcurrency: 1000,
        ToleratedFailurePercentage: 5.5,
        ToleratedFailureCountPath: '$.c',
        ResultPath: null,
        End: true,
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a', 'b'], CSVDelimiter: 'SEMICOLON', MaxItemsPath: '$.max' },
          Parameters: { Bucket: 'b', Key: 'k' },
        },
        ItemBatcher: { MaxItemsPerBatch: 10, MaxInputBytesPerBatchPath: '$.bytes', BatchInput: { 'x.$': '$.x' } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' }, WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'P', States: { P: task() } },
      },
    }),
  ],
  [
    'a Distributed Map (JSONata)',
    sm(
      {
        M: {
          Type: 'Map',
          End: true,
          ToleratedFailureCount: '{% $n %}',
          ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: '{% $bucket %}' }, ReaderConfig: { MaxItems: '{% 100 %}' } },
          ItemBatcher: { MaxInputBytesPerBatch: 262144, BatchInput: '{% $x %}' },
          ResultWriter: { WriterConfig: { OutputType: 'JSON', Transformation: 'NONE' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'P', States: { P: { Type: 'Succeed' } } },
        },
      },
      jsonata,
    ),
  ],
  ['a JSONata state in a JSONPath machine', sm({ A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% 1 %}', Next: 'B' }, B: { Type: 'Pass', InputPath: '$', End: true } })],
  [
    'a Map state declares JSONata; its processor states follow the machine',
    sm({ A: { Type: 'Map', QueryLanguage: 'JSONata', Items: [1], ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$', End: true } } }, End: true } }),
  ],
  ['"End": false next to Next', sm({ A: { Type: 'Pass', Next: 'B', End: false }, B: { Type: 'Succeed' } })],
  [
    'placeholders stand for any value',
    sm(
      {
        A: {
          Type: 'Task',
          Resource: '${FnArn}',
          TimeoutSeconds: '${Timeout}',
          HeartbeatSeconds: '#{Heartbeat}',
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: '${MaxAttempts}', BackoffRate: '${Token[TOKEN.12]}', JitterStrategy: '${Jitter}' }],
          Next: 'W',
        },
        W: { Type: 'Wait', Seconds: '${Wait}', Next: 'M' },
        M: {
          Type: 'Map',
          MaxConcurrency: '${Concurrency}',
          ItemProcessor: { ProcessorConfig: { Mode: '${Mode}', ExecutionType: '${ExecType}' }, StartAt: 'P', States: { P: { Type: 'Succeed' } } },
          ItemSelector: '${Selector}',
          Next: 'X',
        },
        X: '${AWholeState}',
        Y: { Type: '${StateType}', Anything: 1 },
      },
      { TimeoutSeconds: '${MachineTimeout}' },
    ),
  ],
  [
    'timestamps',
    sm({
      A: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.t', TimestampEquals: '2016-03-14T01:59:00Z', Next: 'B' },
          { Variable: '$.t', TimestampLessThanEquals: '2016-12-31T23:59:60.5-08:00', Next: 'B' },
        ],
        Default: 'B',
      },
      B: { Type: 'Wait', Timestamp: '2016-03-14T01:59:00+00:00', End: true },
    }),
  ],
  [
    'accepted by AWS (measured): ItemBatcher with only BatchInput, empty Catch, bare Fail, Seconds 0, Iterator with DISTRIBUTED, ItemReader on an inline Map',
    sm({
      M: { Type: 'Map', ItemBatcher: { BatchInput: { a: 1 } }, Iterator: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor }, Next: 'N' },
      N: { Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: processor, Next: 'T' },
      T: task({ End: undefined, Next: 'W', Catch: [], Retry: [{ ErrorEquals: ['States.ALL'], Comment: 'c' }] }),
      W: { Type: 'Wait', Seconds: 0, Next: 'C' },
      C: { Type: 'Choice', Assign: { v: 1 }, Choices: [{ Variable: '$', IsPresent: true, Next: 'F' }] },
      F: { Type: 'Fail' },
    }),
  ],
  ['YAML', 'StartAt: A\nStates:\n  A:\n    Type: Wait\n    Seconds: 10\n    Next: B\n  B:\n    Type: Succeed\n', 'yaml'],
];

function schemaDiagnostics(text: string, format?: 'json' | 'yaml') {
  return lint(text, { format }).diagnostics.filter((d) => d.code === CODE);
}

function expected(c: Case) {
  return c.want.map((x) => {
    let offset = -1;
    for (let i = 0; i < (x.nth ?? 1); i++) offset = c.text.indexOf(x.at, offset + 1);
    if (offset < 0) throw new Error(`test error: '${x.at}' not found in the text of '${c.title}'`);
    const before = c.text.slice(0, offset).split('\n');
    return {
      rule: x.rule,
      code: CODE,
      location: x.location ?? undefined,
      message: x.message,
      lintMessage: withHint(x.message, x.hint),
      line: before.length,
      column: before[before.length - 1].length + 1,
      text: x.at,
    };
  });
}

/** What lint() reports (rule, range, message with its hint) next to AWS's part of the message (what validate() returns). */
function actual(c: Case) {
  const { analysis } = lint(c.text, { format: c.format });
  return analysis.findings
    .filter((f) => f.code === CODE)
    .map((f) => {
      const d = toDiagnostic(analysis.doc, f);
      return {
        rule: d.rule,
        code: d.code,
        location: d.location,
        message: f.message,
        lintMessage: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        text: c.text.slice(d.offset, d.offset + d.length),
      };
    })
    .sort(byPosition);
}

describe('schema: invalid definitions', () => {
  it('has at least 60 cases', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(60);
  });
  it.each(invalid.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const want = expected(c).sort(byPosition);
    expect(actual(c)).toEqual(want);
    if (c.format !== 'yaml') {
      // validate(): AWS's message alone, with AWS's location.
      const got = validate(c.text)
        .diagnostics.filter((d) => d.code === CODE)
        .map((d) => ({ location: d.location, message: d.message }));
      expect(got).toEqual(expect.arrayContaining(want.map((x) => ({ location: x.location, message: x.message }))));
      expect(got.length).toBe(want.length);
    }
  });
});

describe('schema: valid definitions', () => {
  it.each(valid)('%s', (_title, text, format) => {
    expect(schemaDiagnostics(text, format).map((d) => `${d.rule} ${d.location} ${d.message}`)).toEqual([]);
  });
});

describe('schema: quick fixes and data', () => {
  it('renames a misspelt field', () => {
    const text = sm({ A: task({ Timeout: 30 }) });
    const d = schemaDiagnostics(text)[0];
    expect(d.data).toEqual({ field: 'Timeout', suggestion: 'TimeoutSeconds' });
    const edit = d.fixes![0].edits[0];
    expect(text.slice(edit.offset, edit.offset + edit.length)).toBe('"Timeout"');
    expect(edit.newText).toBe('"TimeoutSeconds"');
  });
  it('replaces a misspelt enum value', () => {
    const text = sm({ A: { Type: 'Pass', QueryLanguage: 'jsonpath', End: true } });
    const edit = schemaDiagnostics(text)[0].fixes![0].edits[0];
    expect(text.slice(edit.offset, edit.offset + edit.length)).toBe('"jsonpath"');
    expect(edit.newText).toBe('"JSONPath"');
  });
  it('writes the fix the way the YAML document is written', () => {
    const plain = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Nxt: B\n  B:\n    Type: Succeed\n';
    expect(lint(plain, { format: 'yaml' }).diagnostics.find((d) => d.code === CODE)!.fixes![0].edits[0]).toEqual({ offset: plain.indexOf('Nxt'), length: 3, newText: 'Next' });
    const quoted =
      "StartAt: A\nStates:\n  A:\n    Type: Map\n    End: true\n    ItemProcessor:\n      ProcessorConfig: {Mode: 'distributed', ExecutionType: STANDARD}\n      StartAt: P\n      States: {P: {Type: Succeed}}\n";
    expect(lint(quoted, { format: 'yaml' }).diagnostics.find((d) => d.code === CODE)!.fixes![0].edits[0].newText).toBe("'DISTRIBUTED'");
  });
  it('renames the one misspelt field of a Credentials object without RoleArn', () => {
    const text = sm({ A: task({ Credentials: { Role: 'arn:aws:iam::123456789012:role/R' } }) });
    const d = schemaDiagnostics(text)[0];
    expect(d.message).toBe("The field 'RoleArn' is required but was missing (Credentials takes 'RoleArn' (or 'RoleArn.$' with a path); found 'Role' (did you mean 'RoleArn'?))");
    const edit = d.fixes![0].edits[0];
    expect(text.slice(edit.offset, edit.offset + edit.length)).toBe('"Role"');
    expect(edit.newText).toBe('"RoleArn"');
  });
  it('offers no fix without a suggestion', () => {
    expect(schemaDiagnostics(sm({ A: { Type: 'Pass', Bogus: 1, End: true } }))[0].fixes).toBeUndefined();
  });
});

describe('schema: validators', () => {
  it('are built once per process', () => {
    expect(getValidators()).toBe(getValidators());
    expect(['standalone', 'compiled']).toContain(validatorOrigin());
  });

  it('the generated module, when present, matches the schema (else run npm run build)', () => {
    const file = generatedModulePath();
    if (!existsSync(file)) return;
    const mod = createRequire(import.meta.url)(file) as { schemaHash: string };
    expect(mod.schemaHash).toBe(schemaHash());
  });

  describe('standalone code gives the same diagnostics as compiled validators', () => {
    // The generated code requires ajv's small runtime helpers: point those at this package's ajv.
    const req = createRequire(import.meta.url);
    const source = standaloneSource().replace(/require\("([^"]+)"\)/g, (_m, id: string) => `require(${JSON.stringify(req.resolve(id))})`);
    const file = join(mkdtempSync(join(tmpdir(), 'asl-schema-')), 'validators.cjs');
    writeFileSync(file, source);
    const standalone = req(file) as Validators;
    const compiled = compileValidators();
    afterAll(() => useValidators(undefined));

    it('exports every validator', () => {
      for (const name of VALIDATOR_NAMES) expect(typeof standalone[name]).toBe('function');
    });
    it.each(invalid.map((c) => [c.title, c] as const))('%s', (_title, c) => {
      useValidators(compiled, 'compiled');
      const reference = actual(c);
      useValidators(standalone, 'standalone');
      expect(actual(c)).toEqual(reference);
    });
  });
});

describe('schema: findings do not share state with the validators', () => {
  it('changing a diagnostic data array changes nothing for the next run (the keyword arguments are constants of the validator)', () => {
    const text = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "End": true}}}';
    const first = lint(text).diagnostics.find((d) => d.code === 'SCHEMA_VALIDATION_FAILED')!;
    expect(first.message).toBe('One of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]');
    const fields = (first.data as { fields: string[] }).fields;
    fields.push('MUTATED');
    fields.splice(0, 1);
    expect(lint(text).diagnostics.find((d) => d.code === 'SCHEMA_VALIDATION_FAILED')!.message).toBe(first.message);
    expect(validate('{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}').result).toBe('OK');
  });

  it('PASS_RESULT_IS_STATIC finds a .$ key at any depth of Result', () => {
    let inner = '{"k.$": "$.a"}';
    for (let i = 0; i < 250; i++) inner = `{"n": ${inner}}`;
    const text = `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": ${inner}, "End": true}}}`;
    const d = lint(text).diagnostics.filter((x) => x.code === 'PASS_RESULT_IS_STATIC');
    expect(d.map((x) => [x.location, text.slice(x.offset, x.offset + x.length)])).toEqual([['/States/P/Result', '"k.$"']]);
  });
});
