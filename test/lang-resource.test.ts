/** Task Resource ARNs: grammar per partition, the integration table, placeholders, and the resource rules' diagnostics. */
import { describe, expect, it } from 'vitest';
import { classifyResource, INTEGRATIONS, notRecognizedMessage } from '../src/lang/resource.js';
import { lint, withHint } from '../src/index.js';

const problems = (r: string) => classifyResource(r).problems.map((p) => `${p.severity} ${p.kind}: ${withHint(p.message, p.hint)}`);

describe('classifyResource: valid resources', () => {
  it.each([
    ['arn:aws:lambda:us-east-1:123456789012:function:my-function', 'lambda'],
    ['arn:aws:lambda:us-east-1:123456789012:function:my_function:7', 'lambda'],
    ['arn:aws:lambda:us-east-1:123456789012:function:fn:live', 'lambda'],
    ['arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST', 'lambda'],
    ['arn:aws-cn:lambda:cn-north-1:123456789012:function:fn', 'lambda'],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:fn', 'lambda'],
    ['arn:aws-iso:lambda:us-iso-east-1:123456789012:function:fn', 'lambda'],
    ['arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:fn', 'lambda'],
    ['arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:fn', 'lambda'],
    ['arn:aws:lambda:::function:fn', 'lambda'],
    ['arn:aws:states:us-west-2:123456789012:activity:HumanApproval', 'activity'],
    ['arn:aws:states:::lambda:invoke', 'integration'],
    ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'integration'],
    ['arn:aws:states:::states:startExecution.sync:2', 'integration'],
    ['arn:aws:states:::states:startExecution.waitForTaskToken', 'integration'],
    ['arn:aws:states:::ecs:runTask.waitForTaskToken', 'integration'],
    ['arn:aws:states:::athena:startQueryExecution.sync', 'integration'],
    ['arn:aws:states:::elasticmapreduce:addStep.sync', 'integration'],
    ['arn:aws:states:::emr-serverless:startJobRun.sync', 'integration'],
    ['arn:aws:states:::sagemaker:createTrainingJob.sync', 'integration'],
    ['arn:aws:states:::codebuild:startBuildBatch.sync', 'integration'],
    ['arn:aws:states:::http:invoke', 'integration'],
    ['arn:aws:states:us-east-1:123456789012:lambda:invoke', 'integration'],
    ['arn:aws:states:::aws-sdk:s3:getObject', 'sdk'],
    ['arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken', 'sdk'],
    ['arn:aws:states:us-east-1:776177632559:aws-sdk:transcribe:startTranscriptionJob', 'sdk'],
    ['arn:aws-cn:states:::aws-sdk:sfn:startSyncExecution', 'sdk'],
  ])('%s is a valid %s resource', (r, kind) => {
    const info = classifyResource(r);
    expect(info.kind).toBe(kind);
    expect(info.problems).toEqual([]);
  });

  it('splits service, action and pattern', () => {
    expect(classifyResource('arn:aws:states:::states:startExecution.sync:2')).toMatchObject({ service: 'states', action: 'startExecution', pattern: '.sync:2' });
    expect(classifyResource('arn:aws:states:::aws-sdk:s3:listObjectsV2.waitForTaskToken')).toMatchObject({ service: 's3', action: 'listObjectsV2', pattern: '.waitForTaskToken' });
  });

  it('knows every optimized service of the Developer Guide table', () => {
    expect(Object.keys(INTEGRATIONS).sort()).toEqual(
      [
        'apigateway',
        'athena',
        'batch',
        'bedrock',
        'codebuild',
        'databrew',
        'dynamodb',
        'ecs',
        'eks',
        'elasticmapreduce',
        'emr-containers',
        'emr-serverless',
        'events',
        'glue',
        'http',
        'lambda',
        'mediaconvert',
        'sagemaker',
        'sns',
        'sqs',
        'states',
      ].sort(),
    );
  });
});

describe('classifyResource: placeholders are checked on their known parts', () => {
  it.each([
    '${LambdaArn}',
    '${Token[TOKEN.123]}',
    'arn:${AWS::Partition}:states:::sns:publish',
    'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}',
    'arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:${self:service}-${self:provider.stage}-fn',
    'arn:aws:states:::${Service}:${Action}',
    'arn:aws:states:::aws-sdk:${Service}:getItem',
    'arn:aws:lambda:us-east-1:${Account}:function:fn-${Stage}',
    '${ArnPrefix}:function:fn',
  ])('%s', (r) => {
    expect(problems(r)).toEqual([]);
  });
  it('still reports what is wrong in the known parts', () => {
    expect(problems('arn:${AWS::Partition}:states:::dynamodb:scan')).toEqual([
      "error unrecognized: The resource provided arn:${AWS::Partition}:states:::dynamodb:scan is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. 'scan' is not an optimized dynamodb action (getItem, putItem, updateItem, deleteItem); other actions are called with arn:<partition>:states:::aws-sdk:dynamodb:scan.",
    ]);
    expect(problems('arn:aws:lambda:${AWS::Region}:12345:function:fn')).toEqual(["warning regionAccount: '12345' is not a 12-digit AWS account ID."]);
  });
});

describe('classifyResource: problems', () => {
  it.each([
    ['MyLambda', 'error arn: Value is not a valid resource ARN. A Task resource is an ARN such as arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:my-function.'],
    ['', 'error arn: Value is not a valid resource ARN. The Resource is empty.'],
    ['arn:aws:lambda', 'error arn: Value is not a valid resource ARN. A Task resource is an ARN such as arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:my-function.'],
    ['arn:amazon:states:::lambda:invoke', "error invalid: 'amazon' is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)"],
    ['arn:aws:s3:::my-bucket/key', "error invalid: A Task resource is a Lambda function, an activity or a Step Functions integration (arn:<partition>:states:::...), not a 's3' ARN"],
    ['arn:aws:lambda:us-east-1:123456789012:layer:x', "error invalid: A Lambda resource must be a function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>), not 'layer'"],
    ['arn:aws:lambda:us-east-1:123456789012:function:my.fn', "error invalid: 'my.fn' is not a valid Lambda function name (letters, digits, '-' and '_', at most 64)"],
    ['arn:aws:lambda:useast1:123456789012:function:fn', "warning regionAccount: 'useast1' is not an AWS region code (such as us-east-1)."],
    ['arn:aws:states:us-east-1:123456789012:activity:', "error invalid: '' is not a valid activity name"],
    ['arn:aws:states:::activity:x', 'warning regionAccount: The region is missing and the account ID is missing.'],
    [
      'arn:aws:states:us-east-1:123456789012:stateMachine:child',
      'error invalid: A Task resource cannot be a stateMachine ARN; to start a state machine use arn:<partition>:states:::states:startExecution with StateMachineArn in the parameters',
    ],
  ])('%j', (r, message) => {
    expect(problems(r)).toEqual([message]);
  });

  it.each([
    ['arn:aws:states:::dynamodb:putItem.waitForTaskToken', 'The dynamodb integration supports only request-response (no suffix).'],
    ['arn:aws:states:::lambda:invoke.sync', 'The lambda integration supports only .waitForTaskToken.'],
    ['arn:aws:states:::apigateway:invoke.sync', 'The apigateway integration supports only .waitForTaskToken.'],
    ['arn:aws:states:::athena:getQueryResults.sync', 'athena:getQueryResults does not support .sync (supported patterns: none).'],
    ['arn:aws:states:::batch:submitJob.sync:2', 'The batch integration supports only .sync.'],
    ['arn:aws:states:::s4:putObject', "'s4' is not an optimized integration; to call any AWS API use arn:<partition>:states:::aws-sdk:s4:<action>."],
    ['arn:aws:states:::sqs:sendMessage.waitForToken', "'.waitForToken' is not a service integration pattern; the patterns are .sync, .sync:2 and .waitForTaskToken."],
    ['arn:aws:states:::lambda', 'An integration ARN names a service and an action: arn:<partition>:states:::<service>:<action>.'],
    ['arn:aws:states:::aws-sdk:s3:getObject.sync', 'AWS SDK integrations do not support .sync; they support request-response and .waitForTaskToken.'],
    ['arn:aws:states:::aws-sdk:s3:GetObject', "SDK actions are written in camelCase: 'getObject'."],
    ['arn:aws:states:::aws-sdk:s3', 'An AWS SDK integration is arn:<partition>:states:::aws-sdk:<service>:<action>.'],
  ])('%s is not recognized', (r, why) => {
    expect(problems(r)).toEqual([`error unrecognized: ${notRecognizedMessage(r)} ${why}`]);
  });

  it('is only a warning where our action list may be incomplete', () => {
    expect(problems('arn:aws:states:::eks:describeCluster')).toEqual([
      `warning unrecognized: ${notRecognizedMessage('arn:aws:states:::eks:describeCluster')} 'describeCluster' is not an optimized eks action (createCluster, deleteCluster, createFargateProfile, deleteFargateProfile, createNodegroup, deleteNodegroup, runJob, call); other actions are called with arn:<partition>:states:::aws-sdk:eks:describeCluster.`,
    ]);
    expect(problems('arn:aws:states:::aws-sdk:emr-serverless:startJobRun')).toEqual([
      "warning unrecognized: 'emr-serverless' is not an AWS SDK integration service we know. Did you mean 'emrserverless'? SDK service names are the SDK client name in lower case without '-'.",
    ]);
    expect(problems('arn:aws:states:::aws-sdk:dynamdb:getItem')).toEqual([
      "warning unrecognized: 'dynamdb' is not an AWS SDK integration service we know. Did you mean 'dynamodb'? SDK service names are the SDK client name in lower case without '-'.",
    ]);
  });

  it('refuses the SDK services and actions Step Functions does not offer', () => {
    const r = 'arn:aws:states:::aws-sdk:apigatewaymanagementapi:postToConnection';
    expect(problems(r)).toEqual([`error unrecognized: ${notRecognizedMessage(r)} The API Gateway Management API is not available as an AWS SDK integration; call it from a Lambda function.`]);
    const a = 'arn:aws:states:::aws-sdk:lambda:invokeAsync';
    expect(problems(a)).toEqual([`error unrecognized: ${notRecognizedMessage(a)} Step Functions does not support lambda:invokeAsync as an AWS SDK integration.`]);
  });
});

function diags(text: string, type?: 'STANDARD' | 'EXPRESS') {
  return lint(text, { type }).diagnostics.map((d) => `${d.code} ${d.severity} ${d.location} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

describe('resource rules', () => {
  const task = (resource: string) => `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": ${JSON.stringify(resource)}, "End": true}}}`;
  it('checks Task resources only (ItemReader resources belong to the schema)', () => {
    expect(
      diags(
        '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}',
      ),
    ).toEqual([]);
  });
  it('reports under the code that fits: not an ARN, a wrong ARN, an unknown integration', () => {
    expect(diags(task('process'))).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/T/Resource 1:63']);
    expect(diags(task('arn:aws:sqs:us-east-1:123456789012:queue'))).toEqual(['INVALID_RESOURCE ERROR /States/T/Resource 1:63']);
    expect(diags(task('arn:aws:states:::sqs:sendMessage.sync'))).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/T/Resource 1:63']);
    expect(diags(task('arn:aws:states:::sagemaker:describeEndpoint'))).toEqual(['LINT_RESOURCE_UNRECOGNIZED WARNING /States/T/Resource 1:63']);
  });
  it('EXPRESS refuses .sync, .waitForTaskToken and activities; STANDARD accepts them', () => {
    for (const r of ['arn:aws:states:::states:startExecution.sync:2', 'arn:aws:states:::lambda:invoke.waitForTaskToken', 'arn:aws:states:us-east-1:123456789012:activity:a']) {
      expect(diags(task(r), 'EXPRESS')).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/T/Resource 1:63']);
      expect(diags(task(r), 'STANDARD')).toEqual([]);
    }
    expect(diags(task('arn:aws:states:::aws-sdk:sfn:startSyncExecution'), 'EXPRESS')).toEqual([]);
  });
  it('EXPRESS limits apply in nested scopes too', () => {
    const text =
      '{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true}}}], "End": true}}}';
    expect(diags(text, 'EXPRESS')).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/P/Branches[0]/States/T/Resource 1:130']);
  });
});
