/**
 * `$variables` (set with Assign): hover (where each is assigned, and the kind of value), go to
 * definition (the Assign keys) and references (every `$name` in the document's strings).
 * Visibility follows completion's: a state sees the variables assigned in its scope and the
 * scopes enclosing it.
 */
import { MarkupKind, type Hover, type Location } from 'vscode-languageserver';
import { isObject, type Json, type Scope, type State } from '../model/model.js';
import type { Path, Position, Span } from '../types.js';
import type { Analysis } from './analysis.js';
import { tokenAt } from './cursor.js';
import { locate } from './locate.js';

interface VariableAt {
  name: string;
  /** `$name` in the text. */
  span: Span;
  state: State;
}

interface Assignment {
  state: State;
  /** The Assign member's path (its key is `name` or `name.$`). */
  path: Path;
  key: string;
  value: Json;
}

const WORD = /[A-Za-z0-9_]/;

/** The `$name` under the cursor, inside a string value of a state (not `$states`, `$$` or `$.x`). */
function variableAt(analysis: Analysis, offset: number): VariableAt | undefined {
  const { doc, model } = analysis;
  if (!model) return undefined;
  const token = tokenAt(doc, offset);
  if (!token || token.part !== 'value' || token.node.type !== 'string') return undefined;
  const text = doc.text;
  let s = offset;
  while (s > token.span.offset && WORD.test(text[s - 1])) s--;
  let e = offset;
  while (e < token.span.offset + token.span.length && WORD.test(text[e])) e++;
  if (text[s - 1] !== '$' || text[s - 2] === '$' || e === s) return undefined;
  const name = text.slice(s, e);
  if (name === 'states' || /^\d/.test(name)) return undefined;
  const state = locate(model, token.path)?.state;
  if (!state) return undefined;
  return { name, span: { offset: s - 1, length: e - s + 1 }, state };
}

/** Where `name` is assigned, in the state's scope and the scopes enclosing it. */
function assignments(state: State, name: string): Assignment[] {
  const out: Assignment[] = [];
  const fromAssign = (s: State, base: Path, assign: Json | undefined) => {
    if (!isObject(assign)) return;
    for (const key of Object.keys(assign)) {
      if (key === name || key === `${name}.$`) out.push({ state: s, path: [...base, 'Assign', key], key, value: assign[key] });
    }
  };
  for (let scope: Scope | undefined = state.scope; scope; scope = scope.parent) {
    for (const s of scope.states) {
      fromAssign(s, s.path, s.obj.Assign);
      for (const field of ['Choices', 'Catch'] as const) {
        const list = s.obj[field];
        if (Array.isArray(list)) list.forEach((item, i) => isObject(item) && fromAssign(s, [...s.path, field, i], item.Assign));
      }
    }
  }
  return out;
}

function valueKind(key: string, value: Json): string {
  if (key.endsWith('.$')) return 'a JSONPath or intrinsic function result';
  if (typeof value === 'string' && /^\s*\{%[\s\S]*%\}\s*$/.test(value)) return 'a JSONata expression result';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function variableHover(analysis: Analysis, position: Position): Hover | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  const found = assignments(v.state, v.name);
  const lines = [`**$${v.name}**: variable`];
  if (found.length === 0) lines.push(`Not assigned in any state \`${v.state.name}\` can see (Assign in this scope or an enclosing one).`);
  for (const a of found) {
    const line = analysis.doc.positionAt(analysis.doc.spanOf(a.path, 'key').offset).line + 1;
    lines.push(`- assigned in \`${a.state.name}\` (line ${line}): ${valueKind(a.key, a.value)}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: analysis.doc.rangeOf(v.span.offset, v.span.length) };
}

export function variableDefinition(analysis: Analysis, position: Position): Location[] | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  return assignments(v.state, v.name).map((a) => {
    const span = analysis.doc.spanOf(a.path, 'key');
    return { uri: analysis.uri, range: analysis.doc.rangeOf(span.offset, span.length) };
  });
}

/** Every `$name` in the text (not `$$name`, not part of a longer name), and the Assign keys when asked. */
export function variableReferences(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  const { doc } = analysis;
  const out: Location[] = [];
  const re = new RegExp(`(?<![A-Za-z0-9_$])\\$${v.name}(?![A-Za-z0-9_])`, 'g');
  for (const m of doc.text.matchAll(re)) out.push({ uri: analysis.uri, range: doc.rangeOf(m.index, m[0].length) });
  if (includeDeclaration) {
    for (const a of assignments(v.state, v.name)) {
      const span = doc.spanOf(a.path, 'key');
      out.push({ uri: analysis.uri, range: doc.rangeOf(span.offset, span.length) });
    }
  }
  return out;
}
