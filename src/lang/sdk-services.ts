/**
 * AWS SDK integrations (`arn:<partition>:states:::aws-sdk:<service>:<action>`): the service names
 * Step Functions knows, the services and actions it does not support.
 *
 * AWS checks the service and action against its own list when the definition is created
 * ("The resource provided ... is not recognized"), and that list grows every quarter. So only the
 * exclusions documented or measured are errors here; a service missing from the list below is a
 * warning (it may be newer than this list).
 *
 * The names come from AWS's service models (src/lang/sdk-services.generated.ts, written by
 * scripts/gen-sdk-services.mjs from the pinned devDependency @aws-cdk/asset-awscli-v1, the AWS
 * CLI's botocore models): Step Functions writes a service as the SDK's client name in lower case
 * (the model's serviceId without blanks, punctuation and a trailing "Service": cloudwatchlogs,
 * databasemigration, sfn, bedrockagentcore). On top of them:
 * - RETIRED: services the Developer Guide listed whose models AWS has since removed from the SDKs
 *   with the service (deployed definitions in the corpus call iotanalytics and lookoutvision);
 * - the documented exclusions below (deprecated integrations, `apigatewaymanagementapi` measured:
 *   a CloudFormation deployment refused with the message above), which win over both lists.
 * Sources: AWS Step Functions Developer Guide, "AWS SDK service integrations" (supported services,
 * unsupported API actions, deprecated integrations), and the change log of supported services.
 */
import { SDK_MODEL_SERVICES } from './sdk-services.generated.js';

/** In the former hand-written list (from the Developer Guide), no longer in the SDK models. */
export const RETIRED_SDK_SERVICES: readonly string[] = `
alexaforbusiness codestar elasticinference elastictranscoder evidently honeycode iot1clickprojects iotanalytics iotevents
ioteventsdata iotfleethub lookoutmetrics lookoutvision opsworks opsworkscm panorama privatenetworks qldb qldbsession robomaker
simspaceweaver sms worklink
`
  .split(/\s+/)
  .filter(Boolean);

/** Services Step Functions does not offer as SDK integrations (documented as deprecated, or measured). */
export const UNSUPPORTED_SDK_SERVICES: Readonly<Record<string, string>> = {
  apigatewaymanagementapi: 'the API Gateway Management API is not available as an AWS SDK integration; call it from a Lambda function',
  mobile: 'the AWS Mobile integration is deprecated',
  macie: 'the Amazon Macie (classic) integration is deprecated; use macie2',
};

/** Documented unsupported API actions of supported services (service:action). */
export const UNSUPPORTED_SDK_ACTIONS: ReadonlySet<string> = new Set([
  'comprehendmedical:detectEntities',
  'efs:createTags',
  'elastictranscoder:testRole',
  'emr:describeJobFlows',
  'iotdeviceadvisor:listTestCases',
  'kinesis:subscribeToShard',
  'lambda:invokeAsync',
  'lexruntimev2:startConversation',
  'mediapackage:rotateChannelCredentials',
  'rdsdata:executeSql',
  's3:selectObjectContent',
  's3control:selectObjectContent',
  'shield:deleteSubscription',
]);

/** Every service name accepted without a warning: the models' and the retired ones, less the unsupported. */
export const SDK_SERVICES: ReadonlySet<string> = new Set([...SDK_MODEL_SERVICES, ...RETIRED_SDK_SERVICES].filter((s) => !Object.hasOwn(UNSUPPORTED_SDK_SERVICES, s)));
