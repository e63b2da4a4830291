/**
 * Rename a state: its key under States and every StartAt / Next / Default / Choices[].Next /
 * Catch[].Next of its scope, in one WorkspaceEdit.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver';
import { findStateAnywhere } from '../model/model.js';
import { MAX_STATE_NAME_LENGTH } from '../../rules/state-name-invalid.js';
import type { Position } from '../types.js';
import type { Analysis } from './analysis.js';
import { fixIsSound, rawText, scalarText } from '../fix/edits.js';
import { occurrences, stateSymbolAt } from './stateNames.js';

/** Why a rename cannot happen, said for a person (the server turns it into a ResponseError). */
export class RenameRefused extends Error {}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } {
  if (analysis.tolerant) throw new RenameRefused('Fix the syntax error first: a state can be renamed once the document parses.');
  const symbol = stateSymbolAt(analysis, analysis.doc.offsetAt(position));
  if (!symbol) throw new RenameRefused('Put the cursor on a state name (a key under States, or a StartAt, Next or Default value) to rename it.');
  if (!symbol.state) throw new RenameRefused(`There is no state '${symbol.name}' in this scope to rename.`);
  return { range: analysis.doc.rangeOf(symbol.span.offset, symbol.span.length), placeholder: symbol.name };
}

export function rename(analysis: Analysis, position: Position, newName: string): WorkspaceEdit {
  prepareRename(analysis, position);
  const symbol = stateSymbolAt(analysis, analysis.doc.offsetAt(position))!;
  const model = analysis.model!;
  if (newName === symbol.name) return { changes: { [analysis.uri]: [] } };
  if (newName.length === 0) throw new RenameRefused('A state name cannot be empty.');
  if (newName.length > MAX_STATE_NAME_LENGTH) throw new RenameRefused(`A state name can have at most ${MAX_STATE_NAME_LENGTH} characters.`);
  if (CONTROL.test(newName)) throw new RenameRefused('A state name cannot contain control characters.');
  const clash = findStateAnywhere(model, newName);
  if (clash) throw new RenameRefused(`A state named '${newName}' already exists (state names must be unique in the whole state machine).`);
  const doc = analysis.doc;
  const found = occurrences(doc, symbol.scope, symbol.name);
  // A YAML anchor or alias is shared: renaming through it would change other places too.
  if (found.length && !fixIsSound(doc, { title: 'rename', edits: found.map((o) => ({ ...o.span, newText: '' })) })) {
    throw new RenameRefused(`'${symbol.name}' is written through a YAML anchor or alias; rename it by hand.`);
  }
  const edits = found.map((o) => ({
    range: doc.rangeOf(o.span.offset, o.span.length),
    newText: scalarText(doc, newName, rawText(doc, o.span)),
  }));
  return { changes: { [analysis.uri]: edits } };
}
