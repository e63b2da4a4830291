/**
 * Inline suppressions. JSON has no comments, so the directive lives in a `Comment` field, which
 * AWS accepts on the machine, states, branches, processors, Choice rules, retriers and catchers:
 *   "Comment": "Calls the legacy API. asl-lint-disable NO_DOLLAR, state-unreachable"
 * disables those rules (by rule id or AWS code; none listed = all) for that object and everything
 * inside it. YAML also takes real comments:
 *   # asl-lint-disable-next-line NO_DOLLAR      (the next line that is not a comment)
 *   # asl-lint-disable NO_DOLLAR                (the whole file)
 */
import type { Document } from '../parse/document.js';
import type { Path } from '../types.js';
import type { Finding } from './engine.js';
import { defineRule, type Rule } from './rule.js';

export interface Directive {
  kind: 'comment-field' | 'yaml-next-line' | 'yaml-file';
  /** Rule ids or codes; empty means every rule. */
  rules: string[];
  /** For comment-field directives: the object whose Comment holds it. */
  scope?: Path;
  /** For yaml-next-line: the zero-based line it applies to. */
  line?: number;
  /** Where the directive is written. */
  span: { offset: number; length: number };
  /** For comment-field directives: the path of the Comment value. */
  commentPath?: Path;
  used: Set<string>;
}

const MARK = 'asl-lint-disable';
const IN_COMMENT = /asl-lint-disable(?!-)\s*([A-Za-z0-9_,\s-]*)/;

function parseList(s: string | undefined): string[] {
  return (s ?? '')
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter((x) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(x));
}

export function collectDirectives(doc: Document): Directive[] {
  if (!doc.text.includes(MARK)) return [];
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
        if (m) {
          const commentPath = [...path, k];
          out.push({ kind: 'comment-field', rules: parseList(m[1]), scope: path, commentPath, span: { offset: -1, length: 0 }, used: new Set() });
        }
      } else walk(x, [...path, k], depth + 1);
    }
  };
  walk(doc.value, [], 0);
  if (doc.format === 'yaml') {
    const re = /(^|[ \t])#[ \t]*asl-lint-disable(-next-line)?\b([^\n]*)/g;
    for (const m of doc.text.matchAll(re)) {
      const offset = (m.index ?? 0) + m[1].length;
      const span = { offset, length: m[0].length - m[1].length };
      const rules = parseList(m[3]);
      if (m[2]) {
        const line = nextContentLine(doc, doc.positionAt(offset).line);
        out.push({ kind: 'yaml-next-line', rules, line, span, used: new Set() });
      } else out.push({ kind: 'yaml-file', rules, span, used: new Set() });
    }
  }
  return out;
}

function nextContentLine(doc: Document, line: number): number {
  const lines = doc.text.split(/\r?\n/);
  for (let i = line + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t !== '' && !t.startsWith('#')) return i;
  }
  return line + 1;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

/** Removes suppressed findings; marks the directive entries that suppressed something. */
export function applyDirectives(doc: Document, findings: Finding[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  return findings.filter((f) => {
    for (const d of directives) {
      const entry = d.rules.length === 0 ? '*' : d.rules.find((r) => r === f.rule.meta.id || r === f.code);
      if (!entry) continue;
      let hit = false;
      if (d.kind === 'comment-field') hit = startsWith(f.path, d.scope!);
      else if (d.kind === 'yaml-file') hit = true;
      else {
        const span = f.span ?? doc.spanOf(f.path, f.part);
        hit = doc.positionAt(span.offset).line === d.line;
      }
      if (hit) {
        d.used.add(entry);
        return false;
      }
    }
    return true;
  });
}

export const unusedDirectiveRule: Rule = defineRule({
  meta: {
    id: 'unused-disable-directive',
    code: 'LINT_UNUSED_DIRECTIVE',
    severity: 'WARNING',
    description: 'An asl-lint-disable directive that suppresses nothing.',
    rationale: 'A directive left behind after the problem was fixed hides the next real problem of that kind. Reported with --report-unused-disable-directives.',
    examples: { valid: [], invalid: [] },
  },
  check() {
    // Reported by the engine, which alone knows which directives were used.
  },
});

/** Findings for the directive entries that suppressed nothing. */
export function unusedDirectiveReports(directives: Directive[]): { path: Path; span?: { offset: number; length: number }; message: string }[] {
  const out: { path: Path; span?: { offset: number; length: number }; message: string }[] = [];
  for (const d of directives) {
    const unused = d.rules.length === 0 ? (d.used.size ? [] : ['(all rules)']) : d.rules.filter((r) => !d.used.has(r));
    if (unused.length === 0) continue;
    out.push({
      path: d.commentPath ?? [],
      span: d.kind === 'comment-field' ? undefined : d.span,
      message: `Unused asl-lint-disable directive: nothing was reported for ${unused.join(', ')} here. Remove it.`,
    });
  }
  return out;
}
