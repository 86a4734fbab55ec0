/**
 * The store's file operations, safe against what may be found in its directory: nothing is ever read, written or
 * chmod-ed through a symbolic link (a link there could make the program overwrite, as root, any file it points
 * to), and a FIFO, socket, device or directory is refused at once instead of blocking a read forever. A file is
 * replaced whole: written to a new temporary file, created exclusively under an unguessable name in the same
 * directory, flushed to disk, then renamed over the old one.
 */
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from './store-error.js';

// O_NOFOLLOW: opening a link fails (ELOOP). O_NONBLOCK: opening a FIFO returns at once, so that fstat can tell.
// Both are 0 where the platform lacks them (Windows), where the lstat check before opening still applies.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const READ_FLAGS = constants.O_RDONLY | NO_FOLLOW | NON_BLOCKING;
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/** What a file that is not a regular file is, for messages. */
function describeKind(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A shell word for a path, single-quoted when it holds anything but safe characters. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/** The StoreError (exit 253) for a store file that is not a regular file, with how to put it right. */
export function notRegularFileError(path: string, stats: Stats): StoreError {
  const kind = describeKind(stats);
  const word = shellWord(path);
  if (stats.isSymbolicLink()) {
    return new StoreError(
      `${path} is a symbolic link. healthlake-wizard never reads or writes its files through a link: it could overwrite the file the link points to.`,
      `Delete the link (rm ${word}); to keep what it points to, replace the link with a copy of it: cp -L ${word} ${shellWord(`${path}.copy`)} && mv ${shellWord(`${path}.copy`)} ${word}`,
    );
  }
  return new StoreError(
    `${path} is ${kind}, not a regular file, so healthlake-wizard cannot use it${stats.isFIFO() ? ' (reading it would wait forever)' : ''}.`,
    `Move it out of the way (mv ${word} ${shellWord(`${path}.aside`)}); healthlake-wizard then starts a new file.`,
  );
}

/** The file's lstat, or undefined when there is none. */
export function lstatIfPresent(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Throws the StoreError for a path that exists and is not a regular file (a link included). */
export function refuseUnlessRegular(path: string): void {
  const stats = lstatIfPresent(path);
  if (stats && !stats.isFile()) throw notRegularFileError(path, stats);
}

/**
 * Opens a regular file for reading without following a link or blocking on a FIFO; undefined when it does not
 * exist. Checked twice: by lstat before opening (a clear message), and by fstat of what was opened (no race).
 */
function openRegular(path: string): { fd: number; stats: Stats } | undefined {
  refuseUnlessRegular(path);
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw notRegularFileError(path, lstatSync(path));
    throw error;
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegularFileError(path, stats);
  }
  return { fd, stats };
}

/** The text of a regular file, or undefined when it does not exist. Never follows a link, never blocks. */
export function readRegularFile(path: string): string | undefined {
  const opened = openRegular(path);
  if (!opened) return undefined;
  try {
    return readFileSync(opened.fd, 'utf8');
  } finally {
    closeSync(opened.fd);
  }
}

/** Sets a regular file's mode to 0600 if group or others have any access; through its descriptor, not its path. */
export function makeFilePrivate(path: string): void {
  const opened = openRegular(path);
  if (!opened) return;
  try {
    if ((opened.stats.mode & 0o077) !== 0) fchmodSync(opened.fd, 0o600);
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Eight random bytes in hex, a name no one can guess. Taken from Web Crypto, which Node sets up on first use:
 * importing node:crypto loaded it, with Node's streams behind it, at every start (a dry run's too, which writes
 * nothing).
 */
export function unguessableId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

/**
 * Replaces the file with `text`, mode 0600 (or `mode`: a project file others read) whatever the umask. A reader
 * sees the old file or the new one, never a part; once this returns, the new content is on disk. A link or other
 * non-regular file at `path` is refused.
 */
export function writeRegularFile(path: string, text: string, mode = 0o600): void {
  refuseUnlessRegular(path);
  const temporary = join(dirname(path), `.${basename(path)}.${unguessableId()}.tmp`);
  const fd = openSync(temporary, CREATE_FLAGS, 0o600);
  try {
    try {
      fchmodSync(fd, mode); // the umask may have taken bits from 0600 too (umask 277 would make it read-only)
      const data = Buffer.from(text, 'utf8');
      for (let written = 0; written < data.length; ) written += writeSync(fd, data, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/** Flushes a directory's entries (the rename) to disk; not every platform or file system allows it. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // best effort: the file's own content is already on disk
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
