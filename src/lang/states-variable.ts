/**
 * The reserved `$states` variable of JSONata states (asl-rules.md §8) and the context object's
 * fields: names and what they hold, stated once. The jsonata-states-field rule checks members
 * against STATES_FIELDS; the editor completes and describes them from here.
 */

export interface StatesFieldDoc {
  name: string;
  doc: string;
}

/** The members of `$states`, in the editor's order. */
export const STATES_FIELDS: readonly StatesFieldDoc[] = [
  { name: 'input', doc: 'The original input of the state.' },
  { name: 'context', doc: 'The context object: Execution, State, StateMachine, Task, Map.' },
  { name: 'result', doc: 'The result of the Task, Parallel or Map (only in their top-level Output and Assign).' },
  { name: 'errorOutput', doc: "The error output (only in a catcher's Output and Assign)." },
];

/** The context object's fields (`$$.` in JSONPath, `$states.context.` in JSONata). */
export const CONTEXT_PATHS: readonly string[] = [
  'Execution.Id',
  'Execution.Input',
  'Execution.Name',
  'Execution.RoleArn',
  'Execution.StartTime',
  'Execution.RedriveCount',
  'Execution.RedriveTime',
  'State.Name',
  'State.EnteredTime',
  'State.RetryCount',
  'StateMachine.Id',
  'StateMachine.Name',
  'Task.Token',
  'Map.Item.Index',
  'Map.Item.Value',
  'Map.Item.Key',
  'Map.Item.Source',
];

/** The `$states` members that exist. */
export const STATES_MEMBERS: ReadonlySet<string> = new Set(STATES_FIELDS.map((f) => f.name));
