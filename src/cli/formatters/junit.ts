/**
 * JUnit XML for CI dashboards: one test suite per file, one failing test case per diagnostic
 * (a clean file is one passing test case, so dashboards count what was checked).
 */
import type { FileResult, Formatter } from './types.js';
import { printableLines } from '../printable.js';

/** Control characters (which XML 1.0 cannot carry, or a viewer would obey) are shown as escapes. */
function xml(s: string): string {
  return printableLines(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const junit: Formatter = {
  format(results) {
    const out = ['<?xml version="1.0" encoding="utf-8"?>'];
    const total = results.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
    const failures = results.reduce((n, f) => n + f.diagnostics.length, 0);
    out.push(`<testsuites name="asl-lint" tests="${total}" failures="${failures}" errors="0">`);
    for (const file of results) {
      const n = Math.max(1, file.diagnostics.length);
      out.push(`  <testsuite name="${xml(file.filePath)}" tests="${n}" failures="${file.diagnostics.length}" errors="0">`);
      if (file.diagnostics.length === 0) out.push(`    <testcase classname="${xml(file.filePath)}" name="asl-lint" />`);
      for (const d of file.diagnostics) {
        const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        const name = `${pos} ${d.code} (${d.rule})`;
        out.push(`    <testcase classname="${xml(file.filePath)}" name="${xml(name)}">`);
        out.push(`      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${file.filePath}:${pos} ${d.severity} ${d.message}${d.location ? ` at ${d.location}` : ''} ${d.code}`)}</failure>`);
        out.push('    </testcase>');
      }
      out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
  },
};

export default junit;
