/** Entry point of the parse stage: text in, one Document out, whatever the format. */
import { parseJson } from './json.js';
import { parseYaml, type YamlOptions } from './yaml.js';
import { Document, type DocumentFormat } from './document.js';

export { Document } from './document.js';
export type { DocumentFormat } from './document.js';

/** The format a file name implies: YAML for .yaml/.yml, JSON otherwise. */
export function formatForFile(fileName: string | undefined): DocumentFormat {
  return fileName && /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export interface ParseOptions extends YamlOptions {
  /**
   * Texts longer than this (in UTF-16 units, as String.length counts) are refused unread: a
   * Document that did not parse, with `tooLarge` set. No limit when absent.
   */
  maxLength?: number;
}

/**
 * lint()'s and validate()'s default for ParseOptions.maxLength: four times AWS's 1 MiB definition
 * limit for JSON (room for a definition AWS accepts minified and kept pretty-printed in its file).
 * Not ten times, as it was: the worst case is JSONata-heavy text, whose every expression the
 * jsonata parser reads (bench/jsonata-heavy.mjs, 2 shared cores under load: 4 MiB 23 s and
 * 392 MB peak RSS, 10 MiB 56 s and 839 MB). Twice AWS's limit for
 * YAML, which costs about 100 bytes of memory per character to read (the yaml package's syntax
 * tree and document, then ours), so 2 MiB stays around 250 MB; a YAML rendering of a
 * definition AWS accepts is about the size of its JSON. Past the limit, reading a 44 MB YAML
 * file took minutes and over 3 GB.
 */
export const DEFAULT_MAX_LENGTH: Readonly<Record<DocumentFormat, number>> = { json: 4 * 1_048_576, yaml: 2 * 1_048_576 };

export function parse(text: string, format: DocumentFormat = 'json', options: ParseOptions = {}): Document {
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return new Document({ text, format, value: undefined, parsed: false, syntaxErrors: [], tooLarge: options.maxLength });
  }
  return format === 'yaml' ? parseYaml(text, options) : parseJson(text);
}
