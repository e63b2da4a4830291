/** Documents the LSP tests share: features on the analysis object (lsp-features) and over stdio (lsp, lsp-editor). */

/** A JSONPath order workflow: a Task with Retry/Catch, a Choice, a Fail. */
export const ORDER = `{
  "Comment": "Orders",
  "StartAt": "Validate",
  "States": {
    "Validate": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "validate", "payload": "$.order"},
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}],
      "Next": "Route"
    },
    "Route": {
      "Type": "Choice",
      "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Fanout"}],
      "Default": "Failed"
    },
    "Fanout": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "Ship", "States": {"Ship": {"Type": "Pass", "Next": "Shipped"}, "Shipped": {"Type": "Succeed"}}}
      ],
      "Next": "Items"
    },
    "Items": {
      "Type": "Map",
      "ItemProcessor": {"StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}},
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"},
    "Failed": {"Type": "Fail", "Error": "OrderFailed"}
  }
}`;

/** A YAML definition with a misspelt Next (`Secnd`). */
export const YAML = `StartAt: First
States:
  First:
    Type: Pass
    Next: Secnd
  Second:
    Type: Succeed
`;

/** A JSONata workflow whose states assign and read variables. */
export const VARIABLES = JSON.stringify(
  {
    QueryLanguage: 'JSONata',
    StartAt: 'Load',
    States: {
      Load: { Type: 'Pass', Assign: { total: '{% $states.input.n %}', label: 'x' }, Next: 'Use' },
      Use: { Type: 'Pass', Output: '{% $total + 1 %}', Assign: { again: '{% $total %}' }, End: true },
    },
  },
  null,
  2,
);

/** A document symbol as `name (detail)`, its children nested under it: the tree at a glance. */
export function symbolShape(s: { name: string; detail?: string; children?: unknown[] }): unknown {
  const label = `${s.name}${s.detail ? ` (${s.detail})` : ''}`;
  return s.children?.length ? { [label]: (s.children as { name: string; detail?: string; children?: unknown[] }[]).map(symbolShape) } : label;
}

/** ORDER's document symbols, as symbolShape writes them. */
export const ORDER_SYMBOLS = [
  'Validate (Task)',
  'Route (Choice)',
  { 'Fanout (Parallel)': [{ 'Branch 1': ['Ship (Pass)', 'Shipped (Succeed)'] }] },
  { 'Items (Map)': [{ ItemProcessor: ['One (Pass)'] }] },
  'Done (Succeed)',
  'Failed (Fail)',
];
