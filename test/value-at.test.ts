/** src/value-at.ts: the one "value at a path" helper (schema messages, language sites, fixes, templates, rules). */
import { describe, expect, it } from 'vitest';
import { valueAt } from '../src/value-at.js';

describe('valueAt', () => {
  const root = JSON.parse('{"States": {"A": {"Type": "Pass", "Parameters": {"list": [1, {"x": null}]}}, "__proto__": {"Type": "Succeed"}}}');

  it('follows object keys and array indices', () => {
    expect(valueAt(root, [])).toBe(root);
    expect(valueAt(root, ['States', 'A', 'Type'])).toBe('Pass');
    expect(valueAt(root, ['States', 'A', 'Parameters', 'list', 1, 'x'])).toBeNull();
    expect(valueAt(root, ['States', '__proto__', 'Type'])).toBe('Succeed');
  });

  it('is undefined where a member is absent, inherited, or a value on the way is not an object or array', () => {
    expect(valueAt(root, ['States', 'B'])).toBeUndefined();
    expect(valueAt(root, ['States', 'A', 'Parameters', 'list', 2])).toBeUndefined();
    // Inherited members are not the definition's: Object.prototype's and Array.prototype's.
    expect(valueAt(root, ['States', 'constructor'])).toBeUndefined();
    expect(valueAt(root, ['States', 'A', 'Parameters', 'list', 'map'])).toBeUndefined();
    // Through a string, a number, null.
    expect(valueAt(root, ['States', 'A', 'Type', 0])).toBeUndefined();
    expect(valueAt(root, ['States', 'A', 'Type', 'length'])).toBeUndefined();
    expect(valueAt(root, ['States', 'A', 'Parameters', 'list', 0, 'x'])).toBeUndefined();
    expect(valueAt(root, ['States', 'A', 'Parameters', 'list', 1, 'x', 'y'])).toBeUndefined();
    expect(valueAt(undefined, ['a'])).toBeUndefined();
  });
});
