import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/lang/suggest.js';

describe('did-you-mean', () => {
  it('counts adjacent swaps as one edit', () => {
    expect(editDistance('Frist', 'First')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only a single close candidate', () => {
    expect(closest('Timeout', ['TimeoutSeconds', 'Type'])).toBeUndefined();
    expect(closest('Secnod', ['First', 'Second'])).toBe('Second');
    expect(closest('second', ['First', 'Second'])).toBe('Second');
    expect(closest('Bx', ['Ba', 'Bb'])).toBeUndefined();
    expect(closest('Zebra', ['First', 'Second'])).toBeUndefined();
  });
});
