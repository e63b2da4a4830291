/** src/parse/json-chars.ts: where JSON string literals end, strict and tolerant. */
import { describe, expect, it } from 'vitest';
import { closingQuote, countJsonKeys, stringEndOnLine } from '../src/parse/json-chars.js';

describe('closingQuote (valid JSON)', () => {
  it('finds the next quote not escaped by an odd run of backslashes', () => {
    expect(closingQuote('"abc": 1', 0)).toBe(4);
    expect(closingQuote('"a\\"b" x', 0)).toBe(5);
    expect(closingQuote('"a\\\\" x', 0)).toBe(4);
    expect(closingQuote('"a\\\\\\"b" x', 0)).toBe(7);
    expect(closingQuote('x "" y', 2)).toBe(3);
  });

  it('says -1 when the string is not closed', () => {
    expect(closingQuote('"abc', 0)).toBe(-1);
    expect(closingQuote('"ab\\"', 0)).toBe(-1);
  });

  it('is what countJsonKeys reads keys with', () => {
    expect(countJsonKeys('{"a\\\\": {"b\\"": ["c", "d:"]}}')).toBe(2);
  });
});

describe('stringEndOnLine (text that may not be JSON yet)', () => {
  it('stops at the closing quote, at the line end or at the text end', () => {
    expect(stringEndOnLine('"ab" x', 0)).toBe(3);
    expect(stringEndOnLine('"a\\"b" x', 0)).toBe(5);
    expect(stringEndOnLine('"ab\ncd"', 0)).toBe(3);
    expect(stringEndOnLine('"abc', 0)).toBe(4);
  });

  it('lets a backslash escape a line end', () => {
    expect(stringEndOnLine('"a\\\nb" x', 0)).toBe(5);
  });
});
