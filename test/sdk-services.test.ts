/**
 * The aws-sdk service list is derived from AWS's service models in a pinned package (issue 10):
 * the committed src/lang/sdk-services.generated.ts is exactly what scripts/gen-sdk-services.mjs
 * derives from the installed, pinned @aws-cdk/asset-awscli-v1, and the list holds every aws-sdk
 * service the corpus's deployed definitions call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { RETIRED_SDK_SERVICES, SDK_SERVICES, UNSUPPORTED_SDK_SERVICES } from '../src/lang/sdk-services.js';
import { SDK_MODEL_SERVICES } from '../src/lang/sdk-services.generated.js';
import { GENERATED, pinnedVersion, readModelServices, render, stepFunctionsName } from '../scripts/gen-sdk-services.mjs';
import { CORPUS, CORPUS_NOTE, HAS_CORPUS } from './support.js';

describe('aws-sdk services from the pinned SDK models', () => {
  it('the generated list is current: exactly what the pinned @aws-cdk/asset-awscli-v1 gives (npm run gen:sdk-services)', () => {
    const read = readModelServices();
    expect(read.version).toBe(pinnedVersion());
    expect(readFileSync(GENERATED, 'utf8')).toBe(render(read));
    expect(SDK_MODEL_SERVICES).toEqual(read.services);
  });

  it('names a serviceId as Step Functions writes it: lower case, no blanks or punctuation, no trailing "Service"', () => {
    expect(
      [
        'CloudWatch Logs',
        'Database Migration Service',
        'SFN',
        'Lex Runtime Service',
        'Elastic Load Balancing v2',
        'SageMaker A2I Runtime',
        'Bedrock AgentCore',
        'Service Catalog AppRegistry',
        'ACM PCA',
      ].map(stepFunctionsName),
    ).toEqual(['cloudwatchlogs', 'databasemigration', 'sfn', 'lexruntime', 'elasticloadbalancingv2', 'sagemakera2iruntime', 'bedrockagentcore', 'servicecatalogappregistry', 'acmpca']);
    for (const known of ['cloudwatchlogs', 'costexplorer', 'sfn', 'kafka', 'databasemigration', 'bedrockagentcore', 'bedrockagentcorecontrol', 'ec2', 's3', 'dynamodb'])
      expect(SDK_SERVICES.has(known), known).toBe(true);
    // CloudFormation or botocore names are not the SDK's.
    for (const other of ['logs', 'ce', 'stepfunctions', 'msk', 'dms', 'elbv2', 'es']) expect(SDK_SERVICES.has(other), other).toBe(false);
  });

  it('the retired services kept on top are the ones the models no longer carry; the documented exclusions win over both', () => {
    const models = new Set(SDK_MODEL_SERVICES);
    expect(RETIRED_SDK_SERVICES.filter((s) => models.has(s))).toEqual([]);
    for (const s of Object.keys(UNSUPPORTED_SDK_SERVICES)) expect(SDK_SERVICES.has(s), s).toBe(false);
    expect(models.has('apigatewaymanagementapi')).toBe(true);
    const text = (r: string) => JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: r, End: true } } });
    expect(lint(text('arn:aws:states:::aws-sdk:apigatewaymanagementapi:postToConnection')).diagnostics.map((d) => [d.code, d.severity])).toEqual([['SCHEMA_VALIDATION_FAILED', 'ERROR']]);
    expect(lint(text('arn:aws:states:::aws-sdk:dsql:listClusters')).diagnostics).toEqual([]);
    expect(lint(text('arn:aws:states:::aws-sdk:iotanalytics:listChannels')).diagnostics).toEqual([]);
  });

  it.skipIf(!HAS_CORPUS)(`holds every aws-sdk service the corpus's definitions call${CORPUS_NOTE}`, () => {
    const used = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else for (const m of readFileSync(p, 'utf8').matchAll(/arn:[\w-]+:states:::aws-sdk:([A-Za-z0-9]+):/g)) used.set(m[1], p);
      }
    };
    walk(CORPUS);
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter(([s]) => !SDK_SERVICES.has(s)).map(([s, p]) => `${s} (${p})`)).toEqual([]);
  });
});
