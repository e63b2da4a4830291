/**
 * The SCHEMA stage: the root object and every state (nested ones included, each against the schema
 * of its type and effective query language) validated once per document; the findings are cached
 * per model, and each schema rule reports its own class of them (src/engine/schema.ts).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { StateMachine } from '../model/model.js';
import { formatLocation } from '../model/location.js';
import { isPlaceholder } from '../parse/placeholder.js';
import { perObject } from '../memo.js';
import { getValidators } from './compile.js';
import { STATE_TYPES } from '../lang/state-fields.js';
import { collapse } from './collapse.js';
import { ruleFor } from './classify.js';
import { render, toFinding } from './messages.js';
import { schemaDefinitions, type Definitions } from './navigation.js';
import type { SchemaFinding, Subject } from './types.js';

export type { SchemaFinding, SchemaRuleId } from './types.js';

/** Every schema finding of a document, computed once per model. */
export const schemaFindings: (model: StateMachine) => SchemaFinding[] = perObject((model: StateMachine) => validateModel(model));

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
  out.push(...mapErrors(subject, validate.errors ?? [], schemaDefinitions()));
}

/** One subject's ajv errors as findings: collapsed to the real problems, classified into rules, worded. */
function mapErrors(subject: Subject, errors: readonly ErrorObject[], defs: Definitions): SchemaFinding[] {
  return collapse(subject, errors, defs).map((r) => toFinding(subject, r, defs, ruleFor(subject, r)));
}

/** `Task.JSONPath` ...: built once per pair, not concatenated (and hashed) again for every state. */
const DEFINITION_NAMES = new Map<string, Record<string, string>>(STATE_TYPES.map((t) => [t, { JSONPath: `${t}.JSONPath`, JSONata: `${t}.JSONata` }]));

function definitionName(type: string, language: string): string {
  return DEFINITION_NAMES.get(type)![language];
}
