/** The test-file runner (src/run/test-runner.ts) on in-memory files: templates, mock configs, expectations, coverage. */
import { describe, expect, it } from 'vitest';
import { coverageTotals, runTestFiles } from '../src/run/test-runner.js';

const machine = {
  StartAt: 'Hello',
  States: { Hello: { Type: 'Pass', Result: 'hi', ResultPath: '$.greeting', Next: 'Work' }, Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
};
const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: machine, RoleArn: 'arn:aws:iam::123456789012:role/r' } },
    Other: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'X', States: { X: { Type: 'Succeed' } } }, RoleArn: 'arn:aws:iam::123456789012:role/r' } },
  },
};

function files(map: Record<string, unknown>) {
  return (p: string): string => {
    const k = p.replace(/^\/t\//, '');
    if (!(k in map)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const v = map[k];
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
}

describe('test files', () => {
  it('a template and a state machine in it; expectations met and unmet; coverage', async () => {
    const read = files({
      'template.json': template,
      'flow.asl-test.json': {
        template: 'template.json',
        stateMachine: 'Flow',
        mocks: { Work: { 0: { Return: { ok: 1 } } } },
        tests: [
          { name: 'ok', input: { a: 1 }, expect: { status: 'SUCCEEDED', output: { ok: 1 }, states: ['Hello', 'Work'] } },
          { name: 'wrong', expect: { output: { ok: 2 } } },
        ],
      },
    });
    const run = await runTestFiles(['/t/flow.asl-test.json'], read);
    expect(run.cases.map((c) => [c.suite, c.name, c.passed, c.failures])).toEqual([
      ['Flow', 'ok', true, []],
      ['Flow', 'wrong', false, ['output: expected {"ok":2}, got {"ok":1}']],
    ]);
    expect(coverageTotals(run)).toEqual({ states: [2, 2], choiceRules: [0, 0], retryCatch: [0, 0], missed: [] });
  });
  it('a template with several machines needs stateMachine', async () => {
    const read = files({ 'template.json': template, 'x.asl-test.json': { template: 'template.json', tests: [{}] } });
    await expect(runTestFiles(['/t/x.asl-test.json'], read)).rejects.toThrow('the template holds several state machines; name one of Flow, Other with stateMachine');
  });
  it('a template whose DefinitionString does not parse, or nests too deep: the reason, not a usage error about strings', async () => {
    const held = (definition: string) => ({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition } } } });
    const test = { template: 'template.json', tests: [{ name: 't', expect: { status: 'SUCCEEDED' } }] };
    const trailing = files({ 'template.json': held('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true,}}}'), 'x.asl-test.json': test });
    await expect(runTestFiles(['/t/x.asl-test.json'], trailing)).rejects.toThrow(
      "/t/template.json: the state machine 'Flow' cannot be run: its definition does not parse: Trailing commas are not allowed in JSON at line 1, column 63 of the definition",
    );
    const deep = `{"StartAt": "A", "Comment": ${'['.repeat(600)}${']'.repeat(600)}, "States": {"A": {"Type": "Pass", "End": true}}}`;
    const nested = files({ 'template.json': held(deep), 'x.asl-test.json': test });
    await expect(runTestFiles(['/t/x.asl-test.json'], nested)).rejects.toThrow("/t/template.json: the state machine 'Flow' cannot be run: its definition nests more than 512 levels deep");
  });
  it("Step Functions Local's MockConfigFile.json as is, with the machine beside it", async () => {
    const read = files({
      'Flow.asl.json': machine,
      'MockConfigFile.json': {
        StateMachines: { Flow: { TestCases: { Happy: { Work: 'Ok' }, Sad: { Work: 'Boom' } } } },
        MockedResponses: { Ok: { 0: { Return: 1 } }, Boom: { '0': { Throw: { Error: 'E', Cause: 'c' } } } },
      },
    });
    const run = await runTestFiles(['/t/MockConfigFile.json'], read);
    expect(run.cases.map((c) => [c.name, c.passed, c.status, c.error ?? null])).toEqual([
      ['Happy', true, 'SUCCEEDED', null],
      ['Sad', true, 'FAILED', 'E'],
    ]);
  });
  it('a mock config naming a missing response or machine is named', async () => {
    const read = files({ 'MockConfigFile.json': { StateMachines: { Gone: { TestCases: {} } } } });
    await expect(runTestFiles(['/t/MockConfigFile.json'], read)).rejects.toThrow("no definition found for the state machine 'Gone'");
    const read2 = files({ 'Flow.asl.json': machine, 'MockConfigFile.json': { StateMachines: { Flow: { TestCases: { Happy: { Work: 'Nope' } } } }, MockedResponses: {} } });
    await expect(runTestFiles(['/t/MockConfigFile.json'], read2)).rejects.toThrow("test case 'Happy' names the mocked response 'Nope', which is not in MockedResponses");
  });
});
