/**
 * Snippet text for completion: example values that are valid where they go (a TimeoutSeconds of
 * 0 is not), Retry and Catch as whole retriers and catchers, and the plain-text form for clients
 * that do not declare snippetSupport (Neovim 0.7 would insert `${1|JSONPath,JSONata|}` literally).
 */
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { DocumentFormat } from '../parse/document.js';

/**
 * A valid example for a number field: its documented default or a value inside its range. Fields
 * that are not listed take 1, valid for positive and non-negative integers alike.
 */
const NUMBER_EXAMPLES: Record<string, string> = {
  TimeoutSeconds: '300',
  HeartbeatSeconds: '60',
  Seconds: '10',
  IntervalSeconds: '1',
  MaxAttempts: '3',
  BackoffRate: '2',
  MaxDelaySeconds: '60',
  MaxConcurrency: '10',
  ToleratedFailurePercentage: '5',
  ToleratedFailureCount: '1',
  MaxItems: '100',
  MaxItemsPerBatch: '10',
  MaxInputBytesPerBatch: '262144',
};

export function numberExample(field: string): string {
  return `\${1:${NUMBER_EXAMPLES[field] ?? '1'}}`;
}

/**
 * Retry and Catch as a whole first retrier / catcher (the value after the key), as the AWS
 * Toolkit completes them. `indent` is the YAML key's indentation.
 */
export function structuredValueSnippet(field: string, format: DocumentFormat, indent: string): string | undefined {
  if (field === 'Retry') {
    if (format === 'json') return '[\n\t{\n\t\t"ErrorEquals": ["${1:States.ALL}"],\n\t\t"IntervalSeconds": ${2:1},\n\t\t"MaxAttempts": ${3:3},\n\t\t"BackoffRate": ${4:2}\n\t}\n]';
    return `\n${indent}  - ErrorEquals:\n${indent}      - \${1:States.ALL}\n${indent}    IntervalSeconds: \${2:1}\n${indent}    MaxAttempts: \${3:3}\n${indent}    BackoffRate: \${4:2}`;
  }
  if (field === 'Catch') {
    if (format === 'json') return '[\n\t{\n\t\t"ErrorEquals": ["${1:States.ALL}"],\n\t\t"Next": "$2"\n\t}\n]';
    return `\n${indent}  - ErrorEquals:\n${indent}      - \${1:States.ALL}\n${indent}    Next: $2`;
  }
  return undefined;
}

/**
 * The text a snippet inserts with every placeholder at its default: `${1:x}` -> x, `${1|a,b|}`
 * -> a, `$1` and `${1}` -> nothing; `\$`, `\}`, `\\` unescaped.
 */
function snippetToPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  const parse = (stopAt: string | undefined): string => {
    let acc = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (stopAt !== undefined && c === stopAt) return acc;
      if (c === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
        acc += snippet[i + 1];
        i += 2;
        continue;
      }
      if (c === '$') {
        const tab = /^\$(\d+)/.exec(snippet.slice(i));
        if (tab) {
          i += tab[0].length;
          continue;
        }
        const open = /^\$\{(\d+)([:|}])/.exec(snippet.slice(i));
        if (open) {
          i += open[0].length;
          if (open[2] === '}') continue;
          if (open[2] === ':') {
            acc += parse('}');
            i++; // the closing }
            continue;
          }
          // a choice: the first option, the rest skipped
          const end = snippet.indexOf('|}', i);
          const options = snippet.slice(i, end < 0 ? snippet.length : end);
          acc += options.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
          i = end < 0 ? snippet.length : end + 2;
          continue;
        }
      }
      acc += c;
      i++;
    }
    return acc;
  };
  out = parse(undefined);
  return out;
}

/** The item as plain text when the client cannot take snippets. */
export function withoutSnippet(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.textEdit) plain.textEdit = { ...item.textEdit, newText: snippetToPlainText(item.textEdit.newText) };
  if (item.insertText !== undefined) plain.insertText = snippetToPlainText(item.insertText);
  return plain;
}
