/**
 * AWS SDK integrations (`arn:<partition>:states:::aws-sdk:<service>:<action>`): the service names
 * Step Functions knows, the services and actions it does not support.
 *
 * AWS checks the service and action against its own list when the definition is created
 * ("The resource provided ... is not recognized"), and that list grows every quarter. So only the
 * exclusions documented or measured are errors here; a service missing from the list below is a
 * warning (it may be newer than this list).
 *
 * Sources: AWS Step Functions Developer Guide, "AWS SDK service integrations" (supported services,
 * unsupported API actions, deprecated integrations), and the change log of supported services;
 * `apigatewaymanagementapi` measured (a CloudFormation deployment refused with the message above).
 * `bedrockagentcore` (and its control plane, `bedrockagentcorecontrol`): an AWS sample calls
 * arn:aws:states:::aws-sdk:bedrockagentcore:invokeAgentRuntime (issue 10); the names are the SDK's
 * (BedrockAgentCoreClient, BedrockAgentCoreControlClient), lower-cased as Step Functions writes them.
 *
 * Not derived from a package (issue 10 asked for that): no maintained npm package carries the SDK
 * service ids Step Functions uses. aws-sdk v2's apis/metadata.json ended with v2's support and has
 * no bedrockagentcore; @aws-cdk/aws-service-spec names CloudFormation namespaces (logs, ce,
 * stepfunctions, msk where the SDK says cloudwatchlogs, costexplorer, sfn, kafka); the v3 clients
 * are one package each. An unknown service stays a warning, never an error.
 */

const SERVICES = `
accessanalyzer account acm acmpca alexaforbusiness amp amplify amplifybackend amplifyuibuilder apigateway apigatewayv2
appconfig appconfigdata appfabric appflow appintegrations applicationautoscaling applicationdiscovery applicationinsights
appmesh apprunner appstream appsync arczonalshift athena auditmanager autoscaling autoscalingplans b2bi backup backupgateway
batch bcmdataexports bedrock bedrockagent bedrockagentcore bedrockagentcorecontrol bedrockagentruntime bedrockruntime billingconductor braket budgets chatbot chime
chimesdkidentity chimesdkmediapipelines chimesdkmeetings chimesdkmessaging chimesdkvoice cleanrooms cleanroomsml cloud9
cloudcontrol clouddirectory cloudformation cloudfront cloudfrontkeyvaluestore cloudhsm cloudhsmv2 cloudsearch cloudtrail
cloudwatch cloudwatchlogs codeartifact codebuild codecatalyst codecommit codeconnections codedeploy codeguruprofiler
codegurureviewer codegurusecurity codepipeline codestar codestarconnections codestarnotifications cognitoidentity
cognitoidentityprovider cognitosync comprehend comprehendmedical computeoptimizer config connect connectcampaigns connectcases
connectcontactlens connectparticipant controlcatalog controltower costandusagereport costexplorer costoptimizationhub
customerprofiles databasemigration databrew dataexchange datapipeline datasync datazone dax deadline detective devicefarm
devopsguru directconnect directory dlm docdb docdbelastic drs dynamodb dynamodbstreams ebs ec2 ec2instanceconnect ecr ecrpublic
ecs efs eks eksauth elasticache elasticbeanstalk elasticinference elasticloadbalancing elasticloadbalancingv2 elasticsearch
elastictranscoder emr emrcontainers emrserverless entityresolution eventbridge evidently finspace firehose fis fms forecast
forecastquery frauddetector freetier fsx gamelift glacier globalaccelerator glue grafana greengrass greengrassv2 groundstation
guardduty health healthlake honeycode iam identitystore imagebuilder inspector inspector2 inspectorscan internetmonitor iot
iot1clickprojects iotanalytics iotdeviceadvisor iotevents ioteventsdata iotfleethub iotfleetwise iotjobsdataplane
iotsecuretunneling iotsitewise iotthingsgraph iottwinmaker iotwireless ivs ivschat kafka kafkaconnect kendra kendraranking
keyspaces kinesis kinesisanalytics kinesisanalyticsv2 kinesisvideo kinesisvideoarchivedmedia kinesisvideomedia
kinesisvideosignaling kms lakeformation lambda launchwizard lexmodelbuilding lexmodelsv2 lexruntime lexruntimev2
licensemanager lightsail location lookoutequipment lookoutmetrics lookoutvision m2 macie2 managedblockchain
marketplacecatalog marketplacecommerceanalytics marketplaceentitlement marketplacemetering mediaconnect mediaconvert
medialive mediapackage mediapackagev2 mediapackagevod mediastore mediatailor medicalimaging memorydb mgn migrationhub
migrationhubconfig migrationhuborchestrator migrationhubrefactorspaces migrationhubstrategy mq mturk mwaa neptune
neptunedata neptunegraph networkfirewall networkmanager networkmonitor oam omics opensearch opensearchserverless opsworks
opsworkscm organizations osis outposts panorama paymentcryptography paymentcryptographydata pcaconnectorad personalize
personalizeevents personalizeruntime pi pinpoint pinpointemail pinpointsmsvoice pinpointsmsvoicev2 pipes polly pricing
privatenetworks proton qbusiness qconnect qldb qldbsession quicksight ram rbin rds rdsdata redshift redshiftdata
redshiftserverless rekognition repostspace resiliencehub resourceexplorer2 resourcegroups resourcegroupstaggingapi robomaker
rolesanywhere route53 route53domains route53profiles route53recoverycluster route53recoverycontrolconfig
route53recoveryreadiness route53resolver rum s3 s3control s3outposts sagemaker sagemakera2iruntime sagemakeredge
sagemakerfeaturestoreruntime sagemakergeospatial sagemakermetrics sagemakerruntime savingsplans scheduler schemas
secretsmanager securityhub securitylake serverlessapplicationrepository servicecatalog servicecatalogappregistry
servicediscovery servicequotas ses sesv2 sfn shield signer simspaceweaver sms snowball snowdevicemanagement sns sqs ssm
ssmcontacts ssmincidents ssmsap sso ssoadmin ssooidc storagegateway sts supplychain support supportapp swf synthetics
taxsettings textract timestreaminfluxdb timestreamquery timestreamwrite tnb transcribe transfer translate trustedadvisor
verifiedpermissions voiceid vpclattice waf wafregional wafv2 wellarchitected wisdom workdocs worklink workmail
workmailmessageflow workspaces workspacesthinclient workspacesweb xray
`;

export const SDK_SERVICES: ReadonlySet<string> = new Set(SERVICES.split(/\s+/).filter(Boolean));

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
