/** Go to definition, find references and document highlights for state names. */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { Position } from '../types.js';
import type { Analysis } from './analysis.js';
import { occurrences, stateSymbolAt } from './stateNames.js';

export function definition(analysis: Analysis, position: Position): Location | null {
  const offset = analysis.doc.offsetAt(position);
  const symbol = stateSymbolAt(analysis, offset);
  if (!symbol?.state || !analysis.model) return null;
  const span = analysis.doc.spanOf(symbol.state.path, 'key');
  return { uri: analysis.uri, range: analysis.doc.rangeOf(span.offset, span.length) };
}

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const offset = analysis.doc.offsetAt(position);
  const symbol = stateSymbolAt(analysis, offset);
  if (!symbol || !analysis.model) return [];
  return occurrences(analysis.doc, symbol.scope, symbol.name)
    .filter((o) => includeDeclaration || o.kind !== 'definition')
    .map((o) => ({ uri: analysis.uri, range: analysis.doc.rangeOf(o.span.offset, o.span.length) }));
}

export function documentHighlights(analysis: Analysis, position: Position): DocumentHighlight[] {
  const offset = analysis.doc.offsetAt(position);
  const symbol = stateSymbolAt(analysis, offset);
  if (!symbol || !analysis.model) return [];
  return occurrences(analysis.doc, symbol.scope, symbol.name).map((o) => ({
    range: analysis.doc.rangeOf(o.span.offset, o.span.length),
    kind: o.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
