/**
 * Editor texts for ASL's small languages. The facts and their descriptions live in src/lang
 * (intrinsics.ts, jsonata-functions.ts, states-variable.ts, resource.ts); this module shapes them
 * for completion and hover (intrinsic signatures and snippets) and re-exports the rest.
 */
import { INTRINSICS, intrinsicSignature, type IntrinsicSignature } from '../lang/intrinsics.js';

export interface IntrinsicDoc {
  /** `States.ArrayPartition` */
  name: string;
  /** `States.ArrayPartition(array: array, chunk size: integer) -> array` */
  signature: string;
  doc: string;
  /** Parameter names, for the snippet (the required ones). */
  params: string[];
}

function intrinsicDoc(name: string, sig: IntrinsicSignature): IntrinsicDoc {
  const params = sig.params.slice(0, Math.max(sig.min, sig.max === Infinity ? sig.params.length : sig.min)).map((p) => p.name);
  return { name, signature: intrinsicSignature(name, sig), doc: sig.doc, params };
}

export const INTRINSIC_DOCS: readonly IntrinsicDoc[] = Object.entries(INTRINSICS).map(([name, sig]) => intrinsicDoc(name, sig));

export const INTRINSIC_BY_NAME: ReadonlyMap<string, IntrinsicDoc> = new Map(INTRINSIC_DOCS.map((i) => [i.name, i]));

/** A completion snippet: `States.ArrayPartition(${1:array}, ${2:chunk size})`. */
export function intrinsicSnippet(i: IntrinsicDoc): string {
  return `${i.name}(${i.params.map((p, n) => `\${${n + 1}:${p}}`).join(', ')})`;
}

export function intrinsicMarkdown(i: IntrinsicDoc): string {
  return ['```\n' + i.signature + '\n```', i.doc, 'Intrinsic function (JSONPath states, in a field whose key ends in `.$`).'].filter(Boolean).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// JSONata states

export { CONTEXT_PATHS, STATES_FIELDS } from '../lang/states-variable.js';
export { JSONATA_FUNCTION_DOCS } from '../lang/jsonata-functions.js';

// ---------------------------------------------------------------------------------------------
// Task resources: lang/resource.ts's table and descriptions.

export { describeResource, RESOURCE_PATTERNS } from '../lang/resource.js';
