import { describe, expect, it } from 'vitest';
import { parse, formatForFile } from '../src/parse/index.js';
import { countKeysWithin } from '../src/parse/json.js';
import { countJsonKeys } from '../src/parse/json-chars.js';
import { lint } from '../src/index.js';

describe('parse: JSON', () => {
  it('parses strictly and keeps the plain value', () => {
    const doc = parse('{"a": [1, {"b": null}]}');
    expect(doc.parsed).toBe(true);
    expect(doc.value).toEqual({ a: [1, { b: null }] });
    expect(doc.syntaxErrors).toEqual([]);
  });

  it('locates the first syntax error', () => {
    const doc = parse('{\n  "a": 1,\n}');
    expect(doc.parsed).toBe(false);
    expect(doc.syntaxErrors).toEqual([{ message: 'Trailing commas are not allowed in JSON', offset: 12, length: 1 }]);
    expect(doc.positionAt(12)).toEqual({ line: 2, character: 0 });
  });

  it('finds duplicate keys at any depth, pointing at the later key', () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}';
    const doc = parse(text);
    expect(doc.duplicateKeys).toEqual([
      { path: ['b'], key: 'c', offset: 23, length: 3 },
      { path: [], key: 'a', offset: 32, length: 3 },
    ]);
  });

  it('counts keys escaped differently as the same key', () => {
    expect(parse('{"a": 1, "\\u0061": 2}').duplicateKeys.map((d) => d.key)).toEqual(['a']);
  });

  it('counts keys exactly around escaped quotes and backslashes', () => {
    expect(countJsonKeys('{"a\\"": 1, "b": "x\\\\", "c": {"d" : "\\":"}}')).toBe(4);
    expect(countKeysWithin(JSON.parse('{"a\\"": 1, "b": "x\\\\", "c": {"d" : "\\":"}}'), 10)).toBe(4);
    expect(countKeysWithin([[[1]]], 2)).toBe(-1);
  });

  it('does not mistake strings containing colons for keys', () => {
    expect(parse('{"a": "x\\": y", "b": ["c:", "d"]}').duplicateKeys).toEqual([]);
  });

  it('gives spans of values, keys and members, and of the deepest ancestor for missing paths', () => {
    const text = '{"States": {"A": {"Next": "B"}}}';
    const doc = parse(text);
    const at = (s: { offset: number; length: number }) => text.slice(s.offset, s.offset + s.length);
    expect(at(doc.spanOf(['States', 'A', 'Next']))).toBe('"B"');
    expect(at(doc.spanOf(['States', 'A', 'Next'], 'key'))).toBe('"Next"');
    expect(at(doc.spanOf(['States', 'A', 'Next'], 'member'))).toBe('"Next": "B"');
    expect(at(doc.spanOf(['States', 'A', 'Type']))).toBe('"A"');
  });

  it('maps offsets to positions with LF and CRLF line ends', () => {
    const doc = parse('{\r\n"a":\r\n1}');
    expect(doc.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(doc.positionAt(9)).toEqual({ line: 2, character: 0 });
    expect(doc.offsetAt({ line: 2, character: 0 })).toBe(9);
  });

  it.each([
    ['274/*', 3, 2],
    ['{"a": 1} /* note', 9, 7],
  ])('keeps the span of an unclosed comment in %j inside the text (found by fuzzing)', (text, offset, length) => {
    // jsonc-parser counts the missing end of the comment.
    expect(parse(text).syntaxErrors).toEqual([{ message: 'Comments are not allowed in JSON', offset, length }]);
  });

  it('flags pathological nesting instead of overflowing the stack', () => {
    const doc = parse('['.repeat(5000) + ']'.repeat(5000));
    expect(doc.tooDeep).toBe(true);
    expect(doc.parsed).toBe(false);
  });
});

describe('parse: YAML', () => {
  const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n';

  it('gives the same value and a tree with offsets', () => {
    const doc = parse(text, 'yaml');
    expect(doc.value).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } });
    const span = doc.spanOf(['States', 'A', 'Next']);
    expect(text.slice(span.offset, span.offset + span.length)).toBe('B');
    expect(doc.positionAt(span.offset)).toEqual({ line: 4, character: 10 });
  });

  it('reports duplicate keys with the path of their object', () => {
    const doc = parse('StartAt: A\nStates:\n  A:\n    Type: Pass\n    Type: Succeed\n', 'yaml');
    expect(doc.parsed).toBe(true);
    expect(doc.duplicateKeys).toEqual([{ path: ['States', 'A'], key: 'Type', offset: 43, length: 4 }]);
  });

  it('reports duplicate keys once, in flow maps, under aliases, and where keys only look different', () => {
    // Found by the conversion: the yaml package's own check is quadratic in the keys of a map.
    const text = 'a: &x {k: 1, k: 2}\nb: *x\nc: {1: a, "1": b}\n';
    const doc = parse(text, 'yaml');
    expect(doc.duplicateKeys.map((d) => [d.path, d.key, text.slice(d.offset, d.offset + d.length)])).toEqual([
      [['a'], 'k', 'k'],
      [['c'], '1', '"1"'],
    ]);
    expect(doc.value).toEqual({ a: { k: 2 }, b: { k: 2 }, c: { 1: 'b' } });
  });

  it('reports syntax errors with a position', () => {
    const doc = parse('StartAt: A\nStates: {A: [}\n', 'yaml');
    expect(doc.parsed).toBe(false);
    expect(doc.syntaxErrors).toHaveLength(1);
    expect(doc.syntaxErrors[0].offset).toBeGreaterThan(10);
  });

  it.each(['StartAt: "A', "StartAt: 'A", 'States: [', 'States: {A'])('keeps a syntax error at the end of %j inside the text (found by fuzzing)', (bad) => {
    // The yaml package places it one character past the end.
    const doc = parse(bad, 'yaml');
    expect(doc.syntaxErrors).toHaveLength(1);
    expect(doc.syntaxErrors[0]).toMatchObject({ offset: bad.length, length: 0 });
  });

  it.each([
    ['flow sequences', '['.repeat(3000) + ']'.repeat(3000)],
    ['block sequences', '- '.repeat(3000) + 'x\n'],
    ['indented block sequences', Array.from({ length: 1500 }, (_, i) => ' '.repeat(i * 2) + '- ').join('\n') + 'x\n'],
  ])('refuses %s nested past the limit before the yaml package recurses into them (found by fuzzing)', (_what, text) => {
    // The yaml composer recurses per level; around a thousand levels V8 aborted the whole
    // process on the second parse (a fatal error, not an exception).
    for (let i = 0; i < 3; i++) {
      const doc = parse(text, 'yaml');
      expect([doc.parsed, doc.tooDeep, doc.syntaxErrors]).toEqual([false, true, []]);
    }
  });

  it("says a second YAML document is not part of a definition, without the yaml package's API advice", () => {
    const doc = parse('StartAt: A\n---\nStates: {}\n', 'yaml');
    expect(doc.syntaxErrors).toEqual([{ message: 'A second YAML document starts here, but a definition is a single document', offset: 11, length: 15 }]);
  });

  it('picks the format from the file name', () => {
    expect(formatForFile('a.asl.yaml')).toBe('yaml');
    expect(formatForFile('a.ASL.YML')).toBe('yaml');
    expect(formatForFile('a.asl.json')).toBe('json');
    expect(formatForFile(undefined)).toBe('json');
  });
});

describe('positions', () => {
  it('the first positions, counted line by line, are those of the line index built afterwards', () => {
    const text = '{\n  "StartAt": "A",\n\n  "States": {"A": {"Type": "Pass", "End": true}}\n}\n';
    const offsets = [-3, 0, 1, 2, 3, 18, 19, 20, 21, 40, text.length - 2, text.length - 1, text.length, text.length + 5];
    const indexed = parse(text, 'json');
    for (let i = 0; i < 10; i++) indexed.positionAt(0); // past the counted ones: the index answers
    for (const offset of offsets) {
      const fresh = parse(text, 'json'); // its first position is counted
      expect(fresh.positionAt(offset), `offset ${offset}`).toEqual(indexed.positionAt(offset));
    }
    // Text with carriage returns always takes the index.
    const crlf = parse(text.replace(/\n/g, '\r\n'), 'json');
    expect(crlf.positionAt(text.indexOf('"States"') + 3)).toEqual(indexed.positionAt(text.indexOf('"States"')));
  });
});

describe('parse: YAML aliases, merge keys and quoted scalars (issues 9 and 10)', () => {
  const errorOf = (text: string) => {
    const doc = parse(text, 'yaml');
    expect(doc.parsed).toBe(false);
    const [e] = doc.syntaxErrors;
    return { message: e.message, at: text.slice(e.offset, e.offset + e.length) };
  };

  it('refuses a wide-anchor bomb by the values its aliases add, at the alias past the limit', () => {
    // A 100,000-item list aliased 10,000 times (230 KB): ran out of memory after 150 s.
    const text = `a: &a [${Array(100_000).fill('1').join(',')}]\nb: [${Array(10_000).fill('*a').join(',')}]\n`;
    const doc = parse(text, 'yaml');
    expect([doc.parsed, doc.value, doc.syntaxErrors.length]).toEqual([false, undefined, 1]);
    expect(doc.syntaxErrors[0].message).toBe('YAML aliases expand to more than 1,000,000 values (a definition AWS accepts, at most 1 MiB of JSON, holds far fewer)');
    // The tenth alias adds the 1,000,001st value (each copy is the list and its 100,000 items).
    expect(doc.syntaxErrors[0].offset).toBe(text.indexOf('b: [') + 4 + 9 * 3);
    expect(lint(text, { format: 'yaml' }).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`)).toEqual(['INVALID_JSON_DESCRIPTION 1:31']);
  });

  it('expands aliases up to the limit, each one a copy of the latest anchor of its name', () => {
    // 10 copies of 99,999 values (the list and its 99,998 items), then one more: 999,991.
    const text = `a: &a [${Array(99_998).fill('1').join(',')}]\nb: [${Array(10).fill('*a').join(',')}]\nc: &a 2\nd: *a\n`;
    const doc = parse(text, 'yaml');
    expect(doc.parsed).toBe(true);
    const v = doc.value as { b: number[][]; d: number };
    expect([v.b.length, v.b[9].length, v.d, v.b[0] === v.b[1]]).toEqual([10, 99_998, 2, false]);
  });

  it('reads 8,000 aliases and merge keys in one pass (104 s before) and applies the merges', () => {
    const n = 8000;
    let text = 'base: &t {Type: Pass}\nStartAt: S0\nStates:\n';
    for (let i = 0; i < n; i++) text += `  S${i}:\n    <<: *t\n    ${i + 1 < n ? `Next: S${i + 1}` : 'End: true'}\n`;
    const doc = parse(text, 'yaml');
    expect(doc.parsed).toBe(true);
    const states = (doc.value as { States: Record<string, Record<string, unknown>> }).States;
    expect([Object.keys(states).length, states.S0, states[`S${n - 1}`]]).toEqual([n, { Type: 'Pass', Next: 'S1' }, { Type: 'Pass', End: true }]);
    expect(lint(text.replace('base: &t {Type: Pass}\n', 'Comment: &t {Type: Pass}\n'), { format: 'yaml' }).diagnostics.map((d) => d.code)).toEqual(['SCHEMA_VALIDATION_FAILED']);
  });

  it('merges as PyYAML does: own keys win, an earlier map in a list wins, a later << wins, a quoted "<<" is a key', () => {
    const text = ['a: &a {x: 1, y: 1}', 'b: &b {x: 2, z: 2}', 'own: {<<: *a, x: 0}', 'list: {<<: [*a, *b]}', 'later: {<<: *a, <<: *b}', 'inline:', '  <<: {k: v}', '  m: n', 'quoted: {"<<": *a}'].join(
      '\n',
    );
    const doc = parse(text, 'yaml');
    expect(doc.duplicateKeys).toEqual([]);
    const v = doc.value as Record<string, unknown>;
    expect(v.own).toEqual({ x: 0, y: 1 });
    expect(v.list).toEqual({ x: 1, y: 1, z: 2 });
    expect(v.later).toEqual({ x: 2, y: 1, z: 2 });
    expect(v.inline).toEqual({ k: 'v', m: 'n' });
    expect(v.quoted).toEqual({ '<<': { x: 1, y: 1 } });
    // Merged members first, in PyYAML's order, then the map's own.
    expect(Object.keys(v.own as object)).toEqual(['x', 'y']);
  });

  it('a merge-keyed state is checked as its merged value (no false "Type is required")', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    <<: &pass {Type: Pass}\n    Next: B\n  B:\n    <<: *pass\n    End: true\n';
    expect(lint(text, { format: 'yaml' }).diagnostics).toEqual([]);
  });

  it('refuses a merge of something other than maps, and an alias inside the node it names', () => {
    expect(errorOf('a: {<<: [1]}\n')).toEqual({ message: 'A merge key (<<) takes a map, an alias of a map, or a list of them', at: '[1]' });
    expect(errorOf('a: &x [1, *x]\n')).toEqual({ message: 'The alias *x is inside the node it names (a recursive structure is not JSON)', at: '*x' });
  });

  it('accepts multi-line quoted scalars at any indentation, folded, with escapes (as PyYAML and SnakeYAML do)', () => {
    // As a published AWS solution template writes a definition: continuation lines at the
    // key's own indentation, or less.
    const text = [
      'Resources:',
      '  Machine:',
      '    Properties:',
      '      DefinitionString: "{\\"StartAt\\": \\"A\\",',
      '      \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\",',
      '  \\"Comment\\": \\"tab\\there \\u00e9\\",',
      '',
      '\\"End\\": true}}}"',
      "      Single: 'it''s",
      "    folded'",
      '      After: 1',
    ].join('\n');
    const doc = parse(text, 'yaml');
    expect(doc.syntaxErrors).toEqual([]);
    const props = (doc.value as { Resources: { Machine: { Properties: Record<string, unknown> } } }).Resources.Machine.Properties;
    expect(props.DefinitionString).toBe('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "tab\there é",\n"End": true}}}');
    expect([props.Single, props.After]).toEqual(["it's folded", 1]);
  });

  it('still ends a quoted scalar at a document marker, as PyYAML does', () => {
    expect(parse('a: "x\n---\n  y"\n', 'yaml').parsed).toBe(false);
  });
});
