/**
 * Task `Resource` ARNs: what each kind looks like, in every partition, and which service
 * integration patterns each optimized integration supports.
 *
 *   arn:<p>:lambda:<region>:<account>:function:<name>[:<version|alias>]   Lambda (legacy direct)
 *   arn:<p>:states:<region>:<account>:activity:<name>                     activity
 *   arn:<p>:states:[region]:[account]:<service>:<action>[.sync|.sync:2|.waitForTaskToken]
 *   arn:<p>:states:[region]:[account]:aws-sdk:<service>:<action>[.waitForTaskToken]
 *   arn:<p>:states:::http:invoke
 *
 * Integration ARNs normally leave region and account empty (`:::`); AWS also accepts them filled
 * in (the corpus has `arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject`).
 *
 * Deploy-time placeholders (`${Partition}`, `#{AWS::Region}`, `${Token[...]}`) may stand for any
 * part: an ARN with placeholders is checked on its known parts only (see `classifyResource`).
 */
import { hasPlaceholder, isPlaceholder, replacePlaceholders } from '../parse/placeholder.js';
import { SDK_SERVICES, UNSUPPORTED_SDK_ACTIONS, UNSUPPORTED_SDK_SERVICES } from './sdk-services.js';
import { closest } from './suggest.js';
import { memo } from '../memo.js';

export type Pattern = '' | '.sync' | '.sync:2' | '.waitForTaskToken';

const PARTITION = /^aws(-cn|-us-gov|-iso(-[a-z])?|-eusc)?$/;
const REGION = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const LAMBDA_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const LAMBDA_QUALIFIER = /^(\$LATEST|[a-zA-Z0-9_-]{1,128})$/;
const ACTIVITY_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

interface ServiceSpec {
  /** Patterns the service supports at all (besides request-response). */
  patterns: Pattern[];
  /** Actions and the patterns each supports ('' = request-response). */
  actions: Record<string, Pattern[]>;
  /**
   * The action list is complete as far as we know: an action outside it is an error. For services
   * whose optimized action list changes more often, an unknown action is a warning.
   */
  complete: boolean;
}

const RR: Pattern[] = [''];
const SYNC: Pattern[] = ['', '.sync'];
const CALLBACK: Pattern[] = ['', '.waitForTaskToken'];
const ALL: Pattern[] = ['', '.sync', '.waitForTaskToken'];

/**
 * Optimized integrations (AWS Developer Guide, "Optimized integrations for Step Functions" and
 * the per-service pages). Service-level pattern support is from the guide's table; action lists
 * from the per-service pages.
 */
export const INTEGRATIONS: Readonly<Record<string, ServiceSpec>> = {
  lambda: { patterns: ['.waitForTaskToken'], actions: { invoke: CALLBACK }, complete: true },
  sns: { patterns: ['.waitForTaskToken'], actions: { publish: CALLBACK }, complete: true },
  sqs: { patterns: ['.waitForTaskToken'], actions: { sendMessage: CALLBACK }, complete: true },
  events: { patterns: ['.waitForTaskToken'], actions: { putEvents: CALLBACK }, complete: true },
  apigateway: { patterns: ['.waitForTaskToken'], actions: { invoke: CALLBACK }, complete: true },
  dynamodb: { patterns: [], actions: { getItem: RR, putItem: RR, updateItem: RR, deleteItem: RR }, complete: true },
  states: { patterns: ['.sync', '.sync:2', '.waitForTaskToken'], actions: { startExecution: ['', '.sync', '.sync:2', '.waitForTaskToken'] }, complete: true },
  batch: { patterns: ['.sync'], actions: { submitJob: SYNC }, complete: true },
  glue: { patterns: ['.sync'], actions: { startJobRun: SYNC }, complete: true },
  databrew: { patterns: ['.sync'], actions: { startJobRun: SYNC }, complete: true },
  mediaconvert: { patterns: ['.sync'], actions: { createJob: SYNC }, complete: true },
  ecs: { patterns: ['.sync', '.waitForTaskToken'], actions: { runTask: ALL }, complete: true },
  athena: {
    patterns: ['.sync'],
    actions: { startQueryExecution: SYNC, stopQueryExecution: RR, getQueryExecution: RR, getQueryResults: RR },
    complete: true,
  },
  http: { patterns: [], actions: { invoke: RR }, complete: true },
  codebuild: {
    patterns: ['.sync'],
    actions: {
      startBuild: SYNC,
      stopBuild: RR,
      batchDeleteBuilds: RR,
      batchGetReports: RR,
      startBuildBatch: SYNC,
      stopBuildBatch: RR,
      retryBuildBatch: SYNC,
      deleteBuildBatch: RR,
    },
    complete: true,
  },
  eks: {
    patterns: ['.sync'],
    actions: {
      createCluster: SYNC,
      deleteCluster: SYNC,
      createFargateProfile: SYNC,
      deleteFargateProfile: SYNC,
      createNodegroup: SYNC,
      deleteNodegroup: SYNC,
      runJob: SYNC,
      call: RR,
    },
    complete: false,
  },
  elasticmapreduce: {
    patterns: ['.sync'],
    actions: {
      createCluster: SYNC,
      setClusterTerminationProtection: RR,
      modifyInstanceFleetByName: RR,
      modifyInstanceGroupByName: RR,
      terminateCluster: SYNC,
      addStep: SYNC,
      cancelStep: RR,
    },
    complete: false,
  },
  'emr-containers': { patterns: ['.sync'], actions: { createVirtualCluster: RR, deleteVirtualCluster: SYNC, startJobRun: SYNC }, complete: false },
  'emr-serverless': {
    patterns: ['.sync'],
    actions: {
      createApplication: SYNC,
      startApplication: SYNC,
      stopApplication: SYNC,
      deleteApplication: SYNC,
      startJobRun: SYNC,
      cancelJobRun: SYNC,
    },
    complete: false,
  },
  sagemaker: {
    patterns: ['.sync'],
    actions: {
      createEndpoint: RR,
      createEndpointConfig: RR,
      createHyperParameterTuningJob: SYNC,
      createLabelingJob: SYNC,
      createModel: RR,
      createProcessingJob: SYNC,
      createTrainingJob: SYNC,
      createTransformJob: SYNC,
      updateEndpoint: RR,
    },
    complete: false,
  },
  bedrock: {
    patterns: ['.sync', '.waitForTaskToken'],
    actions: { invokeModel: RR, createModelCustomizationJob: ALL },
    complete: false,
  },
};

type ResourceKind = 'lambda' | 'activity' | 'integration' | 'sdk' | 'unknown';

export interface ResourceProblem {
  /** error: AWS refuses; warning: probably wrong, AWS may accept. */
  severity: 'error' | 'warning';
  /**
   * 'arn' = not an ARN at all; 'invalid' = an ARN but not a valid Task resource; 'unrecognized' = an
   * integration AWS does not offer; 'regionAccount' = a region or account ID that does not look real
   * (a warning: AWS deploys arn:aws:lambda:::function:x, so its check is looser than Lambda's pattern).
   */
  kind: 'arn' | 'invalid' | 'unrecognized' | 'regionAccount';
  /** AWS's wording where known. */
  message: string;
  /** What exactly is wrong, for people (lint, editors; never validate()). */
  hint?: string;
}

export interface ResourceInfo {
  kind: ResourceKind;
  partition?: string;
  /** Integration service (`lambda`, `sqs`, ...) or SDK service (`s3`). */
  service?: string;
  action?: string;
  pattern?: Pattern;
  problems: ResourceProblem[];
}

/** Stand-in for a placeholder while the ARN is split into parts. */
const HOLE = '\u0001';

/** Does a part (possibly with holes) fit a pattern for some filling of the holes? */
function partFits(part: string, re: RegExp, chars?: RegExp): boolean {
  if (!part.includes(HOLE)) return re.test(part);
  // With holes, only check the known characters against the allowed character class.
  if (!chars) return true;
  return part.split(HOLE).every((lit) => [...lit].every((c) => chars.test(c)));
}

const hasHole = (s: string | undefined) => s !== undefined && s.includes(HOLE);

/** Parses and checks a Task Resource (cached: the same resources recur; callers must not modify the result). */
export const classifyResource: (resource: string) => ResourceInfo = memo(classifyUncached, 2000);

function classifyUncached(resource: string): ResourceInfo {
  if (isPlaceholder(resource as unknown)) return { kind: 'unknown', problems: [] };
  const text = hasPlaceholder(resource as unknown) ? replacePlaceholders(resource, HOLE) : resource;
  const problems: ResourceProblem[] = [];
  const parts = text.split(':');
  const info: ResourceInfo = { kind: 'unknown', problems };

  if (parts[0] !== 'arn' || parts.length < 6) {
    // A hole may stand for the whole prefix (`${LambdaArn}`) or several parts: nothing to say.
    if (text.includes(HOLE) && (parts[0] === 'arn' || parts[0].includes(HOLE))) return info;
    problems.push({ severity: 'error', kind: 'arn', message: 'Value is not a valid resource ARN', hint: notAnArnHint(resource) });
    return info;
  }
  const [, partition, service, region, account] = parts;
  info.partition = partition;
  const known = !text.includes(HOLE);
  const bad = (message: string) => problems.push({ severity: 'error', kind: 'invalid', message });
  // No AWS refusal of an odd region or account is recorded: a warning (issue 10).
  const odd = (message: string) => problems.push({ severity: 'warning', kind: 'regionAccount', message });

  if (!partFits(partition, PARTITION, /[a-z-]/)) bad(`'${partition}' is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)`);

  if (service === 'lambda' || (service.includes(HOLE) && parts[5] === 'function')) {
    info.kind = 'lambda';
    // Empty region and account are accepted (the corpus has arn:aws:lambda:::function:${fn} deployed).
    checkRegionAccount(region, account, false, odd);
    const rest = parts.slice(5);
    if (rest[0] !== 'function' && !hasHole(rest[0])) bad(`A Lambda resource must be a function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>), not '${rest[0]}'`);
    else if (rest.length < 2 || rest[1] === '') bad('The Lambda function ARN has no function name');
    else if (!partFits(rest[1], LAMBDA_NAME, /[a-zA-Z0-9_-]/)) bad(`'${rest[1]}' is not a valid Lambda function name (letters, digits, '-' and '_', at most 64)`);
    else if (rest.length > 3 && !rest.some(hasHole)) bad(`The Lambda function ARN has too many parts after the function name`);
    else if (rest.length === 3 && !partFits(rest[2], LAMBDA_QUALIFIER, /[a-zA-Z0-9_$-]/)) bad(`'${rest[2]}' is not a valid Lambda version or alias`);
    return info;
  }
  if (service !== 'states' && !hasHole(service)) {
    problems.push({
      severity: 'error',
      kind: 'invalid',
      message: `A Task resource is a Lambda function, an activity or a Step Functions integration (arn:<partition>:states:::...), not a '${service}' ARN`,
    });
    return info;
  }
  const kindPart = parts[5];
  if (kindPart === 'activity') {
    info.kind = 'activity';
    checkRegionAccount(region, account, true, odd);
    const name = parts.slice(6).join(':');
    if (parts.length !== 7 && !text.includes(HOLE)) bad('An activity ARN is arn:<partition>:states:<region>:<account>:activity:<name>');
    else if (!partFits(name, ACTIVITY_NAME)) bad(`'${name}' is not a valid activity name`);
    return info;
  }
  if (kindPart === 'stateMachine' || kindPart === 'execution' || kindPart === 'express') {
    bad(`A Task resource cannot be a ${kindPart} ARN; to start a state machine use arn:<partition>:states:::states:startExecution with StateMachineArn in the parameters`);
    return info;
  }
  // An integration: region and account are empty, or (accepted by AWS) filled in.
  if (region !== '' || account !== '') checkRegionAccount(region, account, false, odd);
  if (kindPart === 'aws-sdk') return sdkIntegration(info, parts.slice(6), resource, known);
  return optimizedIntegration(info, parts.slice(5), resource, known);
}

function checkRegionAccount(region: string, account: string, required: boolean, bad: (m: string) => void): void {
  const problems: string[] = [];
  if (region === '' ? required : !partFits(region, REGION, /[a-z0-9-]/)) problems.push(region === '' ? 'the region is missing' : `'${region}' is not an AWS region code (such as us-east-1)`);
  if (account === '' ? required : !partFits(account, ACCOUNT, /\d/)) problems.push(account === '' ? 'the account ID is missing' : `'${account}' is not a 12-digit AWS account ID`);
  if (problems.length) {
    const markers = [region, account].some((x) => /^[A-Z][A-Z_]*$/.test(x));
    bad(capitalize(problems.join(' and ')) + (markers ? " (replace the template's markers before deploying)." : '.'));
  }
}

function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function splitPattern(action: string, extra: string[]): { action: string; pattern: string } {
  const dot = action.indexOf('.');
  if (dot < 0) return { action, pattern: extra.length ? `:${extra.join(':')}` : '' };
  return { action: action.slice(0, dot), pattern: action.slice(dot) + (extra.length ? `:${extra.join(':')}` : '') };
}

export function notRecognizedMessage(resource: string): string {
  return `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`;
}

function optimizedIntegration(info: ResourceInfo, rest: string[], resource: string, known: boolean): ResourceInfo {
  info.kind = 'integration';
  const [service, actionPart, ...extra] = rest;
  info.service = service;
  if (actionPart === undefined || actionPart === '') {
    if (!known) return info;
    info.problems.push({
      severity: 'error',
      kind: 'unrecognized',
      message: notRecognizedMessage(resource),
      hint: 'An integration ARN names a service and an action: arn:<partition>:states:::<service>:<action>.',
    });
    return info;
  }
  const { action, pattern } = splitPattern(actionPart, extra);
  info.action = action;
  if (hasHole(service) || hasHole(actionPart) || extra.some(hasHole)) return info;
  const spec = Object.hasOwn(INTEGRATIONS, service) ? INTEGRATIONS[service] : undefined;
  const unrecognized = (why: string, severity: 'error' | 'warning' = 'error') => info.problems.push({ severity, kind: 'unrecognized', message: notRecognizedMessage(resource), hint: why });
  if (!isPattern(pattern)) {
    unrecognized(`'${pattern}' is not a service integration pattern; the patterns are .sync, .sync:2 and .waitForTaskToken.`);
    return info;
  }
  info.pattern = pattern;
  if (!spec) {
    unrecognized(`'${service}' is not an optimized integration; to call any AWS API use arn:<partition>:states:::aws-sdk:${service}:<action>.`);
    return info;
  }
  if (pattern && !spec.patterns.includes(pattern)) {
    const supported = spec.patterns.length ? `supports only ${spec.patterns.join(' and ')}` : 'supports only request-response (no suffix)';
    unrecognized(`The ${service} integration ${supported}.`);
    return info;
  }
  const actions = Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
  if (!actions) {
    const list = Object.keys(spec.actions).join(', ');
    unrecognized(
      `'${action}' is not an optimized ${service} action (${list}); other actions are called with arn:<partition>:states:::aws-sdk:${service === 'elasticmapreduce' ? 'emr' : service}:${action}.`,
      spec.complete ? 'error' : 'warning',
    );
    return info;
  }
  if (!actions.includes(pattern)) {
    const supported = actions.filter((p) => p !== '').join(', ') || 'none';
    unrecognized(`${service}:${action} does not support ${pattern} (supported patterns: ${supported}).`, spec.complete ? 'error' : 'warning');
  }
  return info;
}

function sdkIntegration(info: ResourceInfo, rest: string[], resource: string, known: boolean): ResourceInfo {
  info.kind = 'sdk';
  const [service, actionPart, ...extra] = rest;
  info.service = service;
  if (!service || !actionPart) {
    if (known)
      info.problems.push({ severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint: 'An AWS SDK integration is arn:<partition>:states:::aws-sdk:<service>:<action>.' });
    return info;
  }
  const { action, pattern } = splitPattern(actionPart, extra);
  info.action = action;
  if (hasHole(service) || hasHole(actionPart) || extra.some(hasHole)) return info;
  if (pattern === '.sync' || pattern === '.sync:2') {
    info.problems.push({
      severity: 'error',
      kind: 'unrecognized',
      message: notRecognizedMessage(resource),
      hint: `AWS SDK integrations do not support ${pattern}; they support request-response and .waitForTaskToken.`,
    });
    return info;
  }
  if (pattern !== '' && pattern !== '.waitForTaskToken') {
    info.problems.push({ severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint: `'${pattern}' is not a service integration pattern.` });
    return info;
  }
  info.pattern = pattern;
  if (!/^[a-z]/.test(action)) {
    info.problems.push({
      severity: 'error',
      kind: 'unrecognized',
      message: notRecognizedMessage(resource),
      hint: `SDK actions are written in camelCase: '${action[0]?.toLowerCase() ?? ''}${action.slice(1)}'.`,
    });
  } else if (!/^[A-Za-z0-9]+$/.test(action)) {
    info.problems.push({ severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint: `'${action}' is not an API action name.` });
  }
  if (Object.hasOwn(UNSUPPORTED_SDK_SERVICES, service)) {
    info.problems.push({ severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint: `${capitalize(UNSUPPORTED_SDK_SERVICES[service])}.` });
  } else if (UNSUPPORTED_SDK_ACTIONS.has(`${service}:${action}`)) {
    info.problems.push({ severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint: `Step Functions does not support ${service}:${action} as an AWS SDK integration.` });
  } else if (!SDK_SERVICES.has(service)) {
    const normalized = service.toLowerCase().replace(/-/g, '');
    const suggestion = SDK_SERVICES.has(normalized) ? normalized : closest(service, SDK_SERVICES);
    info.problems.push({
      severity: 'warning',
      kind: 'unrecognized',
      message: `'${service}' is not an AWS SDK integration service we know`,
      hint: suggestion
        ? `Did you mean '${suggestion}'? SDK service names are the SDK client name in lower case without '-'.`
        : "SDK service names are the SDK client name in lower case without '-' (for example 'emrserverless', 'cloudwatchlogs'); if the service is newer than this list, ignore this warning.",
    });
  }
  return info;
}

function isPattern(p: string): p is Pattern {
  return p === '' || p === '.sync' || p === '.sync:2' || p === '.waitForTaskToken';
}

/** Hand-edit markers in starter templates: `<INSERT ... HERE>`, `REGION`, `ACCOUNT_ID`, `FUNCTION_NAME`. */
function notAnArnHint(resource: string): string {
  if (/<[^>]*>/.test(resource)) return `'${resource}' is a placeholder to replace with a real ARN before deploying.`;
  if (resource.trim() === '') return 'The Resource is empty.';
  return 'A Task resource is an ARN such as arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:my-function.';
}

/** The resources a Distributed Map reads items with and writes results with. */
const ITEM_READER_ACTIONS = ['getObject', 'listObjectsV2'];
const RESULT_WRITER_ACTIONS = ['putObject'];

/**
 * Checks a Map ItemReader or ResultWriter Resource: `arn:<partition>:states:::s3:<action>` with
 * one of the actions the field allows (placeholders checked on their known parts).
 */
export function checkMapIoResource(resource: string, field: 'ItemReader' | 'ResultWriter'): ResourceProblem | undefined {
  if (isPlaceholder(resource as unknown)) return undefined;
  const allowed = field === 'ItemReader' ? ITEM_READER_ACTIONS : RESULT_WRITER_ACTIONS;
  const text = hasPlaceholder(resource as unknown) ? replacePlaceholders(resource, HOLE) : resource;
  const parts = text.split(':');
  const forms = allowed.map((a) => `arn:<partition>:states:::s3:${a}`).join(' or ');
  const hint = `${field} ${field === 'ItemReader' ? 'reads with' : 'writes with'} ${forms}.`;
  if (parts.length !== 7 || parts[0] !== 'arn') {
    return text.includes(HOLE) ? undefined : { severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint };
  }
  const [, partition, service, region, account, s3, action] = parts;
  const ok =
    partFits(partition, PARTITION, /[a-z-]/) &&
    (service === 'states' || hasHole(service)) &&
    (region === '' || partFits(region, REGION, /[a-z0-9-]/)) &&
    (account === '' || partFits(account, ACCOUNT, /\d/)) &&
    (s3 === 's3' || hasHole(s3)) &&
    (allowed.includes(action) || hasHole(action));
  return ok ? undefined : { severity: 'error', kind: 'unrecognized', message: notRecognizedMessage(resource), hint };
}

// ---------------------------------------------------------------------------------------------
// Descriptions

/**
 * The Task resources the editor offers (completion snippets: `${1|a,b|}` is a choice) with what
 * each does; test/lang-reference.test.ts checks that every resource a snippet can produce is one
 * classifyResource accepts, and docs/languages.md lists them.
 */
export interface ResourcePattern {
  label: string;
  /** Snippet text. */
  snippet: string;
  doc: string;
}

export const RESOURCE_PATTERNS: readonly ResourcePattern[] = [
  { label: 'arn:aws:states:::lambda:invoke', snippet: 'arn:aws:states:::lambda:invoke', doc: 'Invoke a Lambda function (Arguments/Parameters: FunctionName, Payload).' },
  {
    label: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    snippet: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    doc: 'Invoke a Lambda function and wait for SendTaskSuccess with the task token.',
  },
  {
    label: 'arn:aws:states:::aws-sdk:service:action',
    snippet: 'arn:aws:states:::aws-sdk:${1:service}:${2:apiAction}',
    doc: 'Call any AWS SDK API (service name and API action in camelCase). No .sync.',
  },
  {
    label: 'arn:aws:states:::states:startExecution.sync:2',
    snippet: 'arn:aws:states:::states:startExecution${1|.sync:2,.sync,.waitForTaskToken|}',
    doc: 'Start a nested state machine execution (and wait for it).',
  },
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
  {
    label: 'arn:aws:lambda:region:account:function:name',
    snippet: 'arn:aws:lambda:${1:us-east-1}:${2:123456789012}:function:${3:name}',
    doc: 'Invoke a Lambda function directly (legacy form; prefer lambda:invoke).',
  },
  { label: 'arn:aws:states:region:account:activity:name', snippet: 'arn:aws:states:${1:us-east-1}:${2:123456789012}:activity:${3:name}', doc: 'Wait for an activity worker.' },
];

/** What a Resource ARN does, for people (the editor's hover). */
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
