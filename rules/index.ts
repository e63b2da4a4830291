/**
 * The rule catalogue, in the order findings are reported (AWS's own order where it is known:
 * document, schema, names and labels, transitions, reachability, terminal state, then warnings).
 */
import type { Rule } from '../src/engine/rule.js';
import definitionEmpty from './definition-empty.js';
import definitionTooLarge from './definition-too-large.js';
import jsonSyntax from './json-syntax.js';
import tooDeeplyNested from './too-deeply-nested.js';
import duplicateJsonKey from './duplicate-json-key.js';
import rootStructure from './root-structure.js';
import stateType from './state-type.js';
import queryLanguage from './query-language.js';
import fieldNotSupported from './field-not-supported.js';
import fieldRequired from './field-required.js';
import fieldValue from './field-value.js';
import fieldExclusive from './field-exclusive.js';
import nextOrEnd from './next-or-end.js';
import retryCatch from './retry-catch.js';
import choiceRule from './choice-rule.js';
import stateNameInvalid from './state-name-invalid.js';
import stateNameDuplicate from './state-name-duplicate.js';
import mapLabel from './map-label.js';
import mapLabelDuplicate from './map-label-duplicate.js';
import transitionTarget from './transition-target.js';
import startAtTarget from './start-at-target.js';
import stateUnreachable from './state-unreachable.js';
import stateUnreachableFromStart from './state-unreachable-from-start.js';
import missingEndState from './missing-end-state.js';
import noDollar from './no-dollar.js';
import noPath from './no-path.js';
import passResultIsStatic from './pass-result-is-static.js';
// ASL's own languages (JSONPath, intrinsics, JSONata, variables, resources)
import jsonpathPath from './jsonpath-path.js';
import referencePath from './reference-path.js';
import payloadTemplatePath from './payload-template-path.js';
import templateKeyCollision from './template-key-collision.js';
import intrinsicFunction from './intrinsic-function.js';
import intrinsicArguments from './intrinsic-arguments.js';
import jsonataSyntax from './jsonata-syntax.js';
import jsonataUnsupportedReference from './jsonata-unsupported-reference.js';
import jsonataStatesField from './jsonata-states-field.js';
import jsonataFunctionCall from './jsonata-function-call.js';
import jsonataDollarKey from './jsonata-dollar-key.js';
import variableName from './variable-name.js';
import variableScope from './variable-scope.js';
import variableUnassigned from './variable-unassigned.js';
import variableUnused from './variable-unused.js';
import taskResource from './task-resource.js';
import expressIntegration from './express-integration.js';
// Metadata only: reported by the engine (directives) and by lintFile() (templates), under these rule objects
import unusedDisableDirective from './unused-disable-directive.js';
import invalidDisableDirective from './invalid-disable-directive.js';
import templateDefinition from './template-definition.js';

export const allRules: readonly Rule[] = [
  definitionEmpty,
  definitionTooLarge,
  jsonSyntax,
  tooDeeplyNested,
  duplicateJsonKey,
  // schema rules go here
  rootStructure,
  stateType,
  queryLanguage,
  fieldNotSupported,
  fieldRequired,
  fieldValue,
  fieldExclusive,
  nextOrEnd,
  retryCatch,
  choiceRule,
  // ASL's own languages: after the schema rules (shape first, then the content of strings)
  jsonpathPath,
  referencePath,
  payloadTemplatePath,
  templateKeyCollision,
  intrinsicFunction,
  intrinsicArguments,
  jsonataSyntax,
  jsonataUnsupportedReference,
  jsonataStatesField,
  jsonataFunctionCall,
  jsonataDollarKey,
  variableName,
  variableScope,
  variableUnassigned,
  variableUnused,
  taskResource,
  expressIntegration,
  stateNameInvalid,
  stateNameDuplicate,
  mapLabel,
  mapLabelDuplicate,
  transitionTarget,
  startAtTarget,
  stateUnreachable,
  stateUnreachableFromStart,
  missingEndState,
  noDollar,
  noPath,
  passResultIsStatic,
  // metadata only, last: their findings come after every rule's (the engine's and lintFile()'s own)
  unusedDisableDirective,
  invalidDisableDirective,
  templateDefinition,
];
