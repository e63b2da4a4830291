/** Document symbols: the states as a tree, with Parallel branches and Map processors nested. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Scope, State } from '../model/model.js';
import { isStateType, type StateType } from '../lang/state-fields.js';
import type { Document } from '../parse/document.js';
import type { Analysis } from './analysis.js';

/** Each state type's symbol kind (every type: a new one fails to compile until it has its kind). */
const KIND: Readonly<Record<StateType, SymbolKind>> = {
  Task: SymbolKind.Function,
  Pass: SymbolKind.Variable,
  Choice: SymbolKind.Enum,
  Wait: SymbolKind.Event,
  Succeed: SymbolKind.Boolean,
  Fail: SymbolKind.Boolean,
  Parallel: SymbolKind.Struct,
  Map: SymbolKind.Array,
};

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { model, doc } = analysis;
  if (!model?.rootScope) return [];
  return scopeSymbols(doc, model.rootScope);
}

function scopeSymbols(doc: Document, scope: Scope): DocumentSymbol[] {
  return scope.states.map((s) => stateSymbol(doc, s));
}

function stateSymbol(doc: Document, state: State): DocumentSymbol {
  const member = doc.spanOf(state.path, 'member');
  const key = doc.spanOf(state.path, 'key');
  const children: DocumentSymbol[] = [];
  for (const child of state.children) {
    const label = child.kind === 'branch' ? `Branch ${Number(child.path[child.path.length - 1]) + 1}` : String(child.path[child.path.length - 1]);
    const span = doc.spanOf(child.path, 'member');
    const sel = doc.spanOf(child.path, 'key');
    children.push({
      name: label,
      kind: SymbolKind.Namespace,
      range: doc.rangeOf(span.offset, span.length),
      selectionRange: doc.rangeOf(sel.offset, sel.length),
      children: scopeSymbols(doc, child),
    });
  }
  return {
    // An empty name is refused by some clients; the state-name rule reports it anyway.
    name: state.name.length ? state.name : '""',
    detail: state.type ?? '',
    // Only a state type is looked up: the table's inherited members ('constructor') are not kinds.
    kind: state.type !== undefined && isStateType(state.type) ? KIND[state.type] : SymbolKind.Object,
    range: doc.rangeOf(member.offset, member.length),
    selectionRange: doc.rangeOf(key.offset, key.length),
    children,
  };
}
