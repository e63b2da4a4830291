/**
 * Editor texts for ASL's small languages: intrinsic function signatures (JSONPath states),
 * the `$states` variable and Step Functions' JSONata functions (JSONata states), and the shapes
 * of Task resources. Documentation and snippets only: the checks live in src/lang and rules/.
 */
import { INTRINSICS, intrinsicSignature, type IntrinsicSignature } from '../lang/intrinsics.js';

export interface IntrinsicDoc {
  /** `States.ArrayPartition` */
  name: string;
  /** `States.ArrayPartition(array: array, chunk size: integer) -> array` */
  signature: string;
  doc: string;
  /** Parameter names, for the snippet (the required ones). */
  params: string[];
}

function intrinsicDoc(name: string, sig: IntrinsicSignature): IntrinsicDoc {
  const params = sig.params.slice(0, Math.max(sig.min, sig.max === Infinity ? sig.params.length : sig.min)).map((p) => p.name);
  return { name, signature: intrinsicSignature(name, sig), doc: sig.doc, params };
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

export { CONTEXT_PATHS, STATES_FIELDS, type StatesFieldDoc } from '../lang/states-variable.js';
export { JSONATA_FUNCTION_DOCS, type JsonataFunctionDoc } from '../lang/jsonata-functions.js';

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
