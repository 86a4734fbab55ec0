/**
 * `--state FILE`: the data stores survive a restart, and several emulators may share one file (two sandbox runs
 * at once do). Every change is a read-modify-write under the lock file `FILE.lock`, so no emulator overwrites
 * what another wrote. A write goes to a new temporary file in the same folder (created exclusively, with an
 * unpredictable name) that is then renamed over FILE: readers never see half a file, and nothing is ever
 * written through a link. A FILE that is a link, a FIFO or anything but a regular file is refused.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_LOCK_TIMING, withLock, type LockTiming } from '../store/lock-file.js';
import { entryLabel, sortEntries, type SortedEntries } from './state-entries.js';
import type { EmulatedDatastore } from './types.js';

const VERSION = 1;

/** A state file that cannot be used; the command reports it as a configuration problem (exit 253). */
export class StateFileError extends Error {
  constructor(
    message: string,
    /** What to do about it, for `--state FILE`. */
    readonly fix: string,
  ) {
    super(message);
    this.name = 'StateFileError';
  }
}

/** What the file holds now. */
interface StoredState extends SortedEntries {
  /** The file's text; undefined when it does not exist yet. */
  text: string | undefined;
  /** Which file version this is (see `identity`). */
  identity: string | undefined;
}

/** Tells one version of the file from the next: every write renames a new file into place. */
function identity(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function kindOf(stat: BigIntStats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The file's text and identity, read through no link and from no FIFO; undefined when it does not exist. */
function readStateText(path: string): { text: string; identity: string } | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a link is refused, not followed. O_NONBLOCK: opening a FIFO does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new StateFileError(
        `The state file ${path} is a symbolic link; the emulator never reads or writes through a link.`,
        'Give the path of the file itself, or replace the link with a regular file.',
      );
    }
    throw new StateFileError(`Cannot read the state file ${path}: ${(error as Error).message}.`, 'Make it readable and writable by you, or pass another --state file.');
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) {
      throw new StateFileError(`The state file ${path} is ${kindOf(stat)}; it must be a regular file.`, 'Remove it, or pass another --state file.');
    }
    return { text: readFileSync(fd, 'utf8'), identity: identity(stat) };
  } finally {
    closeSync(fd);
  }
}

function parseState(path: string, text: string): SortedEntries {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`The state file ${path} is not valid JSON (${(error as Error).message}).`, 'Move it away or pass another --state file.');
  }
  const state = parsed as { version?: unknown; datastores?: unknown };
  if (state?.version !== VERSION || !Array.isArray(state.datastores)) {
    throw new StateFileError(`The state file ${path} is not an emulator state file (version ${VERSION}).`, 'Move it away or pass another --state file.');
  }
  return sortEntries(state.datastores);
}

function readState(path: string): StoredState {
  const read = readStateText(path);
  if (!read) return { datastores: [], rejected: [], text: undefined, identity: undefined };
  return { ...parseState(path, read.text), ...read };
}

/** Replaces the file: a new temporary file beside it (exclusive create, unpredictable name), renamed over it. */
function writeState(path: string, text: string): void {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600); // O_EXCL: fails on anything already there, links included
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path); // replaces a link at `path` itself, never its target
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

/** The file's text: the usable data stores, then any entries left out on load, kept as they were. */
function formatState(datastores: readonly EmulatedDatastore[], kept: readonly unknown[]): string {
  return `${JSON.stringify({ version: VERSION, datastores: [...datastores, ...kept] }, null, 2)}\n`;
}

/** What a state file gave at start: the data stores, and one message per entry left out. */
export interface LoadedState {
  datastores: EmulatedDatastore[];
  problems: string[];
}

/** A state file that several emulators, in several processes, may read and change at once. */
export class SharedStateFile {
  /** The file's identity when this emulator last read or wrote it. */
  private seen: string | undefined;

  constructor(
    readonly path: string,
    private readonly lockTiming: LockTiming = DEFAULT_LOCK_TIMING,
  ) {}

  /** Reads the file at start. A malformed entry is reported and left out (and left in the file). */
  load(): LoadedState {
    const state = this.read();
    return {
      datastores: state.datastores,
      problems: state.rejected.map(
        ({ index, entry, problem }) =>
          `The state file ${this.path}, ${entryLabel(index, entry)}: ${problem}. The emulator runs without this data store and leaves the entry in the file; correct or delete it, then restart the emulator.`,
      ),
    };
  }

  /** The file's data stores when another emulator wrote it since; undefined when not (or when it is unusable). */
  changedElsewhere(): EmulatedDatastore[] | undefined {
    if (this.currentIdentity() === this.seen) return undefined;
    try {
      return this.read().datastores;
    } catch (error) {
      if (error instanceof StateFileError) return undefined; // keep serving what this emulator has
      throw error;
    }
  }

  /**
   * Changes the stored data stores with no other writer in between: under the lock, reads the file, passes its
   * data stores to `change`, and writes what `change` returns (when it differs). Entries left out on load stay.
   */
  update(change: (stored: EmulatedDatastore[]) => readonly EmulatedDatastore[]): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true }); // the lock file goes there too
      withLock(
        `${this.path}.lock`,
        () => {
          const state = this.read();
          const text = formatState(change(state.datastores), state.rejected.map((rejected) => rejected.entry));
          if (text !== state.text) writeState(this.path, text);
          this.seen = this.currentIdentity();
        },
        this.lockTiming,
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string' || error instanceof StateFileError) throw error;
      throw new StateFileError(`Cannot write the state file ${this.path} (${code}): ${(error as Error).message}.`, 'Make its folder writable by you, or pass another --state file.');
    }
  }

  private read(): StoredState {
    const state = readState(this.path);
    this.seen = state.identity;
    return state;
  }

  private currentIdentity(): string | undefined {
    try {
      return identity(lstatSync(this.path, { bigint: true }));
    } catch {
      return undefined;
    }
  }
}
