/**
 * `file://` values, as the AWS CLI v2 loads them: a whole parameter value (`--tags file://tags.json`) or a
 * shorthand value (`Metadata@=file://smart.json`). The path may start with `~` and hold `$VAR`s; the file's text
 * is used verbatim (a trailing newline included, as the AWS CLI does). v2 does not follow http(s):// URLs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { InputError } from './issues.js';

const TEXT_PREFIX = 'file://';
const BINARY_PREFIX = 'fileb://';

/** Python's os.path.expanduser + expandvars, which the AWS CLI applies to file paths. */
export function expandPath(path: string): string {
  const home = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  return home.replace(/\$(\w+)|\$\{(\w+)\}/g, (whole, bare: string | undefined, braced: string | undefined) => {
    const value = process.env[(bare ?? braced)!];
    return value === undefined ? whole : value;
  });
}

/**
 * The text of the file a `file://` value names, or undefined if the value is not a file reference.
 * Throws InputError (rule `file`) naming the flag and field when the file cannot be read.
 */
export function readParamFile(value: string, flag: string, field: string): string | undefined {
  const fail = (message: string, fix: string): never => {
    throw new InputError([{ field, flag, rule: 'file', message, fix, value, severity: 'error' }]);
  };
  if (value.startsWith(BINARY_PREFIX)) {
    fail('fileb:// loads binary data, but this value is text.', `Use ${TEXT_PREFIX}${value.slice(BINARY_PREFIX.length)} instead.`);
  }
  if (!value.startsWith(TEXT_PREFIX)) return undefined;
  const path = expandPath(value.slice(TEXT_PREFIX.length));
  if (!existsSync(path)) {
    fail(`The file ${path} does not exist.`, 'Check the path; a relative path is relative to the current directory.');
  }
  // Anything but a directory is read, as the AWS CLI does: a pipe such as bash's file://<(...) works too.
  if (statSync(path).isDirectory()) fail(`${path} is a directory, not a file.`, 'Give the path of a file inside it.');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`The file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`The file ${path} is not UTF-8 text.`, 'Save it as UTF-8 (PowerShell: Out-File -Encoding utf8).');
  }
}
