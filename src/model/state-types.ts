/**
 * ASL's state types and the groups the model needs, stated once (below lang/, so the model reads
 * them too): which types end a scope and which run work (Retry, Catch, ResultSelector).
 * lang/state-fields.ts builds its field tables on these; test/state-fields.test.ts checks every
 * group against schemas/asl.schema.json.
 */

/**
 * The eight state types. In the editor's order (most used first): completion offers them so. AWS's
 * error message lists them in the schema's order (`stateType` in schemas/asl.schema.json).
 */
export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

const STATE_TYPE_SET: ReadonlySet<string> = new Set(STATE_TYPES);

/** Whether `type` (any string, from a definition) is one of the eight state types (not 'constructor'). */
export function isStateType(type: string): type is StateType {
  return STATE_TYPE_SET.has(type);
}

/** The state types that end their scope by their type: no Next, no End. */
export const TERMINAL_TYPES: readonly StateType[] = ['Succeed', 'Fail'];

/** Whether `type` is one of TERMINAL_TYPES (a switch: the model asks for every state). */
export function isTerminalType(type: string | undefined): boolean {
  switch (type) {
    case 'Succeed':
    case 'Fail':
      return true;
    default:
      return false;
  }
}

/** The state types that run work and have a result: ResultSelector, Retry, Catch; `$states.result` in JSONata. */
export const RESULT_TYPES: readonly StateType[] = ['Task', 'Parallel', 'Map'];

/** Whether `type` is one of RESULT_TYPES, so its Catch is read (a switch: the model asks for every state). */
export function isResultType(type: string | undefined): boolean {
  switch (type) {
    case 'Task':
    case 'Parallel':
    case 'Map':
      return true;
    default:
      return false;
  }
}
