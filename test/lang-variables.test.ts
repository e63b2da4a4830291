/** Variables: names, where they are read and written, scope, and definite assignment over the state graph. */
import { describe, expect, it } from 'vitest';
import { variableNameProblem, assignedName, variableUse, unassignedReads } from '../src/lang/variables.js';
import { buildModel, lint, parse } from '../src/index.js';

const model = (text: string) => buildModel(parse(text, 'json'));

describe('variable names', () => {
  it.each(['x', 'orderTotal', '_tmp', 'größe', '変数', 'a1', 'x'.repeat(80)])('%s is valid', (n) => {
    expect(variableNameProblem(n)).toBeUndefined();
  });
  it.each([
    ['', 'a variable name cannot be empty'],
    ['states', "'states' is reserved (it holds $states.input, $states.result, ...)"],
    ['x'.repeat(81), 'a variable name has at most 80 characters'],
    ['1st', 'a variable name starts with a letter or "_" and continues with letters, digits or "_"'],
    ['my-var', 'a variable name starts with a letter or "_" and continues with letters, digits or "_"'],
    ['a.b', 'a variable name starts with a letter or "_" and continues with letters, digits or "_"'],
    ['a b', 'a variable name starts with a letter or "_" and continues with letters, digits or "_"'],
  ])('%j: %s', (n, problem) => {
    expect(variableNameProblem(n)).toBe(problem);
  });
  it('strips .$ in JSONPath states only', () => {
    expect(assignedName('x.$', 'JSONPath')).toBe('x');
    expect(assignedName('x.$', 'JSONata')).toBe('x.$');
  });
});

describe('reads and writes', () => {
  it('finds reads in paths, .$ values, intrinsic arguments, Choice rules and JSONata, and writes in every Assign', () => {
    const m = model(
      JSON.stringify({
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Assign: { a: 1, 'b.$': '$.b' }, Next: 'C' },
          C: { Type: 'Choice', Choices: [{ Variable: '$a', NumericEqualsPath: '$b', Assign: { c: 1 }, Next: 'T' }], Default: 'T' },
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            InputPath: '$in.x',
            Parameters: { 'p.$': "States.Format('{}', $fmt, States.Array($nested))" },
            Catch: [{ ErrorEquals: ['States.ALL'], Assign: { err: 'x' }, Next: 'J' }],
            Next: 'J',
          },
          J: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $j & $states.input & ($local := 1; $local) %}', End: true },
        },
      }),
    );
    const use = variableUse(m);
    expect(use.reads.map((r) => `${r.state.name}:${r.name}`)).toEqual(['C:a', 'C:b', 'T:in', 'T:fmt', 'T:nested', 'J:j']);
    expect(use.writes.map((w) => `${w.state.name}:${w.name}`)).toEqual(['A:a', 'A:b', 'C:c', 'T:err']);
  });
});

const unassigned = (text: string) => unassignedReads(model(text)).map((u) => `${u.read.state.name}:${u.read.name}${u.assignedSomewhere ? '' : ' (never)'}`);
const pass = (extra: object) => ({ Type: 'Pass', ...extra });
const def = (startAt: string, states: object) => JSON.stringify({ StartAt: startAt, States: states });

describe('definite assignment', () => {
  it('follows Next through a loop', () => {
    expect(unassigned(def('A', { A: pass({ Assign: { n: 0 }, Next: 'B' }), B: pass({ Parameters: { 'n.$': '$n' }, Next: 'A' }) }))).toEqual([]);
  });

  it('needs the assignment on every path into the read (the Choice Default skips it)', () => {
    const states = {
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'S' }], Default: 'R' },
      S: pass({ Assign: { k: 1 }, Next: 'R' }),
      R: pass({ Parameters: { 'k.$': '$k' }, End: true }),
    };
    expect(unassigned(def('C', states))).toEqual(['R:k']);
  });

  it('counts a choice rule Assign on the edge of that rule', () => {
    const states = {
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Assign: { k: 1 }, Next: 'R' }], Default: 'D' },
      D: pass({ Assign: { k: 2 }, Next: 'R' }),
      R: pass({ Parameters: { 'k.$': '$k' }, End: true }),
    };
    expect(unassigned(def('C', states))).toEqual([]);
  });

  it("does not apply a state's own Assign on its Catch edge, but applies the catcher's", () => {
    const task = (catchAssign?: object) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Assign: { r: 1 },
      Catch: [{ ErrorEquals: ['States.ALL'], ...(catchAssign ? { Assign: catchAssign } : {}), Next: 'H' }],
      Next: 'H',
    });
    const h = pass({ Parameters: { 'r.$': '$r' }, End: true });
    expect(unassigned(def('T', { T: task(), H: h }))).toEqual(['H:r']);
    expect(unassigned(def('T', { T: task({ r: 0 }), H: h }))).toEqual([]);
  });

  it('sees, inside a Parallel branch or inline Map, what was assigned before the state (not its own Assign)', () => {
    const branch = { StartAt: 'B', States: { B: pass({ Parameters: { 'a.$': '$a', 'p.$': '$p' }, End: true }) } };
    const states = { A: pass({ Assign: { a: 1 }, Next: 'P' }), P: { Type: 'Parallel', Branches: [branch], Assign: { p: 1 }, End: true } };
    expect(unassigned(def('A', states))).toEqual(['B:p']);
    const map = { A: pass({ Assign: { a: 1 }, Next: 'M' }), M: { Type: 'Map', ItemProcessor: branch, Assign: { p: 1 }, End: true } };
    expect(unassigned(def('A', map))).toEqual(['B:p']);
  });

  it('does not let branch variables out of the branch', () => {
    const branch = { StartAt: 'B', States: { B: pass({ Assign: { inner: 1 }, End: true }) } };
    const states = { P: { Type: 'Parallel', Branches: [branch], Next: 'N' }, N: pass({ Parameters: { 'i.$': '$inner' }, End: true }) };
    expect(unassigned(def('P', states))).toEqual(['N:inner']);
  });

  it('gives a Distributed Map child workflow none of the parent variables (flagged as a scope problem)', () => {
    const proc = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: pass({ Parameters: { 'a.$': '$a' }, End: true }) } };
    const u = unassignedReads(model(def('A', { A: pass({ Assign: { a: 1 }, Next: 'M' }), M: { Type: 'Map', ItemProcessor: proc, End: true } })));
    expect(u.map((x) => [x.read.name, x.parentOfDistributed])).toEqual([['a', true]]);
  });

  it('skips unreachable states and reports names assigned nowhere', () => {
    const states = { A: pass({ Parameters: { 'z.$': '$z' }, End: true }), U: pass({ Parameters: { 'y.$': '$y' }, End: true }) };
    expect(unassigned(def('A', states))).toEqual(['A:z (never)']);
  });

  it('is linear enough for a long chain', () => {
    const states: Record<string, object> = {};
    const n = 2000;
    for (let i = 0; i < n; i++) states[`S${i}`] = pass(i === 0 ? { Assign: { v: 1 }, Next: 'S1' } : { Parameters: { 'v.$': '$v' }, ...(i + 1 < n ? { Next: `S${i + 1}` } : { End: true }) });
    const t = performance.now();
    expect(unassigned(def('S0', states))).toEqual([]);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('variable rules (diagnostics)', () => {
  const diags = (text: string) => lint(text).diagnostics.map((d) => `${d.code} ${d.location} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  it('JSONata: reads in Output see the values from before the state, and an unknown one is reported where it is read', () => {
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: pass({ Assign: { total: 1 }, Next: 'B' }), B: pass({ Output: '{% $total + $totl %}', End: true }) },
    });
    expect(diags(text)).toEqual([`LINT_VARIABLE_UNASSIGNED /States/B/Output ${1}:${text.indexOf('$totl') + 1} '$totl' is never assigned in this state machine.`]);
  });
  it('an inner scope reusing an outer name is a scope warning, not an unused one', () => {
    const branch = { StartAt: 'B', States: { B: pass({ Assign: { x: 2 }, Parameters: { 'x.$': '$x' }, End: true }) } };
    const text = JSON.stringify({ StartAt: 'A', States: { A: pass({ Assign: { x: 1 }, Next: 'P' }), P: { Type: 'Parallel', Branches: [branch], End: true } } });
    expect(diags(text).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['LINT_VARIABLE_SCOPE /States/P/Branches[0]/States/B/Assign']);
  });
});

describe('definite assignment at scale (issue 9: one vector of every variable per state grew quadratically)', () => {
  it('solves more variables than one pass holds, with the same answers', () => {
    // A chain where state i assigns v_i and reads v_(i-1) (assigned by the state before) and
    // v_(i+1) (assigned only later): 5,000 variables, in one pass and (with a budget of 1 byte)
    // in passes of 1,024.
    const n = 5000;
    const states: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      states[`S${i}`] = {
        Type: 'Pass',
        Assign: { [`v${i}`]: 1 },
        Output: { a: `{% $v${Math.max(0, i - 1)} %}`, b: `{% $v${(i + 1) % n} %}` },
        ...(i + 1 < n ? { Next: `S${i + 1}` } : { End: true }),
      };
    }
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S0', States: states });
    const model = buildModel(parse(text))!;
    // S0 reads v0 (its own) and v1; S_i reads v_(i+1), never assigned before it; the last state
    // reads v0, assigned by S0 on every path.
    const expected = ['S0 v0', ...Array.from({ length: n - 1 }, (_, i) => `S${i} v${i + 1}`)];
    expect(unassignedReads(model).map((u) => `${u.read.state.name} ${u.read.name}`)).toEqual(expected);
    expect(unassignedReads(model, 1).map((u) => `${u.read.state.name} ${u.read.name}`)).toEqual(expected);
  });
});
