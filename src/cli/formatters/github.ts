/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request
 * (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`).
 */
import { streamingFormatter } from './types.js';
import { printableLines } from '../printable.js';

/**
 * Escaping from GitHub's workflow-command rules: data escapes %, CR, LF; properties also : and ,.
 * Other control characters (a terminal escape in a state name) are shown as escapes: the log
 * viewer would obey them.
 */
function data(s: string): string {
  return printableLines(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const github = streamingFormatter(() => ({
  file(file) {
    const lines: string[] = [];
    {
      for (const d of file.diagnostics) {
        const kind = d.severity === 'ERROR' ? 'error' : 'warning';
        const props = [
          `file=${prop(file.filePath)}`,
          `line=${d.range.start.line + 1}`,
          `col=${d.range.start.character + 1}`,
          `endLine=${d.range.end.line + 1}`,
          `endColumn=${d.range.end.character + 1}`,
          `title=${prop(`${d.code} (${d.rule})`)}`,
        ];
        lines.push(`::${kind} ${props.join(',')}::${data(d.location ? `${d.message} [${d.location}]` : d.message)}`);
      }
    }
    return lines.length ? lines.join('\n') + '\n' : '';
  },
  end: () => '',
}));

export default github;
