/**
 * Where definitions really live: CloudFormation/SAM (JSON and YAML, short-form tags), CDK output,
 * Serverless Framework and Terraform. Each embedded definition comes out either as a Document
 * that is a view on the template (object definitions: offsets are the template's own), or as a
 * JSON text with a map from its offsets back to the template (definition strings, heredocs).
 */
import { parse } from '../index.js';
import { Document, pathOf, type TreeNode } from '../document.js';
import { substituteJson, applyEdits, type OffsetMap } from '../substitute.js';
import { intrinsicKey, intrinsicPlaceholder, resolveDefinitionValue, withVars } from './intrinsics.js';
import { stringValueMap } from './string-map.js';
import type { Path } from '../../types.js';

export type TemplateKind = 'cloudformation' | 'serverless' | 'terraform';

export interface EmbeddedDefinition {
  /** CloudFormation logical id, Serverless state machine key, Terraform resource name. */
  name: string;
  /** Where in the template it was found (for messages), e.g. `Properties.DefinitionString`. */
  field: string;
  /** The definition to analyse: a view on the template, or a document of its own text. */
  doc?: Document;
  /** For a document of its own text: its offsets -> template offsets. */
  mapOffset?: OffsetMap;
  /** A local file holding the definition, resolved against the template's folder. */
  file?: string;
  /** Substitutions known for that file (Fn::Sub variables, DefinitionSubstitutions, templatefile vars). */
  substitutions?: Map<string, string>;
  /** Why the definition cannot be checked here. */
  notCheckable?: string;
  /** The template bytes it came from. */
  span: { offset: number; length: number };
}

export interface ExtractedTemplate {
  kind: TemplateKind;
  /** The parsed template (undefined for Terraform, which is read by pattern). */
  doc?: Document;
  definitions: EmbeddedDefinition[];
}

const SFN_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** Whether a parsed value is a CloudFormation/SAM template with state machines, or a serverless.yml. */
export function templateKindOf(value: unknown): TemplateKind | undefined {
  if (!isObj(value)) return undefined;
  if (isObj(value.Resources) && Object.values(value.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && SFN_TYPES.has(r.Type))) return 'cloudformation';
  if (isObj(value.stepFunctions) && isObj(value.stepFunctions.stateMachines)) return 'serverless';
  return undefined;
}

/**
 * Extracts the definitions of a template file, or returns undefined when the file is not a
 * template (a plain ASL definition, or something else).
 */
export function extractTemplate(text: string, fileName: string, extra: ReadonlyMap<string, string> = new Map()): ExtractedTemplate | undefined {
  if (/\.tf$/i.test(fileName)) return extractTerraform(text, extra);
  const yaml = /\.ya?ml$/i.test(fileName);
  const doc = parse(text, yaml ? 'yaml' : 'json', { cloudFormationTags: true });
  if (!doc.parsed) return undefined;
  const kind = templateKindOf(doc.value);
  if (kind === 'cloudformation') return { kind, doc, definitions: extractCloudFormation(doc, extra) };
  if (kind === 'serverless') return { kind, doc, definitions: extractServerless(doc, extra) };
  return undefined;
}

function isObj(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nodeAt(doc: Document, path: Path): TreeNode | undefined {
  const f = doc.nodeAt(path);
  return f?.exact ? f.node : undefined;
}

function spanAt(doc: Document, path: Path): { offset: number; length: number } {
  return doc.spanOf(path, 'key');
}

/** An object definition as a Document over the template's own text and tree. */
function viewDocument(template: Document, path: Path, subs: ReadonlyMap<string, string>): Document | undefined {
  const node = nodeAt(template, path);
  const raw = (function get(v: unknown, p: Path): unknown {
    let cur = v;
    for (const s of p) cur = (cur as any)?.[s];
    return cur;
  })(template.value, path);
  if (!node) return undefined;
  // Re-root a copy of the subtree so paths inside the definition start at the definition.
  const root = cloneTree(node, undefined);
  const prefixLen = path.length;
  const dups = template.duplicateKeys
    .filter((d) => d.path.length >= prefixLen && path.every((s, i) => d.path[i] === s))
    .map((d) => ({ ...d, path: d.path.slice(prefixLen) }));
  return new Document({ text: template.text, format: template.format, value: resolveDefinitionValue(raw, subs), parsed: true, syntaxErrors: [], duplicateKeys: dups, tree: root, shared: template.sharedSpans });
}

function cloneTree(n: TreeNode, parent: TreeNode | undefined): TreeNode {
  const c: TreeNode = { type: n.type, offset: n.offset, length: n.length, parent, value: n.value } as TreeNode;
  if (n.children) (c as { children?: TreeNode[] }).children = n.children.map((ch) => cloneTree(ch, c));
  return c;
}

/** A definition given as a string (DefinitionString, Fn::Sub, Fn::Join pieces) -> its own Document. */
function stringDocument(template: Document, path: Path, value: unknown, subs: ReadonlyMap<string, string>): { doc: Document; map: OffsetMap } | undefined {
  const node = nodeAt(template, path);
  if (!node) return undefined;
  let text: string;
  let map: OffsetMap;
  let vars: ReadonlyMap<string, string> = subs;
  const key = intrinsicKey(value);
  if (typeof value === 'string') {
    text = value;
    map = stringValueMap(template.text, node);
  } else if (key === 'Fn::Sub') {
    const arg = (value as any)['Fn::Sub'];
    const tplIsArray = Array.isArray(arg);
    const tpl = tplIsArray ? arg[0] : arg;
    if (typeof tpl !== 'string') return undefined;
    vars = withVars(subs, tplIsArray ? arg[1] : undefined);
    // Long form ({"Fn::Sub": ...}) or short form (!Sub, whose node is the argument itself).
    const tplNode = (tplIsArray ? nodeAt(template, [...path, 'Fn::Sub', 0]) ?? nodeAt(template, [...path, 0]) : nodeAt(template, [...path, 'Fn::Sub'])) ?? node;
    text = tpl;
    map = stringValueMap(template.text, tplNode);
  } else if (key === 'Fn::Join' && Array.isArray((value as any)['Fn::Join']?.[1])) {
    const [sep, parts] = (value as any)['Fn::Join'] as [string, unknown[]];
    const pieces: { start: number; map: OffsetMap; len: number }[] = [];
    text = '';
    parts.forEach((p, i) => {
      if (i > 0) text += typeof sep === 'string' ? sep : '';
      const partNode = nodeAt(template, [...path, 'Fn::Join', 1, i]) ?? nodeAt(template, [...path, 1, i]) ?? node;
      const s = typeof p === 'string' ? p : intrinsicKey(p) ? intrinsicPlaceholder(p as Record<string, unknown>, subs) : '';
      pieces.push({ start: text.length, map: typeof p === 'string' ? stringValueMap(template.text, partNode) : () => partNode.offset, len: s.length });
      text += s;
    });
    map = (o) => {
      let piece = pieces[0];
      for (const pc of pieces) if (pc.start <= o) piece = pc;
      return piece ? piece.map(Math.min(o - piece.start, Math.max(0, piece.len - 1))) : node.offset;
    };
  } else return undefined;
  const sub = substituteJson(text, vars);
  const doc = parse(sub.text, 'json');
  return { doc, map: (o) => map(sub.map(o)) };
}

function extractCloudFormation(template: Document, extra: ReadonlyMap<string, string>): EmbeddedDefinition[] {
  const out: EmbeddedDefinition[] = [];
  const resources = (template.value as any).Resources as Record<string, any>;
  for (const [name, res] of Object.entries(resources)) {
    if (!isObj(res) || !SFN_TYPES.has(res.Type) || !isObj(res.Properties)) continue;
    const props = res.Properties;
    const base: Path = ['Resources', name, 'Properties'];
    const subs = new Map(extra);
    if (isObj(props.DefinitionSubstitutions)) {
      for (const [k, v] of Object.entries(props.DefinitionSubstitutions)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') subs.set(k, String(v));
      }
    }
    const span = spanAt(template, base);
    if (props.Definition !== undefined) {
      const path = [...base, 'Definition'];
      if (isObj(props.Definition) && !intrinsicKey(props.Definition)) {
        const doc = viewDocument(template, path, subs);
        if (doc) out.push({ name, field: 'Definition', doc, span: spanAt(template, path) });
      } else {
        out.push({ name, field: 'Definition', notCheckable: 'Definition is not an object', span: spanAt(template, path) });
      }
    } else if (props.DefinitionString !== undefined) {
      const path = [...base, 'DefinitionString'];
      const r = stringDocument(template, path, props.DefinitionString, subs);
      if (r) out.push({ name, field: 'DefinitionString', doc: r.doc, mapOffset: r.map, span: spanAt(template, path) });
      else out.push({ name, field: 'DefinitionString', notCheckable: 'DefinitionString is built by an intrinsic function asl-lint cannot evaluate (only strings, Fn::Sub and Fn::Join are read)', span: spanAt(template, path) });
    } else if (typeof props.DefinitionUri === 'string') {
      out.push({ name, field: 'DefinitionUri', file: props.DefinitionUri, substitutions: subs, span: spanAt(template, [...base, 'DefinitionUri']) });
    } else if (props.DefinitionUri !== undefined || props.DefinitionS3Location !== undefined) {
      const field = props.DefinitionS3Location !== undefined ? 'DefinitionS3Location' : 'DefinitionUri';
      out.push({ name, field, notCheckable: `${field} points to S3; the definition is not in this repository, so it cannot be checked here`, span: spanAt(template, [...base, field]) });
    } else {
      out.push({ name, field: 'Properties', notCheckable: 'no Definition, DefinitionString, DefinitionUri or DefinitionS3Location', span });
    }
  }
  return out;
}

function extractServerless(template: Document, extra: ReadonlyMap<string, string>): EmbeddedDefinition[] {
  const out: EmbeddedDefinition[] = [];
  const machines = (template.value as any).stepFunctions.stateMachines as Record<string, any>;
  for (const [name, sm] of Object.entries(machines)) {
    if (!isObj(sm)) continue;
    const path: Path = ['stepFunctions', 'stateMachines', name, 'definition'];
    if (isObj(sm.definition)) {
      const doc = viewDocument(template, path, extra);
      if (doc) out.push({ name, field: 'definition', doc, span: spanAt(template, path) });
    } else if (typeof sm.definition === 'string') {
      const r = stringDocument(template, path, sm.definition, extra);
      if (r) out.push({ name, field: 'definition', doc: r.doc, mapOffset: r.map, span: spanAt(template, path) });
    } else {
      out.push({ name, field: 'definition', notCheckable: 'no definition object', span: spanAt(template, ['stepFunctions', 'stateMachines', name]) });
    }
  }
  return out;
}

/**
 * Terraform `aws_sfn_state_machine` resources, read by pattern (HCL is not parsed): heredoc
 * definitions, and file()/templatefile() references to local files.
 */
export function extractTerraform(text: string, extra: ReadonlyMap<string, string> = new Map()): ExtractedTemplate {
  const out: EmbeddedDefinition[] = [];
  const res = /resource\s+"aws_sfn_state_machine"\s+"([^"]+)"\s*\{/g;
  for (const m of text.matchAll(res)) {
    const name = m[1];
    const blockStart = (m.index ?? 0) + m[0].length;
    const blockEnd = matchingBrace(text, blockStart - 1);
    const block = text.slice(blockStart, blockEnd);
    const def = /(^|\n)\s*definition\s*=\s*/.exec(block);
    const span = { offset: m.index ?? 0, length: m[0].length };
    if (!def) {
      out.push({ name, field: 'definition', notCheckable: 'no definition attribute', span });
      continue;
    }
    const at = blockStart + def.index + def[0].length;
    const rest = text.slice(at);
    const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(rest);
    const fileRef = /^(file|templatefile)\(\s*"([^"]+)"\s*(?:,\s*\{([\s\S]*?)\})?\s*\)/.exec(rest);
    if (heredoc) {
      const bodyStart = at + heredoc[0].length;
      const endRe = new RegExp(`\\n[ \\t]*${heredoc[2]}[ \\t]*(\\r?\\n|$)`);
      const endM = endRe.exec(text.slice(bodyStart - 1));
      const bodyEnd = endM ? bodyStart - 1 + endM.index + 1 : text.length;
      let body = text.slice(bodyStart, bodyEnd);
      let map: OffsetMap = (o) => bodyStart + o;
      if (heredoc[1] === '-') {
        // <<- strips the smallest common indentation from every line.
        const lines = body.split('\n');
        const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
        const edits = [];
        let p = 0;
        for (const l of lines) {
          if (l.trim() !== '' && indent > 0) edits.push({ offset: p, length: indent, newText: '' });
          p += l.length + 1;
        }
        const r = applyEdits(body, edits);
        body = r.text;
        const inner = r.map;
        map = (o) => bodyStart + inner(o);
      }
      // $${ is Terraform's escape for a literal ${.
      const unescaped = applyEdits(body, [...body.matchAll(/\$\$\{/g)].map((x) => ({ offset: x.index ?? 0, length: 1, newText: '' })));
      const sub = substituteJson(unescaped.text, extra);
      const doc = parse(sub.text, 'json');
      out.push({ name, field: 'definition', doc, mapOffset: (o) => map(unescaped.map(sub.map(o))), span: { offset: bodyStart, length: bodyEnd - bodyStart } });
    } else if (fileRef) {
      const file = fileRef[2].replace(/\$\{path\.(module|root)\}\/?/g, '');
      const subs = new Map(extra);
      for (const v of (fileRef[3] ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"([^"]*)"/g)) subs.set(v[1], v[2]);
      out.push({ name, field: 'definition', file, substitutions: subs, span: { offset: at, length: fileRef[0].length } });
    } else {
      out.push({ name, field: 'definition', notCheckable: 'the definition is an HCL expression (jsonencode, a variable...) that asl-lint cannot evaluate; use a heredoc or file()/templatefile()', span: { offset: at, length: Math.min(lineEnd(rest), 80) } });
    }
  }
  return { kind: 'terraform', definitions: out };
}

/** Length of the first line (all of the text when it has no line break). */
function lineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '<' && text.startsWith('<<', i)) {
      const h = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
      if (h) {
        const end = new RegExp(`\\n[ \\t]*${h[1]}[ \\t]*(\\r?\\n|$)`).exec(text.slice(i));
        if (end) i += end.index + end[0].length - 1;
      }
    }
  }
  return text.length;
}

export { pathOf };
