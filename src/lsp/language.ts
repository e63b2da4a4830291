/**
 * Editor texts for ASL's small languages: intrinsic function signatures (JSONPath states),
 * the `$states` variable and Step Functions' JSONata functions (JSONata states), and the shapes
 * of Task resources. Documentation and snippets only: the checks live in src/lang and rules/.
 */
import { HASH_ALGORITHMS, INTRINSICS, type IntrinsicSignature } from '../lang/intrinsics.js';
import { JSONATA_FUNCTIONS } from '../lang/jsonata-functions.js';

export interface IntrinsicDoc {
  /** `States.ArrayPartition` */
  name: string;
  /** `States.ArrayPartition(array: array, chunk size: integer) -> array` */
  signature: string;
  doc: string;
  /** Parameter names, for the snippet (the required ones). */
  params: string[];
}

/** What each function does; the signatures come from src/lang/intrinsics.ts (the checker's table). */
const INTRINSIC_TEXT: Record<string, string> = {
  'States.Format': "Fills each `{}` of the template with the next argument: `States.Format('Hello, {}', $.name)`.",
  'States.StringToJson': 'Parses a JSON string.',
  'States.JsonToString': 'Serialises the value at a path to a JSON string (the argument must be a path).',
  'States.Array': 'An array of the arguments.',
  'States.ArrayPartition': 'Splits an array into chunks of at most chunk size items.',
  'States.ArrayContains': 'True when the array contains the value.',
  'States.ArrayRange': 'The integers from start to end (inclusive) by step; at most 1,000 items.',
  'States.ArrayGetItem': 'The item at a zero-based index.',
  'States.ArrayLength': 'The number of items of an array.',
  'States.ArrayUnique': 'The array without duplicate values.',
  'States.Base64Encode': 'Base64-encodes a string (up to 10,000 characters).',
  'States.Base64Decode': 'Decodes a base64 string (up to 10,000 characters).',
  'States.Hash': `The hash of a value; algorithm is one of ${HASH_ALGORITHMS.map((a) => `'${a}'`).join(', ')}.`,
  'States.JsonMerge': 'Merges two objects; the third argument must be false (shallow merge: keys of object 2 win).',
  'States.MathRandom': 'A random integer from start (inclusive) to end (exclusive); the optional seed makes it repeatable.',
  'States.MathAdd': 'The sum of two integers.',
  'States.StringSplit': 'Splits a string at each delimiter character.',
  'States.UUID': 'A random version 4 UUID.',
};

function intrinsicDoc(name: string, sig: IntrinsicSignature): IntrinsicDoc {
  const shown = sig.params.map((p, i) => {
    const text = `${p.name}: ${p.type}`;
    if (sig.max === Infinity && i === sig.params.length - 1) return `...${text}`;
    return i >= sig.min ? `[${text}]` : text;
  });
  const params = sig.params.slice(0, Math.max(sig.min, sig.max === Infinity ? sig.params.length : sig.min)).map((p) => p.name);
  return { name, signature: `${name}(${shown.join(', ')}) -> ${sig.returns}`, doc: INTRINSIC_TEXT[name] ?? '', params };
}

export const INTRINSIC_DOCS: readonly IntrinsicDoc[] = Object.entries(INTRINSICS).map(([name, sig]) => intrinsicDoc(name, sig));

export const INTRINSIC_BY_NAME: ReadonlyMap<string, IntrinsicDoc> = new Map(INTRINSIC_DOCS.map((i) => [i.name, i]));

/** A completion snippet: `States.ArrayPartition(${1:array}, ${2:chunk size})`. */
export function intrinsicSnippet(i: IntrinsicDoc): string {
  return `${i.name}(${i.params.map((p, n) => `\${${n + 1}:${p}}`).join(', ')})`;
}

export function intrinsicMarkdown(i: IntrinsicDoc): string {
  return ['```\n' + i.signature + '\n```', i.doc, 'Intrinsic function (JSONPath states, in a field whose key ends in `.$`).'].filter(Boolean).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// JSONata states

export interface StatesFieldDoc {
  name: string;
  doc: string;
}

/** The reserved `$states` variable (asl-rules.md §8). */
export const STATES_FIELDS: readonly StatesFieldDoc[] = [
  { name: 'input', doc: 'The original input of the state.' },
  { name: 'context', doc: 'The context object: Execution, State, StateMachine, Task, Map.' },
  { name: 'result', doc: 'The result of the Task, Parallel or Map (only in their top-level Output and Assign).' },
  { name: 'errorOutput', doc: "The error output (only in a catcher's Output and Assign)." },
];

export const CONTEXT_PATHS: readonly string[] = [
  'Execution.Id',
  'Execution.Input',
  'Execution.Name',
  'Execution.RoleArn',
  'Execution.StartTime',
  'Execution.RedriveCount',
  'Execution.RedriveTime',
  'State.Name',
  'State.EnteredTime',
  'State.RetryCount',
  'StateMachine.Id',
  'StateMachine.Name',
  'Task.Token',
  'Map.Item.Index',
  'Map.Item.Value',
  'Map.Item.Key',
  'Map.Item.Source',
];

/** What Step Functions' own JSONata functions do. */
const AWS_JSONATA_TEXT: Record<string, { signature: string; doc: string }> = {
  partition: { signature: '$partition(array, size)', doc: 'Splits an array into chunks.' },
  range: { signature: '$range(start, end, step)', doc: 'An array of numbers from start to end by step.' },
  hash: { signature: '$hash(value[, algorithm])', doc: "The hash of a value ('MD5', 'SHA-1', 'SHA-256' (default), 'SHA-384', 'SHA-512')." },
  random: { signature: '$random([seed])', doc: 'A random number from 0 (inclusive) to 1 (exclusive).' },
  uuid: { signature: '$uuid()', doc: 'A random version 4 UUID.' },
  parse: { signature: '$parse(jsonString)', doc: 'Parses a JSON string.' },
};

export interface JsonataFunctionDoc {
  name: string;
  signature: string;
  doc: string;
}

/** The functions a JSONata expression can call in Step Functions (src/lang's table), for completion and hover. */
export const JSONATA_FUNCTION_DOCS: readonly JsonataFunctionDoc[] = Object.entries(JSONATA_FUNCTIONS)
  .filter(([, fn]) => !fn.unsupported)
  .map(([name, fn]) => {
    const own = AWS_JSONATA_TEXT[name];
    if (own) return { name, signature: own.signature, doc: `${own.doc} (added by Step Functions)` };
    const arity = fn.max === Infinity ? `${fn.min}+ arguments` : fn.min === fn.max ? `${fn.min} argument${fn.min === 1 ? '' : 's'}` : `${fn.min} to ${fn.max} arguments`;
    return { name, signature: `$${name}(...)`, doc: `JSONata built-in function (${arity}).` };
  });

// ---------------------------------------------------------------------------------------------
// Task resources

export interface ResourcePattern {
  label: string;
  /** Snippet text. */
  snippet: string;
  doc: string;
}

export const RESOURCE_PATTERNS: readonly ResourcePattern[] = [
  { label: 'arn:aws:states:::lambda:invoke', snippet: 'arn:aws:states:::lambda:invoke', doc: 'Invoke a Lambda function (Arguments/Parameters: FunctionName, Payload).' },
  { label: 'arn:aws:states:::lambda:invoke.waitForTaskToken', snippet: 'arn:aws:states:::lambda:invoke.waitForTaskToken', doc: 'Invoke a Lambda function and wait for SendTaskSuccess with the task token.' },
  { label: 'arn:aws:states:::aws-sdk:service:action', snippet: 'arn:aws:states:::aws-sdk:${1:service}:${2:apiAction}', doc: 'Call any AWS SDK API (service name and API action in camelCase). No .sync.' },
  { label: 'arn:aws:states:::states:startExecution.sync:2', snippet: 'arn:aws:states:::states:startExecution${1|.sync:2,.sync,.waitForTaskToken|}', doc: 'Start a nested state machine execution (and wait for it).' },
  { label: 'arn:aws:states:::sqs:sendMessage', snippet: 'arn:aws:states:::sqs:sendMessage${1|,.waitForTaskToken|}', doc: 'Send an SQS message (optionally waiting for a task token).' },
  { label: 'arn:aws:states:::sns:publish', snippet: 'arn:aws:states:::sns:publish${1|,.waitForTaskToken|}', doc: 'Publish an SNS message.' },
  { label: 'arn:aws:states:::events:putEvents', snippet: 'arn:aws:states:::events:putEvents${1|,.waitForTaskToken|}', doc: 'Send events to EventBridge.' },
  { label: 'arn:aws:states:::dynamodb:getItem', snippet: 'arn:aws:states:::dynamodb:${1|getItem,putItem,updateItem,deleteItem|}', doc: 'A DynamoDB item operation (request-response only).' },
  { label: 'arn:aws:states:::ecs:runTask.sync', snippet: 'arn:aws:states:::ecs:runTask${1|.sync,.waitForTaskToken,|}', doc: 'Run an Amazon ECS / Fargate task.' },
  { label: 'arn:aws:states:::batch:submitJob.sync', snippet: 'arn:aws:states:::batch:submitJob${1|.sync,|}', doc: 'Submit an AWS Batch job.' },
  { label: 'arn:aws:states:::glue:startJobRun.sync', snippet: 'arn:aws:states:::glue:startJobRun${1|.sync,|}', doc: 'Start an AWS Glue job run.' },
  { label: 'arn:aws:states:::athena:startQueryExecution.sync', snippet: 'arn:aws:states:::athena:startQueryExecution${1|.sync,|}', doc: 'Run an Athena query.' },
  { label: 'arn:aws:states:::bedrock:invokeModel', snippet: 'arn:aws:states:::bedrock:invokeModel', doc: 'Invoke an Amazon Bedrock model.' },
  { label: 'arn:aws:states:::http:invoke', snippet: 'arn:aws:states:::http:invoke', doc: 'Call an HTTPS API (ApiEndpoint, Method, Authentication.ConnectionArn).' },
  { label: 'arn:aws:states:::apigateway:invoke', snippet: 'arn:aws:states:::apigateway:invoke${1|,.waitForTaskToken|}', doc: 'Call an API Gateway API.' },
  { label: 'arn:aws:lambda:region:account:function:name', snippet: 'arn:aws:lambda:${1:us-east-1}:${2:123456789012}:function:${3:name}', doc: 'Invoke a Lambda function directly (legacy form; prefer lambda:invoke).' },
  { label: 'arn:aws:states:region:account:activity:name', snippet: 'arn:aws:states:${1:us-east-1}:${2:123456789012}:activity:${3:name}', doc: 'Wait for an activity worker.' },
];

/** What a Resource ARN does, for hover. */
export function describeResource(arn: string): string | undefined {
  const m = /^arn:([^:]*):states:::(aws-sdk:)?([^:]+):([^.]+)(\.sync(?::2)?|\.waitForTaskToken)?$/.exec(arn);
  if (m) {
    const [, , sdk, service, action, suffix] = m;
    const pattern =
      suffix === '.waitForTaskToken'
        ? 'waits for a task token (callback: SendTaskSuccess / SendTaskFailure)'
        : suffix
          ? 'waits for the job to complete (.sync' + (suffix.endsWith(':2') ? ':2, output parsed as JSON' : '') + ')'
          : 'request-response: continues as soon as the call returns';
    return `${sdk ? 'AWS SDK integration' : 'Optimized integration'}: \`${service}\` \`${action}\`; ${pattern}.`;
  }
  if (/^arn:[^:]*:lambda:[^:]*:[^:]*:function:/.test(arn)) return 'A Lambda function, invoked directly (the legacy form; `arn:aws:states:::lambda:invoke` gives more control).';
  if (/^arn:[^:]*:states:[^:]*:[^:]*:activity:/.test(arn)) return 'An activity: the task waits until a worker polls GetActivityTask and reports the result.';
  return undefined;
}
