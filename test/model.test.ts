import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { buildModel, reachableStates } from '../src/model/model.js';
import { formatLocation } from '../src/model/location.js';

const def = {
  QueryLanguage: 'JSONata',
  StartAt: 'P',
  States: {
    P: {
      Type: 'Parallel',
      Next: 'M',
      Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } } }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }],
    },
    M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } } },
    F: { Type: 'Fail' },
    C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'M' }], Default: 'F' },
  },
};

describe('model', () => {
  const sm = buildModel(parse(JSON.stringify(def)));

  it('builds scopes for the root, each branch and each processor', () => {
    expect(sm.scopes.map((s) => [s.kind, formatLocation(s.path), s.depth])).toEqual([
      ['root', '/', 0],
      ['branch', '/States/P/Branches[0]', 1],
      ['itemProcessor', '/States/M/ItemProcessor', 1],
    ]);
    expect(sm.maxDepth).toBe(1);
  });

  it('resolves the query language per state (the machine default, overridden per state, not inherited from Map/Parallel)', () => {
    expect(Object.fromEntries(sm.states.map((s) => [s.name, s.queryLanguage]))).toEqual({
      P: 'JSONata',
      M: 'JSONata',
      F: 'JSONata',
      C: 'JSONata',
      B1: 'JSONPath',
      I: 'JSONata',
    });
  });

  it('collects Next, Catch, Choices and Default edges with their paths', () => {
    expect(sm.edges.map((e) => [e.from.name, e.field, e.target, formatLocation(e.path)])).toEqual([
      ['P', 'Next', 'M', '/States/P/Next'],
      ['P', 'Catch', 'F', '/States/P/Catch[0]/Next'],
      ['C', 'Choices', 'M', '/States/C/Choices[0]/Next'],
      ['C', 'Default', 'F', '/States/C/Default'],
    ]);
  });

  it('computes reachability from StartAt within a scope', () => {
    const reach = reachableStates(sm.rootScope!);
    expect([...reach].map((s) => s.name).sort()).toEqual(['F', 'M', 'P']);
  });

  it('marks terminal states', () => {
    expect(sm.states.filter((s) => s.isTerminal).map((s) => s.name)).toEqual(['M', 'F', 'B1', 'I']);
  });

  it('tolerates non-object values where objects belong', () => {
    const odd = buildModel(parse('{"StartAt": 1, "States": {"A": 5, "B": {"Type": "Parallel", "Branches": "x"}}}'));
    expect(odd.states.map((s) => [s.name, s.isObject, s.type])).toEqual([
      ['A', false, undefined],
      ['B', true, 'Parallel'],
    ]);
    expect(buildModel(parse('[1]')).rootScope).toBeUndefined();
  });
});

describe('model: API shape after the allocation work', () => {
  it('edgesFrom is a Map of every state to its edges; states share no mutable arrays', () => {
    const doc = parse(
      '{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B"}], "Default": "C"}, "B": {"Type": "Succeed"}, "C": {"Type": "Succeed"}}}',
    );
    const model = buildModel(doc);
    expect(model.edgesFrom).toBeInstanceOf(Map);
    expect(model.edgesFrom.size).toBe(3);
    const [a, b] = model.states;
    expect(model.edgesFrom.get(a)!.map((e) => [e.target, e.field, e.path])).toEqual([
      ['B', 'Choices', ['States', 'A', 'Choices', 0, 'Next']],
      ['C', 'Default', ['States', 'A', 'Default']],
    ]);
    expect(model.edgesFrom.get(b)).toEqual([]);
    expect(model.edges.map((e) => e.target)).toEqual(['B', 'C']);
  });
});
