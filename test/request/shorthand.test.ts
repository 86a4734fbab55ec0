import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuplicateShorthandKeyError, ShorthandSyntaxError, parseShorthand } from '../../src/request/shorthand.js';

describe('parseShorthand (the AWS CLI grammar)', () => {
  const cases: [string, unknown][] = [
    ['a=b', { a: 'b' }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    // Implicit lists: a comma not followed by key= continues the value as a list.
    ['a=b,c', { a: ['b', 'c'] }],
    ['a=b,c,d=e', { a: ['b', 'c'], d: 'e' }],
    ['a=b,c=d,e', { a: 'b', c: ['d', 'e'] }],
    // Empty values.
    ['a=', { a: '' }],
    ['a=,b=c', { a: '', b: 'c' }],
    ['Key=env,Value=', { Key: 'env', Value: '' }],
    // Whitespace around = and , is skipped; trailing whitespace of a bare value is dropped, inner kept.
    ['a = b , c = d', { a: 'b', c: 'd' }],
    ['a=b c', { a: 'b c' }],
    ['a=b  ', { a: 'b' }],
    ['a=b,\n  c=d', { a: 'b', c: 'd' }],
    // Trailing whitespace is Python's: U+001C..U+001F and U+0085 go, U+FEFF stays.
    ['a=b\u001c\u0085', { a: 'b' }],
    ['a=b\uFEFF', { a: 'b\uFEFF' }],
    ['a=b\uFEFF,c=d', { a: 'b\uFEFF', c: 'd' }],
    // Escaped commas and '=' inside values.
    ['a=1\\,2', { a: '1,2' }],
    ['a=b=c', { a: 'b=c' }],
    // After a failed list item the parser steps back to the comma, so an empty item between commas is skipped.
    ['a=b,,c=d', { a: 'b', c: 'd' }],
    // Quoted values keep commas, =, braces and spaces; their escapes are \\ and the quote.
    ["a='x,y=z {}'", { a: 'x,y=z {}' }],
    ['a="x,y"', { a: 'x,y' }],
    ["a='it\\'s'", { a: "it's" }],
    ['a="say \\"hi\\""', { a: 'say "hi"' }],
    ['a="back\\\\slash"', { a: 'back\\slash' }],
    // A quoted value ends at the first quote with no backslash before it; \\ is unescaped only afterwards.
    ['a="x\\\\"y"', { a: 'x\\"y' }],
    ['a={b="c\\"d"}', { a: { b: 'c"d' } }],
    ["a='',b=c", { a: '', b: 'c' }],
    ["a=x,'y,z'", { a: ['x', 'y,z'] }],
    // Nested hashes and explicit lists.
    ['a={b=c,d=e}', { a: { b: 'c', d: 'e' } }],
    ['a={b={c=d}},e=f', { a: { b: { c: 'd' } }, e: 'f' }],
    ['a=[b,c]', { a: ['b', 'c'] }],
    ['a=[]', { a: [] }],
    ['a=[{b=c},{b=d}]', { a: [{ b: 'c' }, { b: 'd' }] }],
    ['a=[[b,c],[d]]', { a: [['b', 'c'], ['d']] }],
    ['a={ b = c , d = [ e , f ] }', { a: { b: 'c', d: ['e', 'f'] } }],
    ['KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/k}', { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' } }],
    // Keys may hold - _ . # / :
    ['a-b_c.d#e/f:g=h', { 'a-b_c.d#e/f:g': 'h' }],
    // Non-Latin values.
    ['Key=équipe,Value=日本語', { Key: 'équipe', Value: '日本語' }],
    // A key such as __proto__ is data, never a prototype.
    ['__proto__=x', Object.defineProperty({}, '__proto__', { value: 'x', enumerable: true, writable: true, configurable: true })],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseShorthand(text)).toStrictEqual(expected);
  });

  it('keeps characters outside the BMP only when quoted, as the AWS CLI does', () => {
    expect(() => parseShorthand('a=😀')).toThrow(ShorthandSyntaxError);
    expect(parseShorthand("a='😀'")).toEqual({ a: '😀' });
  });

  const errors: [string, RegExp][] = [
    ['', /Expected "="/],
    ['a', /Expected "=", found the end/],
    ['a=b,', /Expected a value, found the end/],
    ['a={b=c', /Expected ",", found the end/],
    ['a=[b,c', /Expected "]"|Expected ","/],
    ["a='unterminated", /closing '/],
    [' a=b', /Expected "=", found "a"/],
    ['a=b,c==d', /Expected ",", found "="/],
  ];
  it.each(errors)('rejects %j with a positioned message', (text, message) => {
    let caught: unknown;
    try {
      parseShorthand(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ShorthandSyntaxError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as ShorthandSyntaxError).pointer()).toMatch(/\^$/);
  });

  it('rejects a repeated top-level key (a comma where a space was meant)', () => {
    expect(() => parseShorthand('Key=a,Value=b,Key=c,Value=d')).toThrow(DuplicateShorthandKeyError);
    // Inside a hash the last one wins, as in the AWS CLI.
    expect(parseShorthand('a={b=1,b=2}')).toEqual({ a: { b: '2' } });
  });

  it('points the caret under the offending character', () => {
    try {
      parseShorthand('a=b,c==d,e');
      expect.unreachable();
    } catch (error) {
      expect((error as ShorthandSyntaxError).pointer()).toBe('a=b,c==d,e\n      ^');
    }
  });

  it('stops hostile nesting with a syntax error, not a stack overflow', () => {
    expect(() => parseShorthand(`a=${'['.repeat(10_000)}`)).toThrow(ShorthandSyntaxError);
  });

  describe('key@=file://', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlw-shorthand-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'smart.json');
    writeFileSync(file, '{"a": 1}\n');
    const reader = (value: string) => (value.startsWith('file://') ? `<${value.slice(7)}>` : undefined);

    it('hands file:// values of @= keys to the reader', () => {
      expect(parseShorthand(`Metadata@=file://${file},b=c`, reader)).toEqual({ Metadata: `<${file}>`, b: 'c' });
      expect(parseShorthand(`Metadata @= file://x`, reader)).toEqual({ Metadata: '<x>' });
    });
    it('reads @= inside {...}, in lists and in quotes, as the AWS CLI does', () => {
      expect(parseShorthand('KmsEncryptionConfig={CmkType=C, KmsKeyId @= file://k}', reader)).toEqual({ KmsEncryptionConfig: { CmkType: 'C', KmsKeyId: '<k>' } });
      expect(parseShorthand('a@=file://x,file://y', reader)).toEqual({ a: ['<x>', '<y>'] });
      expect(parseShorthand('a@="file://x"', reader)).toEqual({ a: '<x>' });
      // One flag for the whole parse: the last `key=` or `key@=` decides, even on the way out of a hash.
      expect(parseShorthand('a@=[file://x,{b=c},file://y]', reader)).toEqual({ a: ['<x>', { b: 'c' }, 'file://y'] });
    });
    it('leaves plain = values and non-file @= values alone', () => {
      expect(parseShorthand('Metadata=file://x', reader)).toEqual({ Metadata: 'file://x' });
      expect(parseShorthand('Metadata@=plain', reader)).toEqual({ Metadata: 'plain' });
    });
  });
});
