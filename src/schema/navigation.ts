/**
 * Walking schemas/asl.schema.json: its definitions (read once, lazily), `$ref`s, the node for a
 * path inside a value validated against a definition, the other query language's twin of a
 * definition, the fields an object definition allows. Shared by the error mapper (collapse.ts,
 * messages.ts) and the editor (hover docs and completion's field lists, src/lsp/).
 */
import type { PathSegment } from '../types.js';
import { readSchemaText } from './compile.js';

export type SchemaNode = Record<string, unknown>;
export type Definitions = Record<string, SchemaNode>;

let definitions: Definitions | undefined;

/** The schema's definitions, parsed on first use (only when a document has an error, or for the editor). */
export function schemaDefinitions(): Definitions {
  return (definitions ??= (JSON.parse(readSchemaText()) as { definitions: Definitions }).definitions);
}

/** The definition a `$ref` names (`#/definitions/x`), or the node itself. */
export function resolveRef(defs: Definitions, node: SchemaNode | undefined): SchemaNode {
  let n = node ?? {};
  for (let i = 0; i < 20 && typeof n.$ref === 'string'; i++) n = defs[refName(n.$ref)] ?? {};
  return n;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * The schema node for the value at `segs` inside `root` (validated against `definition`), and the
 * name of the innermost definition on the way. An `anyOf` is entered through the alternative of
 * the value's own JSON type (object or array).
 */
export function nodeAt(defs: Definitions, definition: string, root: unknown, segs: readonly PathSegment[]): { node: SchemaNode; name: string } {
  let name = definition;
  let node: SchemaNode = defs[name] ?? {};
  let value: unknown = root;
  const enter = () => {
    for (let i = 0; i < 20; i++) {
      if (typeof node.$ref === 'string') {
        name = refName(node.$ref);
        node = defs[name] ?? {};
      } else if (Array.isArray(node.anyOf)) {
        // The alternative of the value's own JSON type (object or array); scalars stop here.
        const t = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : undefined;
        const alt = t && (node.anyOf as SchemaNode[]).find((a) => resolveRef(defs, a).type === t);
        if (!alt) return;
        node = alt;
      } else return;
    }
  };
  enter();
  for (const seg of segs) {
    const next = typeof seg === 'number' ? (node.items as SchemaNode | undefined) : (propertiesOf(node)[seg] as SchemaNode | undefined);
    node = next ?? {};
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    enter();
  }
  return { node, name };
}

/** The same structure in the other query language (`catcher.JSONPath` <-> `catcher.JSONata`), if there is one. */
export function twinOf(name: string): string | undefined {
  if (name.endsWith('.JSONPath')) return name.replace(/\.JSONPath$/, '.JSONata');
  if (name.endsWith('.JSONata')) return name.replace(/\.JSONata$/, '.JSONPath');
  return undefined;
}

/** The twin (other query language) of the innermost definition at `segs`. */
export function twinNode(defs: Definitions, definition: string, root: unknown, segs: readonly PathSegment[]): SchemaNode | undefined {
  const twin = twinOf(nodeAt(defs, definition, root, segs).name);
  return twin ? resolveRef(defs, defs[twin]) : undefined;
}

/**
 * A definition as an object schema: itself (through `$ref`s), or the object alternative of its
 * `anyOf` (`credentials.JSONata`: an object or a JSONata expression); undefined when the schema
 * has no such definition or it takes no object.
 */
export function objectDefinition(defs: Definitions, name: string): SchemaNode | undefined {
  if (!defs[name]) return undefined;
  const node = resolveRef(defs, defs[name]);
  if (!Array.isArray(node.anyOf)) return node;
  return (node.anyOf as SchemaNode[]).map((a) => resolveRef(defs, a)).find((a) => a.type === 'object');
}

/** The fields an object definition allows, by name (see objectDefinition). */
export function objectProperties(defs: Definitions, name: string): Record<string, unknown> {
  return propertiesOf(objectDefinition(defs, name));
}

export function propertiesOf(node: SchemaNode | undefined): Record<string, unknown> {
  return (node?.properties as Record<string, unknown> | undefined) ?? {};
}

export function has(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** ajv's instancePath (`/Retry/0/BackoffRate`) as path segments, array indices as numbers. */
export function toSegments(root: unknown, pointer: string): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}
