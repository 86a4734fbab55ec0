/**
 * `file://` values, as the AWS CLI v2 loads them: a whole parameter value (`--tags file://tags.json`) or a
 * shorthand value (`Metadata@=file://smart.json`). The path may start with `~` and hold `$VAR`s; the file's text
 * is used verbatim (a trailing newline included, as the AWS CLI does). v2 does not follow http(s):// URLs.
 * Unlike the AWS CLI, a file over PARAM_FILE_LIMIT_BYTES is refused, and never read past the limit.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { InputError } from './issues.js';

const TEXT_PREFIX = 'file://';
const BINARY_PREFIX = 'fileb://';

/**
 * The largest `file://` value: 512 KiB. A whole CreateFHIRDatastore request is a few KB (its largest member, the
 * SMART metadata document, is a small JSON object), so a bigger file is almost surely the wrong one; without a
 * cap, a mistaken multi-GB file would be read into memory whole.
 */
export const PARAM_FILE_LIMIT_BYTES = 512 * 1024;
const LIMIT_TEXT = '512 KiB';

/**
 * Reads at most `limit + 1` bytes from the file (a pipe or device included), so that an oversized or endless
 * input costs no more than the limit. Returns undefined when there is more than `limit`.
 */
function readUpTo(fd: number, limit: number): Buffer | undefined {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  for (let read = -1; read !== 0 && length <= limit; length += read) {
    read = readSync(fd, buffer, length, buffer.length - length, null);
  }
  return length > limit ? undefined : buffer.subarray(0, length);
}

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
  const cannotRead = (error: unknown): never =>
    fail(`The file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions.');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') fail(`${path} is a directory, not a file.`, 'Give the path of a file inside it.');
    return cannotRead(error);
  }
  let bytes: Buffer | undefined;
  try {
    const stats = fstatSync(fd);
    // Anything but a directory is read, as the AWS CLI does: a pipe such as bash's file://<(...) works too.
    if (stats.isDirectory()) fail(`${path} is a directory, not a file.`, 'Give the path of a file inside it.');
    const tooBig = (size: string): never =>
      fail(
        `The file ${path} is ${size}; file:// values are limited to ${LIMIT_TEXT}.`,
        `Check that ${TEXT_PREFIX}${path} names the intended file: a CreateFHIRDatastore request is a few KB. Give a file under ${LIMIT_TEXT}.`,
      );
    if (stats.isFile() && stats.size > PARAM_FILE_LIMIT_BYTES) tooBig(`${Math.ceil(stats.size / 1024)} KiB`);
    try {
      bytes = readUpTo(fd, PARAM_FILE_LIMIT_BYTES);
    } catch (error) {
      cannotRead(error);
    }
    if (!bytes) tooBig(`over ${LIMIT_TEXT}`);
  } finally {
    closeSync(fd);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`The file ${path} is not UTF-8 text.`, 'Save it as UTF-8 (PowerShell: Out-File -Encoding utf8).');
  }
}
