/** src/parse/placeholder.ts: the one grammar of deploy-time placeholders. */
import { describe, expect, it } from 'vitest';
import { hasPlaceholder, isPlaceholder, placeholdersIn, replacePlaceholders } from '../src/parse/placeholder.js';

describe('placeholders', () => {
  it('recognises ${Name}, CDK tokens and #{...}, whole or inside a string', () => {
    expect(isPlaceholder('${TimeoutSeconds}')).toBe(true);
    expect(isPlaceholder('${Token[TOKEN.{12}]}')).toBe(true);
    expect(isPlaceholder('#{AWS::Region}')).toBe(true);
    expect(isPlaceholder('x${A}')).toBe(false);
    expect(isPlaceholder('${A}${B}')).toBe(false);
    expect(isPlaceholder('#{}')).toBe(false);
    expect(isPlaceholder(12)).toBe(false);
    expect(hasPlaceholder('arn:aws:lambda:${AWS::Region}:1:function:f')).toBe(true);
    expect(hasPlaceholder('arn:aws:lambda:#{AWS::Region}:1:function:f')).toBe(true);
    expect(hasPlaceholder('$.a{b}')).toBe(false);
  });

  it('lists each placeholder with its offset and name', () => {
    expect([...placeholdersIn('{"T": ${T}, "R": "#{AWS::Region}", "C": "${Token[A.{1}]}", "E": "${!Literal}"}')]).toEqual([
      { offset: 6, text: '${T}', name: 'T' },
      { offset: 18, text: '#{AWS::Region}', name: 'AWS::Region' },
      { offset: 41, text: '${Token[A.{1}]}', name: 'Token[A.{1}]' },
      { offset: 65, text: '${!Literal}', name: '!Literal' },
    ]);
  });

  it('replaces each placeholder with the stand-in, taken literally', () => {
    expect(replacePlaceholders('arn:${P}:states:#{R}', '\u0001')).toBe('arn:\u0001:states:\u0001');
    expect(replacePlaceholders('a${X}b', '$&')).toBe('a$&b');
  });
});
