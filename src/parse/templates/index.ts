/**
 * Where definitions really live: CloudFormation/SAM (JSON and YAML, short-form tags), CDK output,
 * Serverless Framework and Terraform. Each embedded definition comes out either as a Document
 * that is a view on the template (object definitions: offsets are the template's own), or as a
 * JSON text with a map from its offsets back to the template (definition strings, heredocs).
 */
import { DEFAULT_MAX_LENGTH, parse } from '../index.js';
import { Document, type TreeNode } from '../document.js';
import { substituteJson, applyEdits, type OffsetMap } from '../substitute.js';
import { stringEndOnLine } from '../json-chars.js';
import { intrinsicKey, intrinsicPlaceholder, resolveDefinitionValue, withVars } from './intrinsics.js';
import { stringValueMap } from './string-map.js';
import type { Path, StateMachineType, Span } from '../../types.js';
import { valueAt } from '../../value-at.js';

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
  /** When `file` may be absent (a CDK asset outside cdk.out): the notCheckable message to give then. */
  optionalFile?: string;
  /** Substitutions known for that file (Fn::Sub variables, DefinitionSubstitutions, templatefile vars). */
  substitutions?: Map<string, string>;
  /** Why the definition cannot be checked here. */
  notCheckable?: string;
  /**
   * The machine type the template declares (SAM `Type`, CloudFormation `StateMachineType`,
   * Serverless `type`, Terraform `type`); undefined when it declares none or one we can't read.
   */
  type?: StateMachineType;
  /** The template bytes it came from. */
  span: Span;
}

export interface ExtractedTemplate {
  kind: TemplateKind;
  /** The parsed template (undefined for Terraform, which is read by pattern). */
  doc?: Document;
  definitions: EmbeddedDefinition[];
}

/** The object key CDK gives a file asset: the hash of its bytes, with the file's extension. */
const CDK_ASSET_KEY = /^[0-9a-f]{64}\.(json|ya?ml|asl\.json|asl\.ya?ml)$/;

const SFN_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** Whether a parsed value is a CloudFormation/SAM template with state machines, or a serverless.yml. */
function templateKindOf(value: unknown): TemplateKind | undefined {
  if (!isObj(value)) return undefined;
  if (isObj(value.Resources) && Object.values(value.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && SFN_TYPES.has(r.Type))) return 'cloudformation';
  if (isObj(value.stepFunctions) && isObj(value.stepFunctions.stateMachines)) return 'serverless';
  // Serverless's own CloudFormation section.
  if (isObj(value.resources) && isObj(value.resources.Resources) && Object.values(value.resources.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && SFN_TYPES.has(r.Type)))
    return 'serverless';
  return undefined;
}

/**
 * A template that declares no state machine (a SAM/CloudFormation template, a serverless.yml):
 * named on the command line, it passes with a note instead of being linted as a definition.
 */
export function isTemplateWithoutMachine(value: unknown): boolean {
  if (!isObj(value) || 'States' in value || 'StartAt' in value) return false;
  if ('AWSTemplateFormatVersion' in value || 'Transform' in value || isObj(value.Resources)) return true;
  return typeof value.service === 'string' || (isObj(value.service) && 'provider' in value) || (isObj(value.provider) && ('functions' in value || 'service' in value));
}

/** JSON when the text starts with `{` (after white space and a byte-order mark), YAML otherwise: CloudFormation's own rule of thumb. */
export function templateFormatOf(text: string): 'json' | 'yaml' {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff) continue;
    return c === 0x7b /* { */ ? 'json' : 'yaml';
  }
  return 'json';
}

/** A declared type, when it is a plain STANDARD or EXPRESS (any case); intrinsics are unknown. */
function declaredType(v: unknown): StateMachineType | undefined {
  if (typeof v !== 'string') return undefined;
  const u = v.trim().toUpperCase();
  return u === 'STANDARD' || u === 'EXPRESS' ? u : undefined;
}

/**
 * Extracts the definitions of a template file, or returns undefined when the file is not a
 * template (a plain ASL definition, or something else). `maxLength`: ParseOptions.maxLength for
 * the template and for each definition held in a string (default DEFAULT_MAX_LENGTH of the format).
 */
export function extractTemplate(text: string, fileName: string, extra: ReadonlyMap<string, string> = new Map(), maxLength?: number): ExtractedTemplate | undefined {
  if (/\.tf$/i.test(fileName)) return extractTerraform(text, extra, maxLength);
  // By content, whatever the extension (`x.template` is often YAML, `template.json` rarely).
  // Bounded as lint() is (YAML costs ~100 bytes a character): a larger text is linted, unread, as too large.
  const format = templateFormatOf(text);
  const doc = parse(text, format, { cloudFormationTags: true, maxLength: maxLength ?? DEFAULT_MAX_LENGTH[format] });
  if (!doc.parsed) return undefined;
  const kind = templateKindOf(doc.value);
  const limit = maxLength ?? DEFAULT_MAX_LENGTH.json;
  if (kind === 'cloudformation') return { kind, doc, definitions: extractCloudFormation(doc, extra, ['Resources'], limit) };
  if (kind === 'serverless') return { kind, doc, definitions: extractServerless(doc, extra, limit) };
  return undefined;
}

function isObj(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nodeAt(doc: Document, path: Path): TreeNode | undefined {
  const f = doc.nodeAt(path);
  return f?.exact ? f.node : undefined;
}

function spanAt(doc: Document, path: Path): Span {
  return doc.spanOf(path, 'key');
}

/** An object definition as a Document over the template's own text and tree. */
function viewDocument(template: Document, path: Path, subs: ReadonlyMap<string, string>): Document | undefined {
  const node = nodeAt(template, path);
  if (!node) return undefined;
  const raw = valueAt(template.value, path);
  // Re-root a copy of the subtree so paths inside the definition start at the definition.
  const root = cloneTree(node, undefined);
  const prefixLen = path.length;
  const dups = template.duplicateKeys.filter((d) => d.path.length >= prefixLen && path.every((s, i) => d.path[i] === s)).map((d) => ({ ...d, path: d.path.slice(prefixLen) }));
  const value = resolveDefinitionValue(raw, subs);
  // CloudFormation sends the object as JSON: that text, not the template, is what AWS's 1 MiB limit counts.
  const definitionLength = JSON.stringify(value)?.length ?? 0;
  return new Document({ text: template.text, format: template.format, value, parsed: true, syntaxErrors: [], duplicateKeys: dups, tree: root, definitionLength, shared: template.sharedSpans });
}

function cloneTree(n: TreeNode, parent: TreeNode | undefined): TreeNode {
  const c: TreeNode = { type: n.type, offset: n.offset, length: n.length, parent, value: n.value } as TreeNode;
  if (n.children) (c as { children?: TreeNode[] }).children = n.children.map((ch) => cloneTree(ch, c));
  return c;
}

/**
 * A definition given as a string (DefinitionString, Fn::Sub, Fn::Join pieces) -> its own Document,
 * refused unread (too large) past `limit` characters, as lint() refuses a text.
 */
function stringDocument(template: Document, path: Path, value: unknown, subs: ReadonlyMap<string, string>, limit: number): { doc: Document; map: OffsetMap } | undefined {
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
    const tplNode = (tplIsArray ? (nodeAt(template, [...path, 'Fn::Sub', 0]) ?? nodeAt(template, [...path, 0])) : nodeAt(template, [...path, 'Fn::Sub'])) ?? node;
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
  const doc = parse(sub.text, 'json', { maxLength: limit });
  return { doc, map: (o) => map(sub.map(o)) };
}

function extractCloudFormation(template: Document, extra: ReadonlyMap<string, string>, at: Path, limit: number): EmbeddedDefinition[] {
  const out: EmbeddedDefinition[] = [];
  const resources = valueAt(template.value, at);
  if (!isObj(resources)) return out;
  for (const [name, res] of Object.entries(resources)) {
    if (!isObj(res) || !SFN_TYPES.has(res.Type)) continue;
    if (!isObj(res.Properties)) {
      out.push({ name, field: 'Properties', notCheckable: 'no Properties', span: spanAt(template, [...at, name]) });
      continue;
    }
    const props = res.Properties;
    const base: Path = [...at, name, 'Properties'];
    // SAM: Properties.Type; CloudFormation: Properties.StateMachineType.
    const type = declaredType(res.Type === 'AWS::Serverless::StateMachine' ? props.Type : props.StateMachineType);
    const first = out.length;
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
      const r = stringDocument(template, path, props.DefinitionString, subs, limit);
      if (r) out.push({ name, field: 'DefinitionString', doc: r.doc, mapOffset: r.map, span: spanAt(template, path) });
      else
        out.push({
          name,
          field: 'DefinitionString',
          notCheckable: 'DefinitionString is built by an intrinsic function asl-lint cannot evaluate (only strings, Fn::Sub and Fn::Join are read)',
          span: spanAt(template, path),
        });
    } else if (typeof props.DefinitionUri === 'string') {
      out.push({ name, field: 'DefinitionUri', file: props.DefinitionUri, substitutions: subs, span: spanAt(template, [...base, 'DefinitionUri']) });
    } else if (isObj(props.DefinitionS3Location) && typeof props.DefinitionS3Location.Key === 'string' && CDK_ASSET_KEY.test(props.DefinitionS3Location.Key)) {
      // CDK's DefinitionBody.fromFile: an S3 asset whose bytes CDK staged beside the template as
      // asset.<key>; read when it is there, else (deployed elsewhere) not checkable as before.
      const field = 'DefinitionS3Location';
      out.push({
        name,
        field,
        file: `asset.${props.DefinitionS3Location.Key}`,
        optionalFile: `${field} points to S3; the definition is not in this repository, so it cannot be checked here`,
        substitutions: subs,
        span: spanAt(template, [...base, field]),
      });
    } else if (props.DefinitionUri !== undefined || props.DefinitionS3Location !== undefined) {
      const field = props.DefinitionS3Location !== undefined ? 'DefinitionS3Location' : 'DefinitionUri';
      out.push({ name, field, notCheckable: `${field} points to S3; the definition is not in this repository, so it cannot be checked here`, span: spanAt(template, [...base, field]) });
    } else {
      out.push({ name, field: 'Properties', notCheckable: 'no Definition, DefinitionString, DefinitionUri or DefinitionS3Location', span });
    }
    for (let i = first; i < out.length; i++) out[i].type = type;
  }
  return out;
}

function extractServerless(template: Document, extra: ReadonlyMap<string, string>, limit: number): EmbeddedDefinition[] {
  const out: EmbeddedDefinition[] = [];
  const machines = (template.value as any).stepFunctions?.stateMachines as Record<string, any> | undefined;
  for (const [name, sm] of Object.entries(isObj(machines) ? machines : {})) {
    if (!isObj(sm)) continue;
    const path: Path = ['stepFunctions', 'stateMachines', name, 'definition'];
    const first = out.length;
    if (isObj(sm.definition)) {
      const doc = viewDocument(template, path, extra);
      if (doc) out.push({ name, field: 'definition', doc, span: spanAt(template, path) });
    } else if (typeof sm.definition === 'string') {
      const r = stringDocument(template, path, sm.definition, extra, limit);
      if (r) out.push({ name, field: 'definition', doc: r.doc, mapOffset: r.map, span: spanAt(template, path) });
    } else {
      out.push({ name, field: 'definition', notCheckable: 'no definition object', span: spanAt(template, ['stepFunctions', 'stateMachines', name]) });
    }
    const type = declaredType(sm.type);
    for (let i = first; i < out.length; i++) out[i].type = type;
  }
  // serverless.yml's `resources` section is CloudFormation.
  out.push(...extractCloudFormation(template, extra, ['resources', 'Resources'], limit));
  return out;
}

/**
 * Terraform `aws_sfn_state_machine` resources, read by pattern (HCL is not parsed): heredoc
 * definitions, and file()/templatefile() references to local files. Linear in the text: block
 * ends come from one pass over the file, every pattern is anchored where it is tried.
 */
export function extractTerraform(text: string, extra: ReadonlyMap<string, string> = new Map(), maxLength?: number): ExtractedTemplate {
  const out: EmbeddedDefinition[] = [];
  const res = /resource[ \t]+"aws_sfn_state_machine"[ \t]+"([^"\n]+)"[ \t]*\{/g;
  const blockEnds = hclBlockEnds(text);
  const matches = [...text.matchAll(res)];
  for (const [k, m] of matches.entries()) {
    const name = m[1];
    const open = (m.index ?? 0) + m[0].length - 1;
    const blockStart = open + 1;
    // An unclosed block ends where the next resource starts (each byte is searched once).
    const blockEnd = blockEnds.get(open) ?? matches[k + 1]?.index ?? text.length;
    const block = text.slice(blockStart, blockEnd);
    const def = /(^|\n)[ \t]*definition[ \t]*=[ \t]*/.exec(block);
    const typeM = /(?:^|\n)[ \t]*type[ \t]*=[ \t]*"([A-Za-z]+)"/.exec(block);
    const type = declaredType(typeM?.[1]);
    const span = { offset: m.index ?? 0, length: m[0].length };
    if (!def) {
      out.push({ name, field: 'definition', notCheckable: 'no definition attribute', span, type });
      continue;
    }
    const at = blockStart + def.index + def[0].length;
    const heredoc = sticky(/<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/y, text, at);
    const fileRef = sticky(/(file|templatefile)\(\s*"([^"]+)"\s*(?:,\s*\{([^{}]*)\})?\s*\)/y, text, at);
    if (heredoc) {
      const bodyStart = at + heredoc[0].length;
      const bodyEnd = heredocEnd(text, bodyStart, heredoc[2]);
      let body = text.slice(bodyStart, bodyEnd.bodyEnd);
      let map: OffsetMap = (o) => bodyStart + o;
      if (heredoc[1] === '-') {
        // <<- strips the smallest common indentation from every line (a loop: a spread of a
        // million lines would overflow the stack).
        const lines = body.split('\n');
        let indent = Infinity;
        for (const l of lines) if (l.trim() !== '') indent = Math.min(indent, l.length - l.trimStart().length);
        if (!Number.isFinite(indent)) indent = 0;
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
      const unescaped = applyEdits(
        body,
        [...body.matchAll(/\$\$\{/g)].map((x) => ({ offset: x.index ?? 0, length: 1, newText: '' })),
      );
      const sub = substituteJson(unescaped.text, extra);
      const doc = parse(sub.text, 'json', { maxLength: maxLength ?? DEFAULT_MAX_LENGTH.json });
      out.push({ name, field: 'definition', doc, mapOffset: (o) => map(unescaped.map(sub.map(o))), span: { offset: bodyStart, length: bodyEnd.bodyEnd - bodyStart }, type });
    } else if (fileRef) {
      const file = fileRef[2].replace(/\$\{path\.(module|root)\}\/?/g, '');
      const subs = new Map(extra);
      for (const v of (fileRef[3] ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=[ \t]*"([^"\n]*)"/g)) subs.set(v[1], v[2]);
      out.push({ name, field: 'definition', file, substitutions: subs, span: { offset: at, length: fileRef[0].length }, type });
    } else {
      const nl = text.indexOf('\n', at);
      out.push({
        name,
        field: 'definition',
        notCheckable: 'the definition is an HCL expression (jsonencode, a variable...) that asl-lint cannot evaluate; use a heredoc or file()/templatefile()',
        span: { offset: at, length: Math.min((nl < 0 ? text.length : nl) - at, 80) },
        type,
      });
    }
  }
  return { kind: 'terraform', definitions: out };
}

/** A sticky pattern tried at one offset, without slicing the text. */
function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Where a heredoc's body ends (the line holding only its delimiter), and where scanning resumes. */
function heredocEnd(text: string, bodyStart: number, delimiter: string): { bodyEnd: number; after: number } {
  const endRe = new RegExp(`\\n[ \\t]*${delimiter}[ \\t]*(?=\\r?\\n|$)`, 'g');
  endRe.lastIndex = Math.max(0, bodyStart - 1);
  const m = endRe.exec(text);
  if (!m) return { bodyEnd: text.length, after: text.length };
  return { bodyEnd: m.index + 1, after: m.index + m[0].length };
}

/**
 * Every `{` of the file -> its matching `}` (strings, comments and heredocs skipped), in one
 * pass. Unclosed blocks are absent (they run to the end of the file).
 */
function hclBlockEnds(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const stack: number[] = [];
  const heredocStart = /<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/y;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) stack.push(i);
    else if (c === 0x7d /* } */) {
      const open = stack.pop();
      if (open !== undefined) ends.set(open, i);
    } else if (c === 0x22 /* " */) {
      i = stringEndOnLine(text, i);
    } else if (c === 0x23 /* # */ || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) /* // */) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* slash-star */) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 1;
    } else if (c === 0x3c /* < */ && text.charCodeAt(i + 1) === 0x3c) {
      const h = sticky(heredocStart, text, i);
      if (h) i = heredocEnd(text, i + h[0].length, h[1]).after - 1;
    }
  }
  return ends;
}
