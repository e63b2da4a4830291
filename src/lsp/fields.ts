/**
 * What editors need to know about ASL's fields: where each is allowed (state type, query
 * language, nested object), what it means, what it accepts. Completion offers exactly the fields
 * allowed at the cursor; hover falls back to these texts when the JSON schema has no description.
 *
 * Where a field is allowed, in which query language only, and whether it is required come from
 * the JSON schema the engine validates with (schemas/asl.schema.json, through src/schema/
 * navigation.ts): this file lists each field once, with the texts for people, the order editors
 * show them in, and the facts the schema cannot say (deprecations, the enum-like values of
 * non-enum fields). test/lsp-fields.test.ts checks that the lists and the schema agree.
 */
import type { QueryLanguage } from '../types.js';
import { objectDefinition, objectProperties, resolveRef, schemaDefinitions, type Definitions, type SchemaNode } from '../schema/navigation.js';
import { CHOICE_OPERATORS, STATE_TYPES, stateTypeDoc } from '../lang/state-fields.js';
import { memo, perObject } from '../memo.js';

/** The shape of a value, for completion snippets. */
type ValueKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any' | 'state' | 'enum';

export interface FieldInfo {
  name: string;
  doc: string;
  /** What the value may be, said for a person. */
  accepts: string;
  kind: ValueKind;
  /** Only in objects of this query language (from the schema). */
  only?: QueryLanguage;
  /** From the schema: `required`, or the one field of an `aslRequireOne` group that is not deprecated. */
  required?: boolean;
  deprecated?: string;
  /** Allowed values, for enum-like fields. */
  values?: readonly string[];
  /** What each of `values` means (completion shows it). */
  valueDoc?: (value: string) => string | undefined;
  /** An array whose items completion offers from this list (ErrorEquals: the predefined error names). */
  itemValues?: readonly string[];
  /** Completion offers the Task resource ARN patterns (lang/resource.ts). */
  offers?: 'resource';
}

const STATE_NAME = 'the name of a state in the same States object';
const PATH = 'a JSONPath (`$.field`, `$$.Context`, `$variable`)';
const REF_PATH = 'a reference path (`$.field`) that selects a single node';
const JSONATA = 'a JSONata expression `{% ... %}`';

function f(name: string, kind: ValueKind, doc: string, accepts: string, extra: Partial<FieldInfo> = {}): FieldInfo {
  return { name, kind, doc, accepts, ...extra };
}

/**
 * Every state-level field, once, in the order completion offers them (each state type's fields in
 * a sensible order: the type's own fields after the common ones, Retry and Catch towards the end).
 * Which types allow which is the schema's.
 */
const FIELD_LIST: FieldInfo[] = [
  f('Type', 'enum', 'The state type.', STATE_TYPES.join(', '), { values: STATE_TYPES, valueDoc: stateTypeDoc }),
  f('Comment', 'string', 'A human-readable description of the state.', 'a string'),
  f('QueryLanguage', 'enum', "The query language of this state, overriding the state machine's. Default: the top-level QueryLanguage, else JSONPath.", ''),
  f('Next', 'state', 'The state to run after this one.', STATE_NAME),
  f('End', 'boolean', 'Makes this a terminal state: the execution (or branch, or iteration) ends here. Exactly one of Next and End.', 'true'),
  f('InputPath', 'string', 'Selects the part of the state input that the state works on.', PATH + ', or null for {}'),
  f('OutputPath', 'string', 'Selects the part of the state output passed to the next state.', PATH + ', or null for {}'),
  f('Resource', 'string', 'What the task runs: a Lambda function ARN, an activity ARN, or a service integration ARN (`arn:aws:states:::service:action`).', 'an ARN', { offers: 'resource' }),
  f('Branches', 'array', 'The branches to run in parallel, each a state machine with StartAt and States.', 'an array of {StartAt, States}'),
  f('ItemProcessor', 'object', 'The state machine run for each item, and its ProcessorConfig (INLINE or DISTRIBUTED mode).', '{ProcessorConfig, StartAt, States}'),
  f('Iterator', 'object', 'The state machine run for each item (the older name of ItemProcessor).', '{StartAt, States}', { deprecated: 'Use ItemProcessor.' }),
  f('Items', 'any', 'The array to iterate over.', 'an array, or ' + JSONATA),
  f('ItemsPath', 'string', 'Selects the array to iterate over from the state input. Default `$`.', REF_PATH),
  f('ItemSelector', 'object', 'Shapes each item before it is passed to the ItemProcessor (`$$.Map.Item.Value` is the item).', 'an object (payload template; JSONata: values may be expressions)'),
  f('Choices', 'array', 'Choice rules, evaluated in order; the first that matches decides the Next state.', 'a non-empty array of choice rules'),
  f('Default', 'state', 'The state to go to when no choice rule matches (otherwise the execution fails with States.NoChoiceMatched).', STATE_NAME),
  f('Seconds', 'number', 'How long to wait.', 'a non-negative integer (JSONata: or an expression)'),
  f('SecondsPath', 'string', 'Reads the number of seconds to wait from the state input.', REF_PATH),
  f('Timestamp', 'string', 'Wait until this time.', 'an RFC 3339 timestamp such as 2024-01-01T00:00:00Z (JSONata: or an expression)'),
  f('TimestampPath', 'string', 'Reads the timestamp to wait until from the state input.', REF_PATH),
  f('Error', 'string', 'The error name the execution fails with.', 'a string (JSONata: or an expression)'),
  f('ErrorPath', 'string', 'Reads the error name from the state input (or computes it with an intrinsic function).', 'a reference path or intrinsic function returning a string'),
  f('Cause', 'string', 'A human-readable cause of the failure.', 'a string (JSONata: or an expression)'),
  f('CausePath', 'string', 'Reads the cause from the state input (or computes it with an intrinsic function).', 'a reference path or intrinsic function returning a string'),
  f('Arguments', 'object', 'The input of the task or branches: JSON whose string values may be JSONata expressions.', 'an object, or ' + JSONATA),
  f('Parameters', 'object', 'The payload template sent as the task input (keys ending in `.$` are evaluated).', 'an object (payload template)'),
  f('Result', 'any', 'The fixed output of a Pass state (static JSON: keys ending in `.$` are not evaluated).', 'any JSON value'),
  f('ItemReader', 'object', 'Reads the items from a dataset in Amazon S3 (Distributed Map).', '{Resource, ReaderConfig, Parameters | Arguments}'),
  f('ItemBatcher', 'object', 'Groups items into batches for each child workflow (Distributed Map).', '{MaxItemsPerBatch, MaxInputBytesPerBatch, BatchInput}'),
  f('ResultWriter', 'object', 'Writes the child workflow results to Amazon S3 (Distributed Map).', '{Resource, Parameters | Arguments, WriterConfig}'),
  f('Credentials', 'object', 'An IAM role to assume for this task (cross-account tasks).', '{"RoleArn": "<role ARN>"}'),
  f('ResultSelector', 'object', 'A payload template applied to the raw result before ResultPath.', 'an object (payload template)'),
  f('ResultPath', 'string', 'Where to put the result in the state input; the combination becomes the state output.', REF_PATH + ', or null to discard the result'),
  f('Output', 'any', 'The state output: JSON whose string values may be JSONata expressions. Default: the result.', 'any JSON value, or ' + JSONATA),
  f('Assign', 'object', 'Variables to set: each key is a variable name, each value its new value.', 'an object of variable names to values'),
  f('Retry', 'array', 'Retriers, tried in order when the state fails with a matching error.', 'an array of {ErrorEquals, IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy}'),
  f('Catch', 'array', 'Catchers: when retries are exhausted, transition to Next with the error output.', 'an array of {ErrorEquals, Next, ResultPath | Output, Assign}'),
  f('TimeoutSeconds', 'number', 'The maximum time the task may run before failing with States.Timeout. Default 99999999 (about 3 years).', 'a positive integer (JSONata: or an expression)'),
  f('TimeoutSecondsPath', 'string', 'Reads TimeoutSeconds from the state input.', REF_PATH),
  f('HeartbeatSeconds', 'number', 'The maximum time between heartbeats from the task; must be smaller than TimeoutSeconds.', 'a positive integer (JSONata: or an expression)'),
  f('HeartbeatSecondsPath', 'string', 'Reads HeartbeatSeconds from the state input.', REF_PATH),
  f('MaxConcurrency', 'number', 'The upper bound of iterations running at once; 0 means no limit.', 'a non-negative integer (JSONata: or an expression)'),
  f('MaxConcurrencyPath', 'string', 'Reads MaxConcurrency from the state input.', REF_PATH),
  f('ToleratedFailureCount', 'number', 'How many failed items are tolerated before the Map run fails (Distributed Map).', 'a non-negative integer (JSONata: or an expression)'),
  f('ToleratedFailureCountPath', 'string', 'Reads ToleratedFailureCount from the state input.', REF_PATH),
  f('ToleratedFailurePercentage', 'number', 'The percentage of failed items tolerated before the Map run fails (Distributed Map).', 'a number from 0 to 100 (JSONata: or an expression)'),
  f('ToleratedFailurePercentagePath', 'string', 'Reads ToleratedFailurePercentage from the state input.', REF_PATH),
  f('Label', 'string', 'A name for the Map Run of a Distributed Map (up to 40 characters).', 'a string'),
];

const STATE_FIELDS: ReadonlyMap<string, FieldInfo> = new Map(FIELD_LIST.map((x) => [x.name, x]));

/** Fields a state of this type and query language may have (all types' fields when the type is unknown). */
export function stateFields(type: string | undefined, ql: QueryLanguage): FieldInfo[] {
  // One list per state type, one for "no Type" and one for every unknown type (whatever is typed there).
  const key = type === undefined ? '' : stateTypes(schemaDefinitions()).includes(type) ? type : '*';
  return [...stateFieldsOf(`${key}\u0000${ql}`)];
}

/**
 * The field lists are computed once per key (the schema does not change while the server runs),
 * one memo per key space (src/memo.ts): state fields by type and language, a state field's
 * facts by the field, an object's fields by kind and language.
 */
const stateFieldsOf = memo((typeAndLanguage: string): FieldInfo[] => {
  const [key, ql] = typeAndLanguage.split('\u0000') as [string, QueryLanguage];
  return computeStateFields(key, ql);
}, 64);

function computeStateFields(key: string, ql: QueryLanguage): FieldInfo[] {
  const defs = schemaDefinitions();
  const allowed = new Set(key === '' ? namesOf(defs, 'state') : key === '*' ? stateTypes(defs).flatMap((t) => namesOf(defs, `${t}.${ql}`)) : namesOf(defs, `${key}.${ql}`));
  const out: FieldInfo[] = [];
  for (const x of FIELD_LIST) {
    if (!allowed.has(x.name)) continue;
    const info = stateFieldFacts(x);
    out.push(key === 'Map' && x.name === 'Parameters' ? { ...info, deprecated: 'Use ItemSelector.' } : info);
  }
  return out;
}

/** Whether a field is allowed in a state of this type at all (either query language). */
export function isStateField(type: string | undefined, name: string): boolean {
  if (type === undefined) return false;
  const defs = schemaDefinitions();
  return stateTypes(defs).includes(type) && QUERY_LANGUAGES.some((ql) => namesOf(defs, `${type}.${ql}`).includes(name));
}

/** A state field with the schema's facts: JSONPath- or JSONata-only, required by the types that allow it. */
const stateFieldFacts = perObject((x: FieldInfo): FieldInfo => {
  const defs = schemaDefinitions();
  const where = stateTypes(defs).flatMap((t) => QUERY_LANGUAGES.filter((ql) => namesOf(defs, `${t}.${ql}`).includes(x.name)).map((ql) => `${t}.${ql}`));
  const languages = new Set(where.map((d) => d.slice(d.indexOf('.') + 1) as QueryLanguage));
  const required = where.some((d) => requiredIn(defs, d, STATE_FIELDS).has(x.name)) || requiredIn(defs, 'state', STATE_FIELDS).has(x.name);
  return withFacts(x, languages.size === 1 ? [...languages][0] : undefined, required, [...where, 'state']);
});

// ---------------------------------------------------------------------------------------------
// Objects nested in a state, and scope objects (the root, branches, processors).

const ERROR_NAMES = [
  'States.ALL',
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.Permissions',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
  'States.QueryEvaluationError',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

const ROOT: FieldInfo[] = [
  f('StartAt', 'state', 'The state the execution starts with.', STATE_NAME),
  f('States', 'object', 'The states, by name.', 'an object of state names to states'),
  f('Comment', 'string', 'A human-readable description of the state machine.', 'a string'),
  f('QueryLanguage', 'enum', 'The default query language of every state. Default JSONPath.', ''),
  f('TimeoutSeconds', 'number', 'The maximum time an execution may run before it fails with States.Timeout.', 'a positive integer'),
  f('Version', 'string', 'The version of the Amazon States Language.', '"1.0"'),
];
const SCOPE: FieldInfo[] = [ROOT[0], ROOT[1], ROOT[2]];
const PROCESSOR: FieldInfo[] = [...SCOPE, f('ProcessorConfig', 'object', 'How the items are processed: Mode INLINE (in this execution) or DISTRIBUTED (child executions).', '{Mode, ExecutionType}')];

const RETRIER: FieldInfo[] = [
  f('ErrorEquals', 'array', 'The error names this retrier handles; `States.ALL` matches any error and must be alone and last.', 'a non-empty array of error names', { itemValues: ERROR_NAMES }),
  f('IntervalSeconds', 'number', 'Seconds before the first retry. Default 1.', 'a positive integer'),
  f('MaxAttempts', 'number', 'The maximum number of retries; 0 means never retry. Default 3.', 'a non-negative integer'),
  f('BackoffRate', 'number', 'The multiplier of the retry interval at each attempt. Default 2.0.', 'a number >= 1.0'),
  f('MaxDelaySeconds', 'number', 'The upper bound of the retry interval.', 'a positive integer'),
  f('JitterStrategy', 'enum', 'FULL randomises the retry intervals; NONE (default) does not.', ''),
  f('Comment', 'string', 'A human-readable description.', 'a string'),
];
const CATCHER: FieldInfo[] = [
  f('ErrorEquals', 'array', 'The error names this catcher handles; `States.ALL` matches any error and must be alone and last.', 'a non-empty array of error names', { itemValues: ERROR_NAMES }),
  f('Next', 'state', 'The state to go to when this catcher matches.', STATE_NAME),
  f('ResultPath', 'string', 'Where to put the error output in the state input. Default `$` (replaces the input).', REF_PATH + ', or null'),
  f('Output', 'any', 'The output passed to Next (`$states.errorOutput` is the error).', 'any JSON value, or ' + JSONATA),
  f('Assign', 'object', 'Variables to set when this catcher matches.', 'an object of variable names to values'),
  f('Comment', 'string', 'A human-readable description.', 'a string'),
];

const OPERATORS: FieldInfo[] = [
  ...CHOICE_OPERATORS.filter((o) => o.path).flatMap((o) => {
    const kind: ValueKind = o.value === 'number' || o.value === 'boolean' ? o.value : 'string';
    return [
      f(o.name, kind, `True when the Variable's value ${describeOp(o.name)} this value.`, o.value === 'timestamp' ? 'an RFC 3339 timestamp' : `a ${kind}`),
      f(`${o.name}Path`, 'string', `True when the Variable's value ${describeOp(o.name)} the value at this path.`, REF_PATH),
    ];
  }),
  ...CHOICE_OPERATORS.filter((o) => !o.path).map(({ name: op, value }) =>
    value === 'pattern'
      ? f(op, 'string', 'True when the Variable matches this pattern; `*` matches any characters (escape with `\\\\*`).', 'a string pattern')
      : f(
          op,
          'boolean',
          `True when ${op === 'IsPresent' ? 'the Variable is present' : `the Variable's value ${op === 'IsNull' ? 'is null' : `is a ${op.slice(2).toLowerCase()}`}`} (when this is true).`,
          'true or false',
        ),
  ),
];
const RULE_BODY: FieldInfo[] = [
  f('Variable', 'string', 'The path of the value to compare.', PATH),
  ...OPERATORS,
  f('And', 'array', 'True when every rule in the array is true.', 'a non-empty array of choice rules'),
  f('Or', 'array', 'True when any rule in the array is true.', 'a non-empty array of choice rules'),
  f('Not', 'object', 'True when the rule is false.', 'a choice rule'),
];
const CHOICE_RULE: FieldInfo[] = [
  f('Condition', 'string', 'The rule matches when this expression is true.', JSONATA + ', or true/false'),
  ...RULE_BODY,
  f('Next', 'state', 'The state to go to when this rule matches.', STATE_NAME),
  f('Assign', 'object', 'Variables to set when this rule matches.', 'an object of variable names to values'),
  f('Output', 'any', 'The output passed to Next when this rule matches.', 'any JSON value, or ' + JSONATA),
  f('Comment', 'string', 'A human-readable description.', 'a string'),
];

function describeOp(op: string): string {
  const base = op.replace(/^(String|Numeric|Boolean|Timestamp)/, '');
  return (
    {
      Equals: 'equals',
      LessThan: 'is less than',
      GreaterThan: 'is greater than',
      LessThanEquals: 'is less than or equal to',
      GreaterThanEquals: 'is greater than or equal to',
    }[base] ?? base
  );
}

const PROCESSOR_CONFIG: FieldInfo[] = [
  f('Mode', 'enum', 'INLINE runs the iterations in this execution (up to 40 at once); DISTRIBUTED runs them as child executions (up to 10,000 at once).', ''),
  f('ExecutionType', 'enum', 'The type of the child executions (DISTRIBUTED mode).', ''),
];
const ITEM_READER: FieldInfo[] = [
  f('Resource', 'string', 'The S3 API the items are read with.', 'arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2', {
    values: ['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2'],
  }),
  f('ReaderConfig', 'object', 'The format of the dataset and how many items to read.', '{InputType, CSVHeaderLocation, CSVHeaders, MaxItems}'),
  f('Parameters', 'object', 'The S3 request (Bucket, Key or Prefix).', 'an object (payload template)'),
  f('Arguments', 'object', 'The S3 request (Bucket, Key or Prefix).', 'an object, or ' + JSONATA),
];
const READER_CONFIG: FieldInfo[] = [
  f('InputType', 'enum', 'The format of the dataset.', ''),
  f('CSVHeaderLocation', 'enum', 'Where the column names of a CSV file come from.', ''),
  f('CSVHeaders', 'array', 'The column names, when CSVHeaderLocation is GIVEN.', 'an array of strings'),
  f('CSVDelimiter', 'enum', 'The field separator of the CSV file.', ''),
  f('ManifestType', 'enum', 'The kind of manifest (InputType MANIFEST).', ''),
  f('MaxItems', 'number', 'Read at most this many items.', 'a non-negative integer (JSONata: or an expression)'),
  f('MaxItemsPath', 'string', 'Reads MaxItems from the state input.', REF_PATH),
];
const ITEM_BATCHER: FieldInfo[] = [
  f('MaxItemsPerBatch', 'number', 'The maximum number of items in one batch.', 'a positive integer (JSONata: or an expression)'),
  f('MaxItemsPerBatchPath', 'string', 'Reads MaxItemsPerBatch from the state input.', REF_PATH),
  f('MaxInputBytesPerBatch', 'number', 'The maximum size of one batch in bytes (up to 256 KiB).', 'a positive integer (JSONata: or an expression)'),
  f('MaxInputBytesPerBatchPath', 'string', 'Reads MaxInputBytesPerBatch from the state input.', REF_PATH),
  f('BatchInput', 'object', 'Fixed input added to every batch.', 'an object'),
];
const RESULT_WRITER: FieldInfo[] = [
  f('Resource', 'string', 'The S3 API the results are written with.', 'arn:aws:states:::s3:putObject', { values: ['arn:aws:states:::s3:putObject'] }),
  f('Parameters', 'object', 'Where to write (Bucket, Prefix).', 'an object (payload template)'),
  f('Arguments', 'object', 'Where to write (Bucket, Prefix).', 'an object, or ' + JSONATA),
  f('WriterConfig', 'object', 'The format of the results.', '{OutputType, Transformation}'),
];
const WRITER_CONFIG: FieldInfo[] = [f('OutputType', 'enum', 'The file format of the results.', ''), f('Transformation', 'enum', 'How much of each child result is written.', '')];
const CREDENTIALS: FieldInfo[] = [
  f('RoleArn', 'string', 'The ARN of the IAM role to assume.', 'an IAM role ARN (JSONata: or an expression)'),
  f('RoleArn.$', 'string', 'Reads the role ARN from the state input.', PATH),
];

export type ObjectKind =
  | 'root'
  | 'branch'
  | 'processor'
  | 'state'
  | 'retrier'
  | 'catcher'
  | 'choiceRule'
  | 'nestedRule'
  | 'processorConfig'
  | 'itemReader'
  | 'readerConfig'
  | 'itemBatcher'
  | 'resultWriter'
  | 'writerConfig'
  | 'credentials';

const BY_KIND: Record<Exclude<ObjectKind, 'state'>, FieldInfo[]> = {
  root: ROOT,
  branch: SCOPE,
  processor: PROCESSOR,
  retrier: RETRIER,
  catcher: CATCHER,
  choiceRule: CHOICE_RULE,
  // The schema allows a Comment in a nested rule too (the old matrix left it out).
  nestedRule: [...RULE_BODY, f('Comment', 'string', 'A human-readable description.', 'a string')],
  processorConfig: PROCESSOR_CONFIG,
  itemReader: ITEM_READER,
  readerConfig: READER_CONFIG,
  itemBatcher: ITEM_BATCHER,
  resultWriter: RESULT_WRITER,
  writerConfig: WRITER_CONFIG,
  credentials: CREDENTIALS,
};

/** Fields of a nested object kind, in the given query language. */
export function objectFields(kind: Exclude<ObjectKind, 'state'>, ql: QueryLanguage): FieldInfo[] {
  return objectFieldsOf(`${kind}\u0000${ql}`).filter((x) => !x.only || x.only === ql);
}

const objectFieldsOf = memo((kindAndLanguage: string): FieldInfo[] => {
  const [kind, ql] = kindAndLanguage.split('\u0000') as [Exclude<ObjectKind, 'state'>, QueryLanguage];
  return objectFieldFacts(kind, ql);
}, 64);

/**
 * The fields of an object kind with the schema's facts, as allowed by the definition of `ql`:
 * a field its other-language twin lacks is only of that language (every field of a nested
 * Choice rule is JSONPath-only: JSONata has no nested rules).
 */
function objectFieldFacts(kind: Exclude<ObjectKind, 'state'>, ql: QueryLanguage): FieldInfo[] {
  const defs = schemaDefinitions();
  const name = definitionOf(kind, undefined, ql);
  const names = namesOf(defs, name);
  const language = /\.(JSONPath|JSONata)(?:\.|$)/.exec(name)?.[1] as QueryLanguage | undefined;
  const twin = language && name.replace(`.${language}`, `.${language === 'JSONPath' ? 'JSONata' : 'JSONPath'}`);
  const twinNames = twin && defs[twin] ? namesOf(defs, twin) : [];
  const list = new Map(BY_KIND[kind].map((x) => [x.name, x]));
  const required = requiredIn(defs, name, list);
  return BY_KIND[kind].filter((x) => names.includes(x.name)).map((x) => withFacts(x, language && !twinNames.includes(x.name) ? language : undefined, required.has(x.name), [name]));
}

/**
 * The schema definition an object of this kind validates against (src/schema/findings.ts picks
 * the same for states; the nested objects follow the state's `$ref`s).
 */
export function definitionOf(kind: ObjectKind, stateType: string | undefined, ql: QueryLanguage): string {
  switch (kind) {
    case 'state':
      return stateType ? `${stateType}.${ql}` : 'state';
    case 'nestedRule':
      return 'choiceRule.JSONPath.nested';
    case 'choiceRule':
    case 'catcher':
    case 'itemReader':
    case 'readerConfig':
    case 'itemBatcher':
    case 'resultWriter':
    case 'credentials':
      return `${kind}.${ql}`;
    default:
      return kind;
  }
}

/** Looks a field up by the kind of object it is in (for hover and value completion). */
export function fieldInfo(kind: ObjectKind, name: string, stateType: string | undefined, ql: QueryLanguage): FieldInfo | undefined {
  if (kind === 'state') {
    const x = STATE_FIELDS.get(name);
    if (!x) return undefined;
    const info = stateFieldFacts(x);
    if (stateType === 'Map' && name === 'Parameters') return { ...info, deprecated: 'Use ItemSelector.' };
    return info;
  }
  const x = BY_KIND[kind].find((y) => y.name === name);
  if (!x) return undefined;
  // A field of the other language keeps its texts (hover says where it belongs).
  return objectFields(kind, ql).find((y) => y.name === name) ?? objectFieldFacts(kind, ql === 'JSONPath' ? 'JSONata' : 'JSONPath').find((y) => y.name === name) ?? x;
}

// ---------------------------------------------------------------------------------------------
// Reading the schema

const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

/** The state types, as the schema's `stateType` enum lists them. */
function stateTypes(defs: Definitions): string[] {
  return (defs.stateType?.enum as string[] | undefined) ?? [];
}

/** The fields an object definition allows (none for a definition the schema does not have). */
function namesOf(defs: Definitions, name: string): string[] {
  return Object.keys(objectProperties(defs, name));
}

/**
 * The fields a definition requires, as the editor presents them: its `required` list, and of each
 * `aslRequireOne` group (one of them is required) the one field that is not deprecated, when the
 * others are (Map's ItemProcessor, not Iterator).
 */
function requiredIn(defs: Definitions, name: string, fields: ReadonlyMap<string, FieldInfo>): Set<string> {
  const node = objectDefinition(defs, name);
  const out = new Set<string>((node?.required as string[] | undefined) ?? []);
  for (const group of (node?.aslRequireOne as string[][] | undefined) ?? []) {
    const current = group.filter((g) => !fields.get(g)?.deprecated);
    if (current.length === 1) out.add(current[0]);
  }
  return out;
}

/**
 * A field with the schema's facts. Its allowed values are the schema's `enum` (in the first of
 * `definitions` that declares the field), unless the list states values the schema cannot (the
 * state types in the editor's order, the S3 APIs of ItemReader); `accepts` left empty is said
 * from them ("FULL or NONE").
 */
function withFacts(x: FieldInfo, only: QueryLanguage | undefined, required: boolean, definitions: readonly string[]): FieldInfo {
  const out: FieldInfo = { ...x };
  if (only) out.only = only;
  if (required) out.required = true;
  if (!out.values) {
    const values = schemaEnum(definitions, x.name);
    if (values) out.values = values;
  }
  if (out.accepts === '' && out.values) out.accepts = inWords(out.values);
  return out;
}

/** The `enum` of a field in the first of these definitions that declares it, if it has one. */
function schemaEnum(definitions: readonly string[], field: string): readonly string[] | undefined {
  const defs = schemaDefinitions();
  for (const d of definitions) {
    const props = objectProperties(defs, d);
    if (!Object.hasOwn(props, field)) continue;
    const node = resolveRef(defs, props[field] as SchemaNode);
    return Array.isArray(node.enum) ? (node.enum as string[]) : undefined;
  }
  return undefined;
}

/** "A, B or C". */
function inWords(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * The kind of a state's nested object from its path relative to the state:
 * ['Retry', 0] is a retrier, ['Choices', 0, 'And', 1] a nested rule...
 */
export function nestedKind(stateType: string | undefined, rest: readonly (string | number)[]): Exclude<ObjectKind, 'state' | 'root' | 'branch' | 'processor'> | undefined {
  const [a, b, c] = rest;
  if (rest.length === 2 && typeof b === 'number') {
    if (a === 'Retry') return 'retrier';
    if (a === 'Catch') return 'catcher';
    if (a === 'Choices' && stateType === 'Choice') return 'choiceRule';
  }
  if (stateType === 'Choice' && a === 'Choices' && typeof b === 'number' && rest.length > 2) {
    // Below a top-level rule: And/Or items and Not objects are nested rules.
    const tail = rest.slice(2);
    let ok = true;
    for (let i = 0; i < tail.length;) {
      if ((tail[i] === 'And' || tail[i] === 'Or') && typeof tail[i + 1] === 'number') i += 2;
      else if (tail[i] === 'Not') i += 1;
      else {
        ok = false;
        break;
      }
    }
    if (ok) return 'nestedRule';
  }
  if (rest.length === 1) {
    if (a === 'ItemReader') return 'itemReader';
    if (a === 'ItemBatcher') return 'itemBatcher';
    if (a === 'ResultWriter') return 'resultWriter';
    if (a === 'Credentials') return 'credentials';
  }
  if (rest.length === 2 && a === 'ItemReader' && b === 'ReaderConfig') return 'readerConfig';
  if (rest.length === 2 && a === 'ResultWriter' && b === 'WriterConfig') return 'writerConfig';
  void c;
  return undefined;
}
