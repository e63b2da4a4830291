/** Types of scripts/gen-sdk-services.mjs (for test/sdk-services.test.ts; npm run gen:sdk-services runs the .mjs). */

/** The package whose botocore models give the service names (pinned to one exact version in package.json). */
export const SOURCE_PACKAGE: string;

/** src/lang/sdk-services.generated.ts (absolute path). */
export const GENERATED: string;

/** What readModelServices() reads and render() writes. */
interface ModelServices {
  /** The source package's installed version. */
  version: string;
  /** botocore's version, when the package says it. */
  botocore: string | undefined;
  /** How many service models were read (each service's newest API version). */
  models: number;
  /** The Step Functions names of their serviceIds: sorted, distinct. */
  services: string[];
}

/** The SDK name Step Functions uses for a model's serviceId. */
export function stepFunctionsName(serviceId: string): string;

/** The pinned version (package.json must name one exact version). */
export function pinnedVersion(): string;

/** Reads the installed source package: its version, botocore's version and the derived names. */
export function readModelServices(): ModelServices;

/** The text of src/lang/sdk-services.generated.ts. */
export function render(read: ModelServices): string;
