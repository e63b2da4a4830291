/**
 * JUnit XML for CI dashboards: one test suite per file, one failing test case per diagnostic
 * (a clean file is one passing test case, so dashboards count what was checked).
 */
import { streamingFormatter } from './types.js';
import { printableLines } from '../printable.js';

/** Control characters (which XML 1.0 cannot carry, or a viewer would obey) are shown as escapes. */
function xml(s: string): string {
  return printableLines(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The totals come first in the XML: each file's suite is kept as text (not its results) until the end. */
const junit = streamingFormatter(() => {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  return {
    file(file) {
      const out: string[] = [];
      total += Math.max(1, file.diagnostics.length);
      failures += file.diagnostics.length;
      const n = Math.max(1, file.diagnostics.length);
      out.push(`  <testsuite name="${xml(file.filePath)}" tests="${n}" failures="${file.diagnostics.length}" errors="0">`);
      if (file.diagnostics.length === 0) out.push(`    <testcase classname="${xml(file.filePath)}" name="asl-lint" />`);
      for (const d of file.diagnostics) {
        const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        const name = `${pos} ${d.code} (${d.rule})`;
        out.push(`    <testcase classname="${xml(file.filePath)}" name="${xml(name)}">`);
        out.push(
          `      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${file.filePath}:${pos} ${d.severity} ${d.message}${d.location ? ` at ${d.location}` : ''} ${d.code}`)}</failure>`,
        );
        out.push('    </testcase>');
      }
      out.push('  </testsuite>');
      suites.push(out.join('\n'));
      return '';
    },
    end() {
      const head = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="asl-lint" tests="${total}" failures="${failures}" errors="0">`];
      return [...head, ...suites, '</testsuites>'].join('\n') + '\n';
    },
  };
});

export default junit;
