import { defineRule } from '../src/engine/rule.js';
import { checkMapIoResource, classifyResource } from '../src/lang/resource.js';
import { extend, isObject } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'task-resource',
    code: 'INVALID_RESOURCE',
    severity: 'ERROR',
    description:
      'A Task Resource must be a Lambda function ARN, an activity ARN or a Step Functions integration AWS offers, with a supported pattern; a Map ItemReader/ResultWriter Resource an S3 action it supports.',
    rationale:
      'The Resource of a Task is one of: arn:<partition>:lambda:<region>:<account>:function:<name>[:<version|alias>], arn:<partition>:states:<region>:<account>:activity:<name>, ' +
      'arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken] for an optimized integration, arn:<partition>:states:::aws-sdk:<service>:<action>[.waitForTaskToken], or arn:<partition>:states:::http:invoke. ' +
      "A value that is not an ARN gets SCHEMA_VALIDATION_FAILED 'Value is not a valid resource ARN'; an ARN of the wrong shape INVALID_RESOURCE; an integration or pattern AWS does not offer " +
      '(dynamodb:putItem.waitForTaskToken, aws-sdk:s3:getObject.sync) "The resource provided ... is not recognized". Partitions: aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc. ' +
      'A Distributed Map reads items with arn:<partition>:states:::s3:getObject or s3:listObjectsV2 (ItemReader) and writes results with s3:putObject (ResultWriter). ' +
      'Deploy-time placeholders (${LambdaArn}, arn:${AWS::Partition}:...) are checked on their known parts only. ' +
      'A Lambda or activity ARN whose region or account ID does not look real (region-1, account 1234567890, 42, xyz, a missing region in an activity ARN) is a LINT_RESOURCE_REGION_ACCOUNT warning, not an error: ' +
      "no AWS refusal of one is recorded, and AWS deploys arn:aws:lambda:::function:${fn} with both empty, so its check is looser than Lambda's own pattern.",
    sources: [
      'asl-rules.md task-resource-format (V DG-INTEG); API-DIAG (INVALID_RESOURCE meaning)',
      "messages: 'Value is not a valid resource ARN' (Step Functions Local, aws-sam-cli-app-templates #185); 'The resource provided ... is not recognized' (public deployment logs)",
      'region/account: no measured refusal (test/fixtures/aws-measured.json has none); deployed real-world definitions use arn:aws:lambda:::function:${fn} (shared/corpus/real-world); issue 10',
      "aws-sdk service names: derived from AWS's service models (botocore, in the pinned devDependency @aws-cdk/asset-awscli-v1; scripts/gen-sdk-services.mjs), plus retired services the Developer Guide listed; an unknown one is a warning",
    ],
    examples: {
      valid: [
        {
          text: [
            '{"StartAt": "A", "States": {',
            '"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod", "Next": "B"},',
            '"B": {"Type": "Task", "Resource": "arn:aws-us-gov:states:::sqs:sendMessage.waitForTaskToken", "Next": "C"},',
            '"C": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject", "Next": "D"},',
            '"D": {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::states:startExecution.sync:2", "Next": "E"},',
            '"E": {"Type": "Task", "Resource": "${ProcessFunctionArn}", "End": true}}}',
          ].join('\n'),
        },
      ],
      invalid: [
        {
          title: 'Not an ARN; a template ARN with markers',
          text: [
            '{"StartAt": "A", "States": {',
            '"A": {"Type": "Task", "Resource": "<INSERT DICE LAMBDA ARN HERE>", "Next": "B"},',
            '"B": {"Type": "Task", "Resource": "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME", "End": true}}}',
          ].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A/Resource',
              line: 2,
              column: 35,
              endLine: 2,
              endColumn: 66,
              message: "Value is not a valid resource ARN. '<INSERT DICE LAMBDA ARN HERE>' is a placeholder to replace with a real ARN before deploying.",
            },
            {
              code: 'LINT_RESOURCE_REGION_ACCOUNT',
              severity: 'WARNING',
              location: '/States/B/Resource',
              line: 3,
              column: 35,
              endLine: 3,
              endColumn: 92,
              message: "'REGION' is not an AWS region code (such as us-east-1) and 'ACCOUNT_ID' is not a 12-digit AWS account ID (replace the template's markers before deploying).",
            },
          ],
        },
        {
          title: 'A region or account ID that does not look real: a warning (no AWS refusal is recorded)',
          text: [
            '{"StartAt": "A", "States": {',
            '"A": {"Type": "Task", "Resource": "arn:aws:lambda:region-1:1234567890:function:fn", "Next": "B"},',
            '"B": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:42:activity:work", "Next": "C"},',
            '"C": {"Type": "Task", "Resource": "arn:aws:lambda:xyz:123456789012:function:fn", "End": true}}}',
          ].join('\n'),
          diagnostics: [
            {
              code: 'LINT_RESOURCE_REGION_ACCOUNT',
              severity: 'WARNING',
              location: '/States/A/Resource',
              line: 2,
              column: 35,
              endLine: 2,
              endColumn: 83,
              message: "'region-1' is not an AWS region code (such as us-east-1) and '1234567890' is not a 12-digit AWS account ID.",
            },
            {
              code: 'LINT_RESOURCE_REGION_ACCOUNT',
              severity: 'WARNING',
              location: '/States/B/Resource',
              line: 3,
              column: 35,
              endLine: 3,
              endColumn: 78,
              message: "'42' is not a 12-digit AWS account ID.",
            },
            {
              code: 'LINT_RESOURCE_REGION_ACCOUNT',
              severity: 'WARNING',
              location: '/States/C/Resource',
              line: 4,
              column: 35,
              endLine: 4,
              endColumn: 80,
              message: "'xyz' is not an AWS region code (such as us-east-1).",
            },
          ],
        },
        {
          title: 'A Distributed Map reading with an S3 action ItemReader does not support',
          text: '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemReader": {"Resource": "arn:aws:states:::s3:unknownOperation", "Parameters": {"Bucket": "b", "Key": "k"}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/M/ItemReader/Resource',
              line: 1,
              column: 77,
              endLine: 1,
              endColumn: 115,
              message:
                'The resource provided arn:aws:states:::s3:unknownOperation is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. ItemReader reads with arn:<partition>:states:::s3:getObject or arn:<partition>:states:::s3:listObjectsV2.',
            },
          ],
        },
        {
          title: 'Integrations and patterns AWS does not offer',
          text: [
            '{"StartAt": "A", "States": {',
            '"A": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem.waitForTaskToken", "Next": "B"},',
            '"B": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject.sync", "Next": "C"},',
            '"C": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:scan", "End": true}}}',
          ].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A/Resource',
              line: 2,
              column: 35,
              endLine: 2,
              endColumn: 87,
              message:
                'The resource provided arn:aws:states:::dynamodb:putItem.waitForTaskToken is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. The dynamodb integration supports only request-response (no suffix).',
            },
            { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/B/Resource', line: 3, column: 35, endLine: 3, endColumn: 79 },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/C/Resource',
              line: 4,
              column: 35,
              endLine: 4,
              endColumn: 67,
              message:
                "The resource provided arn:aws:states:::dynamodb:scan is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. 'scan' is not an optimized dynamodb action (getItem, putItem, updateItem, deleteItem); other actions are called with arn:<partition>:states:::aws-sdk:dynamodb:scan.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type === 'Map') {
        for (const field of ['ItemReader', 'ResultWriter'] as const) {
          const io = state.obj[field];
          if (!isObject(io) || typeof io.Resource !== 'string') continue;
          const p = checkMapIoResource(io.Resource, field);
          if (p) ctx.report({ path: [...state.path, field, 'Resource'], code: 'SCHEMA_VALIDATION_FAILED', message: p.message, hint: p.hint });
        }
        continue;
      }
      if (state.type !== 'Task' || typeof state.obj.Resource !== 'string') continue;
      const problems = classifyResource(state.obj.Resource).problems;
      if (problems.length === 0) continue;
      const path = extend(state.path, 'Resource');
      for (const p of problems) {
        if (p.kind === 'regionAccount') {
          ctx.report({ path, code: 'LINT_RESOURCE_REGION_ACCOUNT', severity: 'WARNING', message: p.message, hint: p.hint });
        } else if (p.severity === 'warning') {
          ctx.report({ path, code: 'LINT_RESOURCE_UNRECOGNIZED', severity: 'WARNING', message: p.message, hint: p.hint });
        } else if (p.kind === 'invalid') {
          ctx.report({ path, message: p.message, hint: p.hint });
        } else {
          ctx.report({ path, code: 'SCHEMA_VALIDATION_FAILED', message: p.message, hint: p.hint });
        }
      }
    }
  },
});
