/**
 * The AWS CLI's shorthand syntax (`KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY},Other=a,b`), parsed as the
 * current AWS CLI grammar does (awscli/shorthand.py since late 2024; AWS CLI v1 1.45): implicit lists (`a=b,c`),
 * `\,` escapes, single- and double-quoted values (`\'` and `\"` inside them), `key@=file://...` at the top level
 * and inside `{...}`, explicit `[...]` lists and `{...}` hashes, whitespace around `=` and `,` ignored and
 * trailing whitespace of bare values dropped, by Python's rules (so a trailing U+FEFF stays, as it is no
 * whitespace to Python). The result is untyped (strings, lists, objects); `parameter-value.ts` applies the
 * spec's types as the AWS CLI's back-compat pass does. test/request/aws-cli-comparison.test.ts checks it
 * against the installed AWS CLI.
 */

import { MAX_NESTING } from './nesting.js';

/** A parsed shorthand value: strings, lists and objects only. */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

/** A syntax error at a position of the shorthand text (an index in UTF-16 units). */
export class ShorthandSyntaxError extends Error {
  constructor(
    readonly text: string,
    readonly index: number,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Expected ${expected}, found ${actual} at character ${[...text.slice(0, index)].length + 1}.`);
    this.name = 'ShorthandSyntaxError';
  }

  /** The line of text holding the error with a caret under it, as the AWS CLI shows it. */
  pointer(): string {
    const before = this.text.slice(0, this.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = this.text.indexOf('\n', this.index);
    const line = this.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    return `${line}\n${' '.repeat([...before.slice(lineStart)].length)}^`;
  }
}

/** The same key twice at the top level: usually a `,` typed where a space was meant (two list items). */
export class DuplicateShorthandKeyError extends ShorthandSyntaxError {
  constructor(text: string, index: number, readonly key: string) {
    super(text, index, 'a new key', `a second "${key}"`);
    this.message = `The key "${key}" is given twice. This is often a "," where a space was meant between two items.`;
  }
}

/** Loads the text of `file://...` for `key@=file://...`; returns undefined when the value has no file prefix. */
export type ParamFileReader = (value: string) => string | undefined;

/**
 * Python's whitespace (`str.isspace`, and `\s` in its regular expressions), which differs from JavaScript's: it
 * includes U+001C..U+001F and U+0085, and not U+FEFF.
 */
const PYTHON_SPACE = String.raw`\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const TRAILING_PYTHON_SPACE = new RegExp(`[${PYTHON_SPACE}]+$`, 'u');

// The character classes of the AWS CLI grammar. Python's `\uffff` upper bound leaves out characters outside the
// Basic Multilingual Plane (such as emoji) in bare values, exactly as the AWS CLI does; they work when quoted.
const START_WORD = String.raw`!#-&(-+\--<>-Z\\-z|-\uffff`;
const FIRST_FOLLOW = String.raw`${PYTHON_SPACE}!#-&(-+\--\\\^-\|~-\uffff`;
const SECOND_FOLLOW = String.raw`${PYTHON_SPACE}!#-&(-+\--<>-\uffff`;
const FIRST_VALUE = new RegExp(String.raw`(?:\\,|[${START_WORD}])(?:\\,|[${FIRST_FOLLOW}])*`, 'uy');
const SECOND_VALUE = new RegExp(String.raw`(?:\\,|[${START_WORD}])(?:\\,|[${SECOND_FOLLOW}])*`, 'uy');
// A quoted value runs to the first quote not preceded by a backslash; `\\` is unescaped only afterwards.
const SINGLE_QUOTED = /'(?:\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\"|[^"])*"/y;
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
/** Python's string.whitespace: the grammar skips only ASCII whitespace between tokens. */
const WHITESPACE = ' \t\n\r\v\f';

/** Sets a key as an own property, so that a key such as `__proto__` is data, never a prototype change. */
function define(target: Record<string, ShorthandValue>, key: string, value: ShorthandValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Python's str.rstrip(): drops trailing whitespace by Python's definition. */
function pythonRstrip(text: string): string {
  return text.replace(TRAILING_PYTHON_SPACE, '');
}

class Parser {
  private index = 0;
  private depth = 0;
  /**
   * Set by the last `key@=` (cleared by the last plain `key=`), at the top level or inside `{...}`: every scalar
   * parsed while it is set is a possible `file://` reference. One flag for the whole parse, as in the AWS CLI, so
   * `k@=[a,{b=c},file://x]` does not load `file://x` (the inner `b=` cleared it).
   */
  private resolveParamFiles = false;

  constructor(
    private readonly text: string,
    private readonly readParamFile: ParamFileReader | undefined,
  ) {}

  parameter(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    const [firstKey, firstValue] = this.keyval();
    define(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (this.index < this.text.length) {
      this.expect(',', true);
      const [key, value] = this.keyval();
      if (Object.hasOwn(params, key)) throw new DuplicateShorthandKeyError(this.text, lastIndex + 1, key);
      define(params, key, value);
      lastIndex = this.index;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.assignment();
    return [key, this.values()];
  }

  /** `=`, or `@=` (its values may be `file://...`); whitespace around either is skipped. */
  private assignment(): void {
    this.skipWhitespace();
    this.resolveParamFiles = this.current() === '@';
    if (this.resolveParamFiles) this.index++;
    this.expect('=', true);
  }

  /** A scalar as parsed, or the file's text when it follows `@=` and is a `file://` reference. */
  private scalar(value: string): string {
    if (!this.resolveParamFiles || !this.readParamFile) return value;
    return this.readParamFile(value) ?? value;
  }

  private key(): string {
    const start = this.index;
    while (!this.atEnd() && KEY_CHARS.test(this.text[this.index]!)) this.index++;
    return this.text.slice(start, this.index);
  }

  private values(): ShorthandValue {
    if (this.atEnd()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.skipWhitespace();
    if (this.atEnd() || this.text[this.index] !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.skipWhitespace();
        if (this.atEnd()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (error) {
        // `a=b,c=d`: what followed the comma was the next key, not a list item; step back to that comma.
        if (!(error instanceof ShorthandSyntaxError) || this.atEnd()) throw error;
        this.backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private bareValue(): string {
    const match = this.match(FIRST_VALUE);
    return match === undefined ? '' : this.scalar(pythonRstrip(match.replaceAll('\\,', ',')));
  }

  private explicitList(): ShorthandValue[] {
    this.enter();
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValue());
      this.skipWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.skipWhitespace();
      }
    }
    this.expect(']');
    this.depth--;
    return values;
  }

  private explicitValue(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): Record<string, ShorthandValue> {
    this.enter();
    this.expect('{', true);
    const entries: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.assignment();
      const value = this.explicitValue();
      this.skipWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.skipWhitespace();
      }
      // Inside a hash a repeated key overwrites, as in the AWS CLI (only the top level rejects duplicates).
      define(entries, key, value);
    }
    this.expect('}');
    this.depth--;
    return entries;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.bareValue();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const match = this.match(SECOND_VALUE);
    if (match === undefined) throw this.syntaxError('a value', this.describeCurrent());
    return this.scalar(pythonRstrip(match.replaceAll('\\,', ',')));
  }

  private quoted(regex: RegExp, quote: string): string {
    const match = this.match(regex);
    if (match === undefined) throw this.syntaxError(`a closing ${quote}`, 'the end of the value');
    return this.scalar(match.slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\'));
  }

  private match(regex: RegExp): string | undefined {
    regex.lastIndex = this.index;
    const result = regex.exec(this.text);
    if (!result) return undefined;
    this.index += result[0].length;
    return result[0];
  }

  private expect(char: string, skipWhitespace = false): void {
    if (skipWhitespace) this.skipWhitespace();
    if (this.atEnd()) throw this.syntaxError(`"${char}"`, 'the end of the value');
    if (this.text[this.index] !== char) throw this.syntaxError(`"${char}"`, this.describeCurrent());
    this.index++;
    if (skipWhitespace) this.skipWhitespace();
  }

  private enter(): void {
    // Deeper than any parameter needs (see nesting.ts); stops a hostile input from exhausting the stack.
    if (++this.depth > MAX_NESTING) throw this.syntaxError(`at most ${MAX_NESTING} levels of nested [ ] and { }`, 'one more');
  }

  private describeCurrent(): string {
    const char = this.text.codePointAt(this.index);
    return char === undefined ? 'the end of the value' : JSON.stringify(String.fromCodePoint(char));
  }

  private syntaxError(expected: string, actual: string): ShorthandSyntaxError {
    return new ShorthandSyntaxError(this.text, this.index, expected, actual);
  }

  private current(): string | undefined {
    return this.text[this.index];
  }

  private atEnd(): boolean {
    return this.index >= this.text.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.text[this.index] !== char) this.index--;
  }

  private skipWhitespace(): void {
    while (!this.atEnd() && WHITESPACE.includes(this.text[this.index]!)) this.index++;
  }
}

/**
 * Parses one shorthand value into an object. Throws ShorthandSyntaxError (and nothing else) on bad syntax;
 * `readParamFile` resolves `key@=file://...` (its own errors propagate).
 */
export function parseShorthand(text: string, readParamFile?: ParamFileReader): Record<string, ShorthandValue> {
  return new Parser(text, readParamFile).parameter();
}
