/**
 * ASL's facts about the fields that hold its small languages, stated once: which JSONPath fields
 * are paths (and of which kind), which are payload templates, which fields have a `...Path` twin,
 * and which fields of a JSONata state hold JSONata. The state types and their groups the model
 * needs too (terminal types, types with a result) are model/state-types.ts's, re-exported here.
 * lang/sites.ts collects the sites from these tables, the rules (no-path ...) and the editor read
 * them; test/state-fields.test.ts checks every entry against schemas/asl.schema.json (the field
 * matrix of asl-rules.md §4.1, AWS's own table), so the two cannot drift apart.
 */
import { isStateType, isTerminalType, RESULT_TYPES, STATE_TYPES, type StateType } from '../model/state-types.js';

export { isStateType, RESULT_TYPES, STATE_TYPES, type StateType } from '../model/state-types.js';

/** What each state type does, for people (the editor's completion and hover). */
const STATE_TYPE_DOCS: Readonly<Record<StateType, string>> = {
  Task: 'Runs one unit of work: a Lambda function, an activity, or an AWS service integration (`Resource`).',
  Pass: 'Passes its input to its output, optionally shaping it or injecting fixed data. Useful for scaffolding and reshaping.',
  Choice: 'Branches: evaluates `Choices` in order and transitions to the `Next` of the first that matches, else to `Default`.',
  Wait: 'Delays for `Seconds` or until `Timestamp` (one of them, or their `...Path` twins).',
  Succeed: 'Stops the execution (or the branch / iteration) successfully. Terminal: no `Next`, no `End`.',
  Fail: 'Stops the execution with `Error` and `Cause`. Terminal: no `Next`, no `End`.',
  Parallel: 'Runs its `Branches` (each a state machine of its own) at the same time; the output is the array of their outputs.',
  Map: 'Runs `ItemProcessor` (a state machine of its own) for each item of the input array, or of a dataset read by `ItemReader` (Distributed mode).',
};

/** What a state type does; undefined for a Type that is not one (own keys only: not 'constructor'). */
export function stateTypeDoc(type: string): string | undefined {
  return isStateType(type) ? STATE_TYPE_DOCS[type] : undefined;
}

/** The state types with InputPath and OutputPath (JSONPath): all but Fail. */
const INPUT_OUTPUT_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'];
/** The state types with ResultPath and Parameters (JSONPath). */
const PARAMETERS_TYPES: readonly StateType[] = ['Task', 'Pass', 'Parallel', 'Map'];
/** The state types that can set variables (Assign): all but the terminal ones (Succeed, Fail). */
export const ASSIGN_TYPES: readonly StateType[] = STATE_TYPES.filter((t) => !isTerminalType(t));
/** The state types that transition: exactly one of Next and End (Choice has its rules and Default; the terminal ones end). */
export const TRANSITION_TYPES: readonly StateType[] = ASSIGN_TYPES.filter((t) => t !== 'Choice');

/** What a path field accepts. */
export type PathFieldKind =
  /** InputPath, OutputPath: any JSONPath (Jayway), context object and variables included. */
  | 'path'
  /** ResultPath (state and catcher): a Reference Path into the input; not `$$`, not a variable. */
  | 'result'
  /** ItemsPath: a Reference Path, context object and variables allowed. */
  | 'items'
  /** Map's number fields (MaxConcurrencyPath, ...): a Reference Path, not the context object. */
  | 'number'
  /** TimeoutSecondsPath, HeartbeatSecondsPath, SecondsPath, TimestampPath. */
  | 'seconds'
  /** Choice `Variable` and the `...Path` comparison operators. */
  | 'choice'
  /** Fail ErrorPath/CausePath: a Reference Path or an intrinsic function returning a string. */
  | 'fail';

/** A JSONPath state's field (or a field of one of its objects) whose string value is a path. */
export interface PathField {
  /** From the state: `['InputPath']`, `['ItemReader', 'ReaderConfig', 'MaxItemsPath']`. */
  at: readonly string[];
  kind: PathFieldKind;
  types: readonly StateType[];
  /** The field that holds the literal value (`Error` for `ErrorPath`): its value looking like a path is NO_PATH. */
  twin?: string;
}

/**
 * The path fields of JSONPath states (a catcher's ResultPath and the Choice rules' paths are in
 * CATCHER_PATH_FIELDS and CHOICE_PATH_OPERATORS). In the order sites are collected.
 */
export const PATH_FIELDS: readonly PathField[] = [
  { at: ['InputPath'], kind: 'path', types: INPUT_OUTPUT_TYPES },
  { at: ['OutputPath'], kind: 'path', types: INPUT_OUTPUT_TYPES },
  { at: ['ResultPath'], kind: 'result', types: PARAMETERS_TYPES },
  { at: ['TimeoutSecondsPath'], kind: 'seconds', types: ['Task'], twin: 'TimeoutSeconds' },
  { at: ['HeartbeatSecondsPath'], kind: 'seconds', types: ['Task'], twin: 'HeartbeatSeconds' },
  { at: ['SecondsPath'], kind: 'seconds', types: ['Wait'], twin: 'Seconds' },
  { at: ['TimestampPath'], kind: 'seconds', types: ['Wait'], twin: 'Timestamp' },
  { at: ['ErrorPath'], kind: 'fail', types: ['Fail'], twin: 'Error' },
  { at: ['CausePath'], kind: 'fail', types: ['Fail'], twin: 'Cause' },
  { at: ['ItemsPath'], kind: 'items', types: ['Map'] },
  { at: ['MaxConcurrencyPath'], kind: 'number', types: ['Map'], twin: 'MaxConcurrency' },
  { at: ['ToleratedFailureCountPath'], kind: 'number', types: ['Map'], twin: 'ToleratedFailureCount' },
  { at: ['ToleratedFailurePercentagePath'], kind: 'number', types: ['Map'], twin: 'ToleratedFailurePercentage' },
  { at: ['ItemReader', 'ReaderConfig', 'MaxItemsPath'], kind: 'number', types: ['Map'], twin: 'MaxItems' },
  { at: ['ItemBatcher', 'MaxItemsPerBatchPath'], kind: 'number', types: ['Map'], twin: 'MaxItemsPerBatch' },
  { at: ['ItemBatcher', 'MaxInputBytesPerBatchPath'], kind: 'number', types: ['Map'], twin: 'MaxInputBytesPerBatch' },
];

/** A catcher's path field (Task, Parallel, Map: `Catch[i].ResultPath`). */
export const CATCHER_PATH_FIELDS: readonly { field: string; kind: PathFieldKind }[] = [{ field: 'ResultPath', kind: 'result' }];

/** A JSONPath state's field whose value is a payload template (keys ending in `.$` are evaluated). */
export interface TemplateField {
  at: readonly string[];
  types: readonly StateType[];
  /** Assign: the keys are variable names. */
  assign: boolean;
}

/** The payload templates of JSONPath states (Choice rules' and catchers' Assign are walked with them). */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  { at: ['Parameters'], types: PARAMETERS_TYPES, assign: false },
  { at: ['ResultSelector'], types: RESULT_TYPES, assign: false },
  { at: ['Assign'], types: ASSIGN_TYPES, assign: true },
  { at: ['Credentials'], types: ['Task'], assign: false },
  { at: ['ItemSelector'], types: ['Map'], assign: false },
  { at: ['ItemReader', 'Parameters'], types: ['Map'], assign: false },
  { at: ['ResultWriter', 'Parameters'], types: ['Map'], assign: false },
  { at: ['ItemBatcher', 'BatchInput'], types: ['Map'], assign: false },
];

/** What a Choice rule comparison operator compares the Variable's value with. */
type ChoiceOperatorValue = 'string' | 'pattern' | 'number' | 'boolean' | 'timestamp' | 'test';

/** A comparison operator of JSONPath Choice rules. */
export interface ChoiceOperator {
  name: string;
  /** 'test' for IsNull, IsPresent...: true or false, whether the Variable's value is so. */
  value: ChoiceOperatorValue;
  /** It has a `...Path` twin (`StringEqualsPath`) comparing with the value at a path. */
  path: boolean;
}

const comparisons = (prefix: string, value: ChoiceOperatorValue): ChoiceOperator[] =>
  ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'].map((c) => ({ name: prefix + c, value, path: true }));

/**
 * The comparison operators of JSONPath Choice rules, the one list (the interpreter tries them in
 * this order; the editor's completion and hover read it): "Choice workflow state",
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html. test/state-fields.test.ts
 * checks it against the schema's choice rule.
 */
export const CHOICE_OPERATORS: readonly ChoiceOperator[] = [
  ...comparisons('String', 'string'),
  { name: 'StringMatches', value: 'pattern', path: false },
  ...comparisons('Numeric', 'number'),
  { name: 'BooleanEquals', value: 'boolean', path: true },
  ...comparisons('Timestamp', 'timestamp'),
  ...['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'].map((name) => ({ name, value: 'test' as const, path: false })),
];

/** The Choice rule comparison operators whose value is a path (with `Variable`, kind 'choice'). */
export const CHOICE_PATH_OPERATORS: ReadonlySet<string> = new Set(CHOICE_OPERATORS.filter((o) => o.path).map((o) => `${o.name}Path`));

/**
 * ASL fields AWS does not read as JSONata in a JSONata state (measured by floci against
 * validate-state-machine-definition): their `{% %}` text stays text. Nested states are walked as
 * states of their own.
 */
export const NOT_JSONATA: ReadonlySet<string> = new Set([
  'Comment',
  'Next',
  'Default',
  'Resource',
  'ErrorEquals',
  'Retry',
  'Credentials',
  'ItemProcessor',
  'Iterator',
  'Branches',
  'CSVHeaders',
  'Type',
  'QueryLanguage',
  'End',
]);

/**
 * The fields of each JSONata state type that hold JSONata: the type's fields but NOT_JSONATA and
 * Map's Label (a field the type does not accept is the schema's finding; its content is not read).
 */
export const JSONATA_FIELDS: Readonly<Record<StateType, ReadonlySet<string>>> = {
  Task: new Set(['Arguments', 'Output', 'Assign', 'TimeoutSeconds', 'HeartbeatSeconds', 'Catch']),
  Pass: new Set(['Output', 'Assign']),
  Choice: new Set(['Choices', 'Output', 'Assign']),
  Wait: new Set(['Seconds', 'Timestamp', 'Output', 'Assign']),
  Succeed: new Set(['Output']),
  Fail: new Set(['Error', 'Cause']),
  Parallel: new Set(['Arguments', 'Output', 'Assign', 'Catch']),
  Map: new Set(['Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'MaxConcurrency', 'ToleratedFailureCount', 'ToleratedFailurePercentage', 'Output', 'Assign', 'Catch']),
};

/** Fields whose value is a user payload: every string inside, at any depth, is read as JSONata. */
export const JSONATA_PAYLOADS: ReadonlySet<string> = new Set(['Output', 'Assign', 'Arguments', 'ItemSelector', 'BatchInput']);

/** Each state type's path fields, template fields and twins: the tables above, split once by type. */
export interface TypeFields {
  paths: readonly PathField[];
  templates: readonly TemplateField[];
  /** The literal fields that have a `...Path` twin (`Error` for `ErrorPath`): where they are, and their name. */
  twins: readonly { at: readonly string[]; field: string }[];
}

export const FIELDS_BY_TYPE: Readonly<Record<StateType, TypeFields>> = Object.fromEntries(
  STATE_TYPES.map((t) => {
    const paths = PATH_FIELDS.filter((f) => f.types.includes(t));
    return [
      t,
      { paths, templates: TEMPLATE_FIELDS.filter((f) => f.types.includes(t)), twins: paths.filter((f) => f.twin !== undefined).map((f) => ({ at: [...f.at.slice(0, -1), f.twin!], field: f.twin! })) },
    ];
  }),
) as unknown as Record<StateType, TypeFields>;
