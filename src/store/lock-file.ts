/**
 * An exclusive lock between processes: a lock file holding the owner's pid, host, start time and a random id.
 * It is created whole: written to a temporary file, then hard-linked to the lock's name, which fails if anything
 * is there, so exactly one process creates it and it is never seen empty. A lock whose owner is gone (dead pid on
 * this host), older than `staleMs`, or that is empty, garbage or unreadable (and older than a short grace) is
 * abandoned; it is taken over atomically: under a short-lived `.break` lock, the taker checks that the lock is
 * still the one it judged and renames its own lock file over it, so the name is never free in between and two
 * takers cannot both win. Waiting for a live holder is bounded, so a stuck lock becomes a clear error. A lock
 * path that is a link, a FIFO or anything but a regular file is refused at once.
 */
import { closeSync, constants, fstatSync, linkSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { notRegularFileError, unguessableId } from './regular-file.js';
import { StoreError } from './store-error.js';

/** How long to wait for a lock and when to consider one abandoned. */
export interface LockTiming {
  /** Give up after this many milliseconds of waiting. */
  timeoutMs: number;
  /** A lock older than this is abandoned whatever its pid says (a write takes milliseconds). */
  staleMs: number;
}

/** The defaults: generous next to a write of a few milliseconds, short next to a person's patience. */
export const DEFAULT_LOCK_TIMING: LockTiming = { timeoutMs: 10_000, staleMs: 30_000 };

/**
 * An empty, garbage or unreadable lock file older than this is abandoned. This version never shows a lock
 * without its content (it links a complete file into place); the grace covers versions that created the file
 * first and wrote it a moment later.
 */
export const UNREADABLE_LOCK_GRACE_MS = 2_000;

/** The `.break` lock is held for the microseconds of a check and a rename: one older than this was left by a crash. */
const BREAK_LOCK_STALE_MS = 5_000;

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const READ_FLAGS = constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0);
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/** What a lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  /** When it was taken (ms since the epoch). */
  at: number;
  /** Random, per acquisition: tells this holder's lock from a later one. */
  id?: string;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for a few milliseconds: the store's API is synchronous. */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** A lock file as seen: its identity (inode, change time, text) and its owner when the text is readable. */
interface SeenLock {
  identity: string;
  owner?: LockOwner;
  mtimeMs: number;
}

/** The lock as it is now, or undefined when there is none. Throws StoreError for a link or non-regular file. */
function readLock(lockPath: string): SeenLock | undefined {
  let stats;
  try {
    stats = lstatSync(lockPath);
  } catch {
    return undefined; // released meanwhile
  }
  if (!stats.isFile()) throw notRegularFileError(lockPath, stats);
  let fd: number;
  try {
    fd = openSync(lockPath, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw notRegularFileError(lockPath, lstatSync(lockPath));
    // Unreadable (another user's, mode 000): judged by its age alone.
    return { identity: `${stats.ino}:${stats.ctimeMs}:?`, mtimeMs: stats.mtimeMs };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notRegularFileError(lockPath, opened);
    const text = readFileSync(fd, 'utf8');
    return { identity: `${opened.ino}:${opened.ctimeMs}:${text}`, mtimeMs: opened.mtimeMs, ...parseOwner(text) };
  } finally {
    closeSync(fd);
  }
}

function parseOwner(text: string): { owner?: LockOwner } {
  try {
    const owner = JSON.parse(text) as LockOwner;
    return owner !== null && typeof owner === 'object' && typeof owner.pid === 'number' && typeof owner.at === 'number' ? { owner } : {};
  } catch {
    return {}; // empty or garbage
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function isAbandoned(seen: SeenLock, now: number, timing: LockTiming): boolean {
  const { owner } = seen;
  if (!owner) return now - seen.mtimeMs > Math.min(UNREADABLE_LOCK_GRACE_MS, timing.staleMs);
  if (owner.host === hostname() && !isAlive(owner.pid)) return true;
  return now - owner.at > timing.staleMs;
}

/** This process's lock file content: unique to this acquisition (the id), so that release can tell it is ours. */
function ownerText(): string {
  const owner: LockOwner = { pid: process.pid, host: hostname(), at: Date.now(), id: unguessableId() };
  return JSON.stringify(owner);
}

/** Writes `text` to a new file beside the lock (exclusive, unguessable name) and returns its path. */
function writeCandidate(lockPath: string, text: string): string {
  const path = `${lockPath}.${unguessableId()}.tmp`;
  const fd = openSync(path, CREATE_FLAGS, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return path;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Creates the lock if nobody holds it; returns its text, or undefined when a lock is there. */
function tryCreate(lockPath: string): string | undefined {
  const text = ownerText();
  const candidate = writeCandidate(lockPath, text);
  try {
    linkSync(candidate, lockPath); // fails with EEXIST if anything, a link included, is there
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  } finally {
    removeQuietly(candidate);
  }
}

/**
 * Replaces the abandoned lock `judged` with ours, atomically; returns our text, or undefined when the lock is no
 * longer the one judged (another process took it over first) or another taker is at it right now.
 */
function takeOver(lockPath: string, judged: SeenLock): string | undefined {
  const breakPath = `${lockPath}.break`;
  try {
    closeSync(openSync(breakPath, CREATE_FLAGS, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stats = lstatSync(breakPath, { throwIfNoEntry: false });
    if (stats && Date.now() - stats.mtimeMs > BREAK_LOCK_STALE_MS) removeQuietly(breakPath);
    return undefined;
  }
  const text = ownerText();
  let candidate: string | undefined;
  try {
    if (readLock(lockPath)?.identity !== judged.identity) return undefined;
    candidate = writeCandidate(lockPath, text);
    renameSync(candidate, lockPath); // the name is never free: nobody can create a lock in between
    candidate = undefined;
    return text;
  } finally {
    if (candidate) removeQuietly(candidate);
    removeQuietly(breakPath);
  }
}

/** Removes the lock if it is still ours (a process that judged us abandoned may have replaced it). */
function release(lockPath: string, text: string): void {
  let current: string;
  try {
    const fd = openSync(lockPath, READ_FLAGS);
    try {
      current = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // gone or replaced by something we do not touch
  }
  if (current === text) removeQuietly(lockPath);
}

/** Runs `work` while holding the lock file; throws StoreError when the lock cannot be had in time. */
export function withLock<T>(lockPath: string, work: () => T, timing: LockTiming = DEFAULT_LOCK_TIMING): T {
  const started = Date.now();
  let held: string | undefined;
  for (let attempt = 0; !(held = tryCreate(lockPath)); attempt++) {
    const now = Date.now();
    const seen = readLock(lockPath);
    if (seen && isAbandoned(seen, now, timing) && (held = takeOver(lockPath, seen))) break;
    if (now - started > timing.timeoutMs) {
      throw new StoreError(
        `Another healthlake-wizard process has held ${lockPath} for over ${Math.round(timing.timeoutMs / 1000)}s.`,
        `Wait for it to finish; if no healthlake-wizard is running, delete ${lockPath}.`,
      );
    }
    // Short, growing, jittered waits: writers hold the lock for milliseconds.
    pause(Math.min(2 + attempt, 25) + Math.random() * 3);
  }
  try {
    return work();
  } finally {
    release(lockPath, held);
  }
}
