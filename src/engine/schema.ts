/**
 * The SCHEMA stage: the root object and every state (nested ones included, each against the schema
 * of its type and effective query language) validated once per document; the findings are cached
 * per model, and each schema rule reports its own class of them.
 *
 * Validators come from the module `npm run build` generates (schemas/asl.validators.cjs: ajv
 * standalone code, no ajv at run time); when it is missing or older than the schema, the schema is
 * compiled with ajv instead, once per process.
 */
import { existsSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import type { StateMachine } from '../model/model.js';
import type { Document } from '../parse/document.js';
import { defineRule, type Rule, type RuleContext, type RuleMeta } from './rule.js';
import { formatLocation } from '../model/location.js';
import { siblingExists } from '../fix/edits.js';
import { isPlaceholder } from '../lang/placeholder.js';
import { requireCached } from '../code-cache.js';
import { compileValidators, generatedModulePath, readSchemaText, schemaHash, VALIDATOR_NAMES, type Validators } from './schema-compile.js';
import { STATE_TYPES } from '../lang/state-fields.js';
import { mapErrors, render, type Definitions, type SchemaFinding, type SchemaRuleId, type Subject } from './schema-messages.js';

export type { SchemaFinding, SchemaRuleId } from './schema-messages.js';

let validators: Validators | undefined;
let validatorSource: 'standalone' | 'compiled' | undefined;
let definitions: Definitions | undefined;

/** The validators, loaded or compiled on first use. */
export function getValidators(): Validators {
  if (!validators) {
    const loaded = loadGenerated();
    validators = loaded ?? compileValidators();
    validatorSource = loaded ? 'standalone' : 'compiled';
  }
  return validators;
}

/** Where the validators of this process come from (for tests and benchmarks). */
export function validatorOrigin(): 'standalone' | 'compiled' | undefined {
  return validatorSource;
}

/** Tests: use these validators (e.g. a freshly generated standalone module), or reset to the default. */
export function useValidators(v: Validators | undefined, origin: 'standalone' | 'compiled' = 'standalone'): void {
  validators = v;
  validatorSource = v ? origin : undefined;
}

function loadGenerated(): Validators | undefined {
  const file = generatedModulePath();
  if (!existsSync(file)) return undefined;
  const mod = requireCached(file) as Validators & { schemaHash?: string };
  // A module built from another version of the schema would check the wrong things.
  if (mod.schemaHash !== schemaHash()) return undefined;
  for (const name of VALIDATOR_NAMES) if (typeof mod[name] !== 'function') return undefined;
  return mod;
}

function getDefinitions(): Definitions {
  return (definitions ??= (JSON.parse(readSchemaText()) as { definitions: Definitions }).definitions);
}

const cache = new WeakMap<StateMachine, SchemaFinding[]>();

/** Every schema finding of a document, computed once per model. */
export function schemaFindings(model: StateMachine): SchemaFinding[] {
  let found = cache.get(model);
  if (!found) {
    found = validateModel(model);
    cache.set(model, found);
  }
  return found;
}

const TYPES = new Set<string>(STATE_TYPES);

function validateModel(model: StateMachine): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const doc = model.doc;
  if (!model.root) {
    // null is MISSING_DESCRIPTION (definition-empty); white space is reported there too.
    if (doc.parsed && !doc.isBlank && doc.value !== null && !isPlaceholder(doc.value)) {
      // AWS's words for a definition that is not an object (measured for white space), with no location.
      out.push({
        rule: 'root-structure',
        message: 'Definition must be a valid JSON object',
        hint: `(got ${render(doc.value)})`,
        location: null,
        path: [],
        part: 'value',
      });
    }
    return out;
  }
  const v = getValidators();
  check(out, v.root, { base: [], value: model.root, definition: 'root', kind: 'root' });
  const machineIsJsonata = model.queryLanguage === 'JSONata';
  for (const state of model.states) {
    if (!state.isObject) {
      if (!isPlaceholder(state.value)) {
        out.push({
          rule: 'state-type',
          message: 'Expected value of type [OBJECT]',
          hint: `(a state is an object with a Type, got ${render(state.value)})`,
          location: formatLocation(state.path),
          path: state.path,
          part: 'value',
        });
      }
      continue;
    }
    const type = state.obj.Type;
    // A placeholder Type may become any state type: nothing can be said about the fields.
    if (isPlaceholder(type)) continue;
    const known = typeof type === 'string' && TYPES.has(type);
    const definition = known ? definitionName(type, state.queryLanguage) : 'state';
    const downgraded = machineIsJsonata && state.obj.QueryLanguage === 'JSONPath';
    const validate = v[definition];
    // A valid state (nearly all) costs the validation and nothing else.
    if (!validate(state.obj)) {
      report(out, validate, {
        base: state.path,
        value: state.obj,
        definition,
        kind: 'state',
        stateType: known ? type : undefined,
        queryLanguage: state.queryLanguage,
        downgraded,
      });
    }
    if (downgraded) {
      out.push({
        rule: 'query-language',
        message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
        location: formatLocation(state.path),
        path: [...state.path, 'QueryLanguage'],
        part: 'value',
      });
    }
  }
  return out;
}

function check(out: SchemaFinding[], validate: ValidateFunction, subject: Subject): void {
  if (!validate(subject.value)) report(out, validate, subject);
}

function report(out: SchemaFinding[], validate: ValidateFunction, subject: Subject): void {
  out.push(...mapErrors(subject, validate.errors ?? [], getDefinitions()));
}

/** `Task.JSONPath` ...: built once per pair, not concatenated (and hashed) again for every state. */
const DEFINITION_NAMES = new Map<string, Record<string, string>>(
  STATE_TYPES.map((t) => [t, { JSONPath: `${t}.JSONPath`, JSONata: `${t}.JSONata` }]),
);

function definitionName(type: string, language: string): string {
  return DEFINITION_NAMES.get(type)![language];
}

/** Reports the findings of one schema rule. */
export function reportSchemaFindings(ctx: RuleContext, rule: SchemaRuleId): void {
  for (const f of schemaFindings(ctx.model)) {
    if (f.rule !== rule) continue;
    const replace = f.replace;
    ctx.report({
      path: f.path,
      part: f.part,
      span: f.atStart ? startOf(ctx.doc) : undefined,
      location: f.location,
      message: f.message,
      hint: f.hint,
      data: f.data,
      fix: replace
        ? () => {
            // Never a rename onto a key the object already has (it would be written twice).
            if (replace.part === 'key' && siblingExists(ctx.doc, replace.path ?? f.path, replace.text)) return undefined;
            const span = ctx.doc.spanOf(replace.path ?? f.path, replace.part);
            const written = ctx.doc.text.slice(span.offset, span.offset + span.length);
            return { title: replace.title, edits: [{ ...span, newText: tokenText(ctx.doc, replace.text, written) }] };
          }
        : undefined,
    });
  }
}

/**
 * A name or enum value as a token of the document: JSON quotes it; YAML keeps the quoting of the
 * token it replaces, and writes identifiers plain (every ASL field name and enum value is one).
 */
function tokenText(doc: Document, value: string, replacing: string): string {
  if (doc.format === 'json' || replacing.startsWith('"')) return JSON.stringify(value);
  if (replacing.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The first character of the document's value (where a missing top-level field is reported). */
function startOf(doc: Document): { offset: number; length: number } {
  const span = doc.spanOf([]);
  return { offset: span.offset, length: Math.min(1, span.length) };
}

/** A schema rule: AWS's SCHEMA_VALIDATION_FAILED error, reporting one class of the shared findings. */
export function schemaRule(meta: Omit<RuleMeta, 'code' | 'severity' | 'id'> & { id: SchemaRuleId }): Rule {
  return defineRule({
    meta: { code: 'SCHEMA_VALIDATION_FAILED', severity: 'ERROR', ...meta },
    check: (ctx) => reportSchemaFindings(ctx, meta.id),
  });
}
