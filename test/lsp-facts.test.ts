/**
 * The editor reads the state types' descriptions from lang/state-fields.ts, looked up by own key:
 * a state whose Type is "constructor" (or another Object.prototype member) used to show the
 * source of Object's function in hover ("function Object() { [native code] }").
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTextDocument } from '../src/lsp/analysis.js';
import { completion } from '../src/lsp/completion.js';
import { hover } from '../src/lsp/hover.js';
import { defaultSettings } from '../src/lsp/settings.js';
import { STATE_TYPES, stateTypeDoc } from '../src/lang/state-fields.js';

function analysisOf(text: string) {
  return analyzeTextDocument(TextDocument.create('file:///m.asl.json', 'json', 1, text), defaultSettings)!;
}
const hoverText = (text: string, at: number) => {
  const h = hover(analysisOf(text), { line: 0, character: at });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
};

describe('state type descriptions come from lang/ and are looked up by own key', () => {
  it('every state type has a description; no other Type has one', () => {
    for (const t of STATE_TYPES) expect(stateTypeDoc(t), t).toMatch(/^[A-Z].+\.$/);
    for (const t of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'task']) expect(stateTypeDoc(t), t).toBeUndefined();
  });

  it('hover over a Type "constructor" and over its state name shows no function source', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "constructor", "End": true}}}';
    const onType = hoverText(text, text.indexOf('constructor') + 3);
    expect(onType).not.toContain('function');
    expect(onType).not.toContain('**constructor** state');
    const onName = hoverText(text, text.indexOf('"A": {') + 1);
    expect(onName).toContain('**A**: constructor state (JSONPath)');
    expect(onName).not.toContain('function');
  });

  it('hover over a real Type still shows its description', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
    expect(hoverText(text, text.indexOf('Succeed') + 2)).toBe(`**Succeed** state\n\n${stateTypeDoc('Succeed')}`);
  });

  it('completion of Type values lists the eight types with their descriptions', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": ""}}}';
    const list = completion(analysisOf(text), { line: 0, character: text.indexOf('""') + 1 });
    expect(list.items.map((i) => i.label)).toEqual([...STATE_TYPES]);
    expect(list.items.map((i) => i.documentation)).toEqual(STATE_TYPES.map((t) => ({ kind: 'markdown', value: stateTypeDoc(t) })));
  });

  it('completion and hover in a state whose Type is "constructor" answer instead of throwing', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "constructor", "": 1, "Next": "A"}}}';
    const a = analysisOf(text);
    // Key completion offers every state field (the type is unknown), as for any unknown Type.
    const keys = completion(a, { line: 0, character: text.indexOf('"": 1') + 1 }).items.map((i) => i.label);
    const other = text.replace('constructor', 'Nope');
    expect(keys).toEqual(completion(analysisOf(other), { line: 0, character: other.indexOf('"": 1') + 1 }).items.map((i) => i.label));
    expect(keys).toContain('Resource');
    expect(() => hover(a, { line: 0, character: text.indexOf('"Next"') + 2 })).not.toThrow();
  });
});
