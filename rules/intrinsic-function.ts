import { defineRule } from '../src/engine/rule.js';
import { intrinsicSites } from '../src/lang/intrinsic-sites.js';
import { INTRINSICS, INTRINSICS_DOC_URL, STRING_RESULT_FUNCTIONS, unknownFunctions } from '../src/lang/intrinsics.js';
import { closest } from '../src/lang/suggest.js';
import { stringSpan } from '../src/lang/text.js';

const NAMES = Object.keys(INTRINSICS);
const FAIL_FUNCTIONS = [...STRING_RESULT_FUNCTIONS].join(', ');

/** What this rule's diagnostics carry in `data`. */
type IntrinsicFunctionData = { /** The unknown function, as called. */ name: string; /** The closest known function. */ suggestion?: string };

export default defineRule<IntrinsicFunctionData>({
  meta: {
    id: 'intrinsic-function',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: 'Intrinsic function calls must parse and name one of the 18 States.* functions; Fail ErrorPath/CausePath only the 7 that return a string.',
    rationale:
      "An intrinsic function call (in a '.$' value or in Fail ErrorPath/CausePath) must be well formed: single-quoted string literals whose only escapes are \\', \\{, \\} and \\\\ " +
      '(AWS refuses \\n and \\"), numbers, true/false/null, paths and nested calls, separated by commas. Only the 18 functions Step Functions defines exist (States.Format, States.Array, ...). ' +
      'AWS refuses the value with "The value for the field \'k.$\' must be a valid JSONPath or a valid intrinsic function call" at the template field. ' +
      'A Fail ErrorPath or CausePath takes a reference path or a call of one of the intrinsic functions that return a string: States.Format, States.JsonToString, States.ArrayGetItem, ' +
      "States.Base64Encode, States.Base64Decode, States.Hash and States.UUID (the Developer Guide lists exactly these; AWS's language service refuses the rest). " +
      'An unknown function gets a did-you-mean where one is close, else a link to the list of functions. ' +
      "Calls nested more than 100 deep (MAX_PARSED_NESTING, our bound on work) are not read: the value gets a LINT_INTRINSIC_NOT_READ warning, not an error, because AWS's answer to them is unknown (validate() says nothing about them).",
    sources: [
      'asl-rules.md intrinsic-syntax, intrinsic-unknown-function (V SPEC, DG-INTR)',
      'escapes: a \\n in States.Format is refused by AWS with the message above (measured in a public Terraform log)',
      'nesting past 100 calls (MAX_PARSED_NESTING): our bound on work (2,500 levels overflowed the stack), B: what AWS does with it is not measured (it documents at most 10 nested calls per field), so LINT_INTRINSIC_NOT_READ (WARNING), never an AWS code',
      'Fail ErrorPath/CausePath: Developer Guide, Fail workflow state (https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html): "These intrinsics are: States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash, and States.UUID"; amazon-states-language-service refuses the others',
    ],
    examples: {
      valid: [
        { text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"m.$": "States.Format(\'It\\\\\'s {} \\\\{ok\\\\}\', States.ArrayGetItem($.a, 0))"}, "End": true}}}' },
        { title: 'Fail ErrorPath', text: '{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "States.Format(\'E{}\', $.code)", "CausePath": "$.cause"}}}' },
      ],
      invalid: [
        {
          title: 'An unknown function',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "States.Default($.a, \'none\')"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Parameters',
              line: 1,
              column: 74,
              endLine: 1,
              endColumn: 88,
              message: `The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call. 'States.Default' is not an intrinsic function (the 18 functions: ${INTRINSICS_DOC_URL}).`,
            },
          ],
        },
        {
          title: 'A misspelt function',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "States.Formt(\'{}\', $.a)"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Parameters',
              line: 1,
              column: 74,
              endLine: 1,
              endColumn: 86,
              message: "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call. 'States.Formt' is not an intrinsic function; did you mean 'States.Format'?",
            },
          ],
        },
        {
          title: 'Fail ErrorPath/CausePath with a function that does not return a string',
          text: '{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "States.Array($.a)", "CausePath": "States.MathAdd($.a, 1)"}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/F/ErrorPath',
              line: 1,
              column: 65,
              endLine: 1,
              endColumn: 77,
              message: `The value for the field 'ErrorPath' must be a valid JSONPath or a valid intrinsic function call. ErrorPath takes a reference path or a call of ${FAIL_FUNCTIONS}; States.Array returns an array.`,
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/F/CausePath',
              line: 1,
              column: 99,
              endLine: 1,
              endColumn: 113,
              message: `The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call. CausePath takes a reference path or a call of ${FAIL_FUNCTIONS}; States.MathAdd returns a number.`,
            },
          ],
        },
        {
          title: 'A newline escape and a missing parenthesis',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "States.Format(\'a\\\\nb {}\', $.x)", "b.$": "States.Array($.a"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Parameters',
              line: 1,
              column: 90,
              endLine: 1,
              endColumn: 93,
              message:
                "The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call. The escape '\\n' is not allowed in an intrinsic function string literal: only \\', \\{, \\} and \\\\ are (a line break cannot be written in an intrinsic function).",
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Parameters',
              line: 1,
              column: 127,
              endLine: 1,
              endColumn: 131,
              message: "The value for the field 'b.$' must be a valid JSONPath or a valid intrinsic function call. Missing ')' to close 'States.Array('.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    // No closures and no message text in the loop: it runs for every intrinsic call of the
    // definition, and nearly all of them are fine.
    for (const site of intrinsicSites(ctx.model)) {
      const { parsed } = site;
      if (parsed.error?.notRead) {
        // Our own bound on work, not a known AWS refusal: a warning, and validate() stays silent.
        const span = stringSpan(ctx.doc, site.path, site.value, parsed.error.start, parsed.error.end);
        const m = parsed.error.message;
        const message = `The value for the field '${site.field}' was not checked: ${m[0].toLowerCase()}${m.slice(1)}.`;
        ctx.report({ path: site.path, location: site.location, code: 'LINT_INTRINSIC_NOT_READ', severity: 'WARNING', message, span });
        continue;
      }
      if (parsed.error) {
        const span = stringSpan(ctx.doc, site.path, site.value, parsed.error.start, parsed.error.end);
        ctx.report({ path: site.path, location: site.location, message: baseMessage(site.field), hint: `${parsed.error.message}.`, span });
        continue;
      }
      for (const call of unknownFunctions(parsed.call!)) {
        const base = baseMessage(site.field);
        const suggestion = closest(call.name, NAMES);
        // One name, not all 18 at every occurrence: a did-you-mean, else where the list is.
        const hint = suggestion ? `; did you mean '${suggestion}'?` : ` (the 18 functions: ${INTRINSICS_DOC_URL}).`;
        ctx.report({
          path: site.path,
          location: site.location,
          message: base,
          hint: `'${call.name}' is not an intrinsic function${hint}`,
          span: stringSpan(ctx.doc, site.path, site.value, call.nameStart, call.nameEnd),
          data: { name: call.name, suggestion },
        });
      }
      const name = parsed.call!.name;
      if (site.stringResult && Object.hasOwn(INTRINSICS, name) && !STRING_RESULT_FUNCTIONS.has(name)) {
        const returns = INTRINSICS[name].returns;
        ctx.report({
          path: site.path,
          location: site.location,
          message: baseMessage(site.field),
          hint: `${site.field} takes a reference path or a call of ${FAIL_FUNCTIONS}; ${name} returns ${returns === 'array' ? 'an array' : returns === 'integer' ? 'a number' : `a ${returns}`}.`,
          span: stringSpan(ctx.doc, site.path, site.value, parsed.call!.nameStart, parsed.call!.nameEnd),
        });
      }
    }
  },
});

function baseMessage(field: string): string {
  return `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`;
}
