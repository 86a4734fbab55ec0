/**
 * An exclusive lock between processes: a lock file created with `open(path, 'wx')` (atomic: exactly one process
 * creates it), holding the owner's pid, host and start time. A lock whose owner is gone (dead pid on this host)
 * or that is older than `staleMs` is broken; waiting is bounded, so a stuck lock becomes a clear error.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
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

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for a few milliseconds: the store's API is synchronous. */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function readOwner(lockPath: string): { text: string; owner?: LockOwner } | undefined {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return undefined; // released meanwhile
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.at === 'number' ? { text, owner } : { text };
  } catch {
    return { text }; // being written right now, or garbage: judged by age alone
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

function isAbandoned(seen: { owner?: LockOwner }, firstSeenAt: number, now: number, timing: LockTiming): boolean {
  const { owner } = seen;
  if (!owner) return now - firstSeenAt > timing.staleMs;
  if (owner.host === hostname() && !isAlive(owner.pid)) return true;
  return now - owner.at > timing.staleMs;
}

/**
 * Removes an abandoned lock. Renaming first makes the removal atomic; if what was moved is not the lock judged
 * abandoned (another process broke it and took a fresh one in between), it is put back with `link`, which
 * never replaces an existing file.
 */
function breakLock(lockPath: string, judged: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the one judged
  }
  if (moved !== judged) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third process holds the lock now; the one we moved was live but its owner will find it gone
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Runs `work` while holding the lock file; throws StoreError when the lock cannot be had in time. */
export function withLock<T>(lockPath: string, work: () => T, timing: LockTiming = DEFAULT_LOCK_TIMING): T {
  const started = Date.now();
  let firstSeen: { text: string; at: number } | undefined;
  for (let attempt = 0; !tryCreate(lockPath); attempt++) {
    const now = Date.now();
    const seen = readOwner(lockPath);
    if (seen) {
      if (firstSeen?.text !== seen.text) firstSeen = { text: seen.text, at: now };
      if (isAbandoned(seen, firstSeen.at, now, timing)) {
        breakLock(lockPath, seen.text);
        continue;
      }
    }
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
    try {
      unlinkSync(lockPath);
    } catch {
      // broken by another process as stale: nothing to release
    }
  }
}
