import { defineRule } from '../src/engine/rule.js';
import { classifyResource } from '../src/lang/resource.js';
import { isObject, type Scope, type State } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'express-integration',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: 'Express state machines support only request-response integrations: no .sync, no .waitForTaskToken, no activities.',
    rationale:
      'Express workflows run for at most five minutes and only support the request-response integration pattern; activities are supported only by Standard workflows. ' +
      'Validated with type EXPRESS, AWS refuses them. Inside a Distributed Map whose child executions are EXPRESS (ProcessorConfig.ExecutionType), the same limits apply to the child workflow; ' +
      'that case is reported as a warning, since it is not documented whether AWS checks it when the definition is created.',
    sources: ['asl-rules.md express-integration-pattern, express-activity (V DG-INTEG, DG-ARCH; messages I from LocalStack), distributed-child-express (B)'],
    examples: {
      valid: [
        { type: 'EXPRESS', text: '{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}' },
        { title: 'STANDARD allows them', text: '{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true}}}' },
      ],
      invalid: [
        {
          type: 'EXPRESS',
          text: [
            '{"StartAt": "A", "States": {',
            '"A": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Next": "B"},',
            '"B": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Next": "C"},',
            '"C": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve", "End": true}}}',
          ].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A/Resource',
              line: 2,
              column: 35,
              endLine: 2,
              endColumn: 70,
              message: "Express state machine does not support '.sync' service integration",
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/B/Resource',
              line: 3,
              column: 35,
              endLine: 3,
              endColumn: 86,
              message: "Express state machine does not support '.waitForTaskToken' service integration ",
            },
            { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/C/Resource', line: 4, column: 35, endLine: 4, endColumn: 91, message: 'Express state machine does not support Activity ARN' },
          ],
        },
        {
          title: 'A Distributed Map with EXPRESS child executions',
          text: '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "End": true}}}, "End": true}}}',
          diagnostics: [{ code: 'LINT_EXPRESS_CHILD_INTEGRATION', severity: 'WARNING', location: '/States/M/ItemProcessor/States/T/Resource', line: 1, column: 201, endLine: 1, endColumn: 241 }],
        },
      ],
    },
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== 'Task' || typeof state.obj.Resource !== 'string') continue;
      const expressMachine = ctx.type === 'EXPRESS';
      const expressChild = !expressMachine && inExpressChild(state.scope);
      if (!expressMachine && !expressChild) continue;
      const info = classifyResource(state.obj.Resource);
      let message: string | undefined;
      if (info.kind === 'activity') message = 'Express state machine does not support Activity ARN';
      // AWS's wording, exactly as measured (LocalStack snapshots recorded against AWS): no full stop
      // after '.sync', a trailing blank after '.waitForTaskToken'.
      else if (info.pattern === '.sync' || info.pattern === '.sync:2') message = "Express state machine does not support '.sync' service integration";
      else if (info.pattern === '.waitForTaskToken') message = "Express state machine does not support '.waitForTaskToken' service integration ";
      if (!message) continue;
      const path = [...state.path, 'Resource'];
      if (expressMachine) ctx.report({ path, message });
      else {
        ctx.report({
          path,
          code: 'LINT_EXPRESS_CHILD_INTEGRATION',
          severity: 'WARNING',
          message: `${message.trim()}: this state runs in the EXPRESS child executions of a Distributed Map (ProcessorConfig.ExecutionType), which support only request-response integrations.`,
        });
      }
    }
  },
});

/** Is the scope (or an enclosing one) the processor of a Distributed Map with EXPRESS child executions? */
function inExpressChild(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const owner: State | undefined = s.owner;
    if (!owner || s.kind !== 'itemProcessor') continue;
    const proc = owner.obj.ItemProcessor;
    if (isObject(proc) && isObject(proc.ProcessorConfig) && proc.ProcessorConfig.Mode === 'DISTRIBUTED') return proc.ProcessorConfig.ExecutionType === 'EXPRESS';
  }
  return false;
}
