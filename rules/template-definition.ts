import { defineRule } from '../src/engine/rule.js';

/**
 * Metadata only: lintFile() reports these findings (under this rule) when it reads a template,
 * as no definition is there to run a rule on.
 */
export default defineRule({
  meta: {
    id: 'template-definition',
    code: 'LINT_NOT_CHECKABLE',
    severity: 'WARNING',
    description: 'A template definition that cannot be checked, or a definition file a template names that cannot be read.',
    rationale:
      'A state machine whose definition is in S3, built by an intrinsic function or HCL expression asl-lint cannot evaluate, or missing, passes unchecked: a warning says so, so a clean run does not claim more than it checked. A definition file the template names that cannot be read (missing, not a regular file, outside the project folder) is an error: that file is what would be deployed, and it cannot be read. Reported on templates (lintFile(), the CLI, the editor), never by lint() or validate() on a definition.',
    sources: ['ours (what asl-lint could not read); AWS CloudFormation reads DefinitionUri/DefinitionS3Location at deployment'],
    examples: {
      valid: [
        {
          title: 'a definition written in the template',
          fileName: 'template.yaml',
          format: 'yaml',
          text: 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Succeed\n',
        },
      ],
      invalid: [
        {
          title: 'a definition in S3',
          fileName: 'template.yaml',
          format: 'yaml',
          text: 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location:\n        Bucket: my-bucket\n        Key: flow.asl.json\n',
          diagnostics: [{ code: 'LINT_NOT_CHECKABLE', location: 'Flow: /', line: 5, column: 7, endLine: 5, endColumn: 27, severity: 'WARNING' }],
        },
      ],
    },
  },
  check() {
    // Reported by lintFile() on the template, where no definition is there to check.
  },
});
