/** Entry point of the parse stage: text in, one Document out, whatever the format. */
import { parseJson } from './json.js';
import { parseYaml, type YamlOptions } from './yaml.js';
import type { Document, DocumentFormat } from './document.js';

export { Document, pathOf, childOf, MAX_JSON_DEPTH } from './document.js';
export type { DocumentFormat, SyntaxProblem, DuplicateKey, TreeNode } from './document.js';

/** The format a file name implies: YAML for .yaml/.yml, JSON otherwise. */
export function formatForFile(fileName: string | undefined): DocumentFormat {
  return fileName && /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export function parse(text: string, format: DocumentFormat = "json", options: YamlOptions = {}): Document {
  return format === "yaml" ? parseYaml(text, options) : parseJson(text);
}
