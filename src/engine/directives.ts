/**
 * Inline suppressions. JSON has no comments, so the directive lives in a `Comment` field, which
 * AWS accepts on the machine, states, branches, processors, Choice rules, retriers and catchers:
 *   "Comment": "Calls the legacy API. asl-lint-disable NO_DOLLAR, state-unreachable"
 * disables those rules (by rule id or AWS code; none listed = all) for that object and everything
 * inside it; `asl-lint-disable-line` / `asl-lint-disable-next-line` in a Comment disable them on
 * the Comment's line / the line after it. YAML also takes real comments:
 *   # asl-lint-disable-line NO_DOLLAR           (the line of the comment)
 *   # asl-lint-disable-next-line NO_DOLLAR      (the next line that is not a comment)
 *   # asl-lint-disable NO_DOLLAR                (the whole file)
 * ESLint's ` -- reason` may follow the list. An unknown directive (`asl-lint-disable-nextline`,
 * `asl-lint-enable`) or an unknown rule name in one is an error (invalid-disable-directive): a
 * typo must not silently disable nothing, nor everything.
 * Everything here is linear: lines are indexed once per text, findings meet the directives of
 * their own line and of the objects on their path through maps, not by trying every directive.
 */
import { Document } from '../parse/document.js';
import { memo } from '../memo.js';
import type { Path, Span } from '../types.js';
import type { Finding } from './finding.js';

export interface Directive {
  kind: 'comment-field' | 'line' | 'yaml-file';
  /** Rule ids or codes; empty means every rule. */
  rules: string[];
  /** For comment-field directives: the object whose Comment holds it. */
  scope?: Path;
  /** For line directives: the zero-based line it applies to. */
  line?: number;
  /** Where the directive is written (YAML comments; Comment fields use commentPath). */
  span: Span;
  /** For directives in a Comment field: the path of the Comment value. */
  commentPath?: Path;
  used: Set<string>;
}

/** A directive that cannot be honoured: reported as an error. */
export interface DirectiveProblem {
  path: Path;
  span?: Span;
  message: string;
}

const MARK = 'asl-lint-';
const KNOWN = ['disable', 'disable-line', 'disable-next-line'] as const;
type Known = (typeof KNOWN)[number];
/** In a Comment field: `asl-lint-<word>` where the word says it is meant as a directive. */
const IN_COMMENT = /asl-lint-((?:disable|enable|ignore)[A-Za-z-]*)([^\n]*)/;
/** A YAML comment that starts with `asl-lint-`. */
const YAML_COMMENT = /(^|[ \t])#[ \t]*asl-lint-([A-Za-z-]*)([^\n]*)/gm;

/** The rule list and an optional ` -- reason`; `bad` collects words that are not rule names. */
function parseList(s: string, known: (name: string) => boolean, bad: string[]): string[] {
  // The list ends at ` -- ` (ESLint's reason separator) or at the first character no rule name,
  // comma or space has (`asl-lint-disable NO_DOLLAR. The API wants...`).
  const list = /^[A-Za-z0-9_,\s-]*/.exec(s)![0].split(/(?:^|\s)--(?:\s|$)/, 1)[0];
  const out: string[] = [];
  for (const word of list.split(/[\s,]+/)) {
    if (word === '') continue;
    if (known(word)) out.push(word);
    else bad.push(word);
  }
  return out;
}

interface YamlEntry {
  kind: Known | 'unknown';
  name: string;
  rest: string;
  offset: number;
  length: number;
  line: number;
}

/**
 * Parsed YAML comment directives of a text, by the text (they depend on nothing else): a
 * template's many views, each a document of the same text, share them. The last text is kept.
 */
const yamlEntriesOf = memo((text: string): YamlEntry[] => yamlEntriesOfText(text), 1);

function yamlEntries(doc: Document): YamlEntry[] {
  return yamlEntriesOf(doc.text);
}

function yamlEntriesOfText(text: string): YamlEntry[] {
  // The line numbering of a document of this text: the one findings are compared with in applyDirectives.
  const doc = new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [] });
  const entries: YamlEntry[] = [];
  for (const m of text.matchAll(YAML_COMMENT)) {
    const offset = (m.index ?? 0) + m[1].length;
    const name = m[2];
    const kind = (KNOWN as readonly string[]).includes(name) ? (name as Known) : 'unknown';
    const line = doc.positionAt(offset).line;
    entries.push({ kind, name, rest: m[3], offset, length: m[0].length - m[1].length, line: kind === 'disable-next-line' ? nextContentLine(text, doc.getLineStarts(), line) : line });
  }
  return entries;
}

function nextContentLine(text: string, starts: readonly number[], line: number): number {
  for (let i = line + 1; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const t = text.slice(starts[i], end).trim();
    if (t !== '' && !t.startsWith('#')) return i;
  }
  return line + 1;
}

/** Whether a text holds a directive, for the last text asked about: a template's views share one text. */
const hasMark = memo((text: string): boolean => text.includes(MARK), 1);

export function collectDirectives(doc: Document, known: (name: string) => boolean = () => true, problems: DirectiveProblem[] = []): Directive[] {
  if (!hasMark(doc.text)) return [];
  const out: Directive[] = [];
  const walk = (v: unknown, path: Path, depth: number) => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'Comment' && typeof x === 'string') {
        const m = IN_COMMENT.exec(x);
        if (!m) continue;
        const commentPath = [...path, k];
        const name = m[1];
        if (!(KNOWN as readonly string[]).includes(name)) {
          problems.push({ path: commentPath, message: unknownDirective(name) });
          continue;
        }
        const bad: string[] = [];
        const rules = parseList(m[2], known, bad);
        for (const b of bad) problems.push({ path: commentPath, message: unknownRuleIn(b, name) });
        if (bad.length && rules.length === 0) continue; // never widen a mistyped list to "every rule"
        if (name === 'disable') {
          out.push({ kind: 'comment-field', rules, scope: path, commentPath, span: { offset: -1, length: 0 }, used: new Set() });
        } else {
          const at = doc.spanOf(commentPath);
          const line = doc.positionAt(at.offset).line + (name === 'disable-next-line' ? 1 : 0);
          out.push({ kind: 'line', rules, line, commentPath, span: at, used: new Set() });
        }
      } else walk(x, [...path, k], depth + 1);
    }
  };
  walk(doc.value, [], 0);
  if (doc.format === 'yaml') {
    // A view on a template (a definition inside it) takes the comments inside its own range,
    // and the file-wide ones.
    const root = doc.tree();
    const from = root ? root.offset : 0;
    const to = root ? root.offset + root.length : doc.text.length;
    const whole = !isView(doc.text, from);
    for (const e of yamlEntries(doc)) {
      const span = { offset: e.offset, length: e.length };
      if (e.kind === 'unknown') {
        if (whole || (e.offset >= from && e.offset < to)) problems.push({ path: [], span, message: unknownDirective(e.name) });
        continue;
      }
      if (e.kind !== 'disable' && !whole && (e.offset < from || e.offset >= to)) continue;
      const bad: string[] = [];
      const rules = parseList(e.rest, known, bad);
      if (whole || (e.offset >= from && e.offset < to)) for (const b of bad) problems.push({ path: [], span, message: unknownRuleIn(b, e.kind) });
      if (bad.length && rules.length === 0) continue;
      if (e.kind === 'disable') out.push({ kind: 'yaml-file', rules, span, used: new Set() });
      else out.push({ kind: 'line', rules, line: e.line, span, used: new Set() });
    }
  }
  return out;
}

/**
 * A document whose value starts after other content of its text is a view on a template (a
 * definition inside it); a plain document has only comments and blank lines before its value.
 * Stops at the first content line, so a template's many views cost little each.
 */
function isView(text: string, from: number): boolean {
  for (let p = 0; p < from;) {
    const nl = text.indexOf('\n', p);
    const end = nl < 0 || nl > from ? from : nl;
    const t = text.slice(p, end).trim();
    if (t !== '' && !t.startsWith('#') && t !== '---') return true;
    if (nl < 0) break;
    p = nl + 1;
  }
  return false;
}

function unknownDirective(name: string): string {
  const near = name.startsWith('disable') ? (name.includes('next') ? 'asl-lint-disable-next-line' : name.includes('line') ? 'asl-lint-disable-line' : 'asl-lint-disable') : undefined;
  return `Unknown directive 'asl-lint-${name}'${near && near !== `asl-lint-${name}` ? ` (did you mean '${near}'?)` : ''}: asl-lint knows asl-lint-disable, asl-lint-disable-line and asl-lint-disable-next-line. It disables nothing.`;
}

function unknownRuleIn(word: string, directive: string): string {
  return `Unknown rule '${word}' in asl-lint-${directive}: name rules by id (state-unreachable) or AWS code (NO_DOLLAR), separated by commas; put a reason after ' -- '. It disables nothing.`;
}

/** Removes suppressed findings; marks the directive entries that suppressed something. */
export function applyDirectives(doc: Document, findings: Finding[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  const fileWide: Directive[] = [];
  const byLine = new Map<number, Directive[]>();
  const byScope = new Map<string, Directive[]>();
  for (const d of directives) {
    if (d.kind === 'yaml-file') fileWide.push(d);
    else if (d.kind === 'line') push(byLine, d.line!, d);
    else push(byScope, scopeKey(d.scope!, d.scope!.length), d);
  }
  const tryAll = (list: Directive[] | undefined, f: Finding): boolean => {
    if (!list) return false;
    for (const d of list) {
      const entry = d.rules.length === 0 ? '*' : d.rules.find((r) => r === f.rule.meta.id || r === f.code);
      if (entry) {
        d.used.add(entry);
        return true;
      }
    }
    return false;
  };
  return findings.filter((f) => {
    if (byScope.size) {
      let key = '';
      for (let k = 0; k <= f.path.length; k++) {
        if (k > 0) key += '\u0000' + String(f.path[k - 1]);
        if (tryAll(byScope.get(key), f)) return false;
      }
    }
    if (byLine.size) {
      const span = f.span ?? doc.spanOf(f.path, f.part);
      if (tryAll(byLine.get(doc.positionAt(span.offset).line), f)) return false;
    }
    return !tryAll(fileWide, f);
  });
}

function push<K>(m: Map<K, Directive[]>, k: K, d: Directive): void {
  const list = m.get(k);
  if (list) list.push(d);
  else m.set(k, [d]);
}

function scopeKey(path: Path, n: number): string {
  let key = '';
  for (let k = 1; k <= n; k++) key += '\u0000' + String(path[k - 1]);
  return key;
}

/** Findings for the directive entries that suppressed nothing. */
export function unusedDirectiveReports(directives: Directive[]): { path: Path; span?: Span; message: string }[] {
  const out: { path: Path; span?: Span; message: string }[] = [];
  for (const d of directives) {
    const unused = d.rules.length === 0 ? (d.used.size ? [] : ['(all rules)']) : d.rules.filter((r) => !d.used.has(r));
    if (unused.length === 0) continue;
    out.push({
      path: d.commentPath ?? [],
      span: d.commentPath ? undefined : d.span,
      message: `Unused asl-lint-disable directive: nothing was reported for ${unused.join(', ')} here. Remove it.`,
    });
  }
  return out;
}
