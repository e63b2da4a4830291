/**
 * What the JSON schema (schemas/asl.schema.json, the one the engine validates with) says about a
 * field: its description, and its type and bounds (read through src/schema/navigation.ts, in the
 * definition fields.ts's definitionOf() names). Hover prefers the schema's description to the
 * fallback texts of fields.ts, so the schema stays the one source where it says something.
 */
import { propertiesOf, resolveRef, schemaDefinitions, type Definitions } from '../schema/navigation.js';
import type { QueryLanguage } from '../types.js';
import { definitionOf, type ObjectKind } from './fields.js';

type SchemaNode = {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

let definitions: Definitions | null | undefined;

function defs(): Definitions | undefined {
  if (definitions === undefined) {
    try {
      definitions = schemaDefinitions() ?? null;
    } catch {
      definitions = null; // no schema next to this build: the fallback texts answer
    }
  }
  return definitions ?? undefined;
}

/** A property node with its `$ref` followed; a description next to the $ref is the more specific one. */
function resolve(node: SchemaNode, all: Definitions): SchemaNode {
  const target = resolveRef(all, node as Record<string, unknown>) as SchemaNode;
  return { ...target, description: node.description ?? target.description };
}

/** `integer from 1 to 99999999`, `one of FULL, NONE`, `string or JSONata expression`... */
function constraint(node: SchemaNode, all: Definitions): string | undefined {
  if (node.enum) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) {
    const parts = alternatives.map((a) => resolve(a, all)).map((a) => constraint(a, all) ?? a.description);
    return parts.every(Boolean) ? parts.join(', or ') : undefined;
  }
  if (!node.type) return undefined;
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type;
  if (node.minimum !== undefined && node.maximum !== undefined) return `${type} from ${node.minimum} to ${node.maximum}`;
  if (node.minimum !== undefined) return `${type}, at least ${node.minimum}`;
  if (node.maximum !== undefined) return `${type}, at most ${node.maximum}`;
  return type;
}

export interface SchemaFieldDoc {
  description?: string;
  /** The value's type and bounds as the schema checks them. */
  constraint?: string;
}

export function schemaFieldDoc(kind: ObjectKind, field: string, stateType: string | undefined, ql: QueryLanguage): SchemaFieldDoc | undefined {
  const all = defs();
  if (!all) return undefined;
  const prop = propertiesOf(all[definitionOf(kind, stateType, ql)])[field] as SchemaNode | undefined;
  if (!prop) return undefined;
  const node = resolve(prop, all);
  return { description: node.description, constraint: constraint(node, all) };
}
