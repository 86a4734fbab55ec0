/**
 * Two real processes write the same store at once (presets, history and journal, hundreds of times each); the
 * lock and the re-read inside it must lose nothing. Also the lock file's stale detection and bounded wait.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { UNREADABLE_LOCK_GRACE_MS, withLock } from '../../src/store/lock-file.js';
import { StoreError } from '../../src/store/store-error.js';
import { bundleFixture } from './bundle-fixture.js';
import { listDir, tempDir, VALID_ANSWERS } from './store-fixtures.js';

let writer: string;
let contender: string;
let lockOnce: string;
beforeAll(async () => {
  [writer, contender, lockOnce] = await Promise.all([bundleFixture('store-writer'), bundleFixture('lock-contender'), bundleFixture('lock-once')]);
});
afterAll(() => {
  for (const fixture of [writer, contender, lockOnce]) rmSync(dirname(fixture), { recursive: true, force: true });
});

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

function runWriter(prefix: string, count: number): Promise<{ startedAt: number; endedAt: number }> {
  return runFixture(writer, [temp.dir, prefix, String(count)]).then((stdout) => JSON.parse(stdout));
}

/** Runs a bundled fixture to its end; resolves with its stdout, rejects on a non-zero exit. */
function runFixture(fixture: string, args: string[], command: string[] = [process.execPath]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${fixture} exited ${code}: ${stderr}`));
    });
  });
}

describe('two writers at once', () => {
  it('lose no preset, history entry or journal change', async () => {
    const count = 250;
    const [a, b] = await Promise.all([runWriter('a', count), runWriter('b', count)]);
    // The two really ran at the same time.
    expect(a.startedAt < b.endedAt && b.startedAt < a.endedAt).toBe(true);

    const store = openStore({ configDir: temp.dir });
    expect(store.notices()).toEqual([]);
    const expected = (parity?: number) =>
      ['a', 'b'].flatMap((prefix) => Array.from({ length: count }, (_, i) => i).filter((i) => parity === undefined || i % 2 === parity).map((i) => `${prefix}-${i}`)).sort();
    expect(store.presets.list().map((preset) => preset.name).sort()).toEqual(expected());
    expect(store.history.list()).toHaveLength(2 * count);
    expect(new Set(store.history.list().map((entry) => entry.datastoreId)).size).toBe(2 * count);
    expect(store.journal.pending().map((pending) => pending.clientToken).sort()).toEqual(expected(1));
    // No lock or temporary file is left behind.
    expect(listDir(temp.dir)).toEqual(['history.json', 'journal.json', 'presets.json']);
  }, 90_000);
});

describe('the lock file', () => {
  const fast = { timeoutMs: 300, staleMs: 60_000 };

  it('is taken over when its owner process is gone', () => {
    const lock = join(temp.dir, 'x.lock');
    // A pid that cannot be running: above the kernel's pid limit.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 30, host: hostname(), at: Date.now() }));
    expect(withLock(lock, () => 'done', fast)).toBe('done');
    expect(listDir(temp.dir)).toEqual([]);
  });

  it('is taken over when older than the stale age, whatever its pid', () => {
    const lock = join(temp.dir, 'x.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: 'elsewhere', at: Date.now() - 120_000 }));
    expect(withLock(lock, () => 'done', fast)).toBe('done');
  });

  it('makes a live holder wait, then fails clearly after the bounded wait', () => {
    const lock = join(temp.dir, 'x.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
    const started = Date.now();
    let ran = false;
    let failure: unknown;
    try {
      withLock(lock, () => (ran = true), fast);
    } catch (error) {
      failure = error;
    }
    expect(ran).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).fix).toContain(`delete ${lock}`);
    expect((failure as StoreError).exitCode).toBe(253);
  });

  it.each([
    ['empty', ''],
    ['garbage', '\u0000{"pid": not json'],
    ['JSON without an owner', '[1,2]'],
  ])('is taken over when %s and older than the grace (a crash between create and write, by an older version)', (_label, content) => {
    const lock = join(temp.dir, 'x.lock');
    writeFileSync(lock, content);
    const old = new Date(Date.now() - UNREADABLE_LOCK_GRACE_MS - 60_000);
    utimesSync(lock, old, old);
    expect(withLock(lock, () => 'done', fast)).toBe('done');
    expect(listDir(temp.dir)).toEqual([]);
  });

  it('makes a save wait for an empty lock only while it may be being written, not the whole timeout', () => {
    const store = openStore({ configDir: temp.dir, lockTiming: { timeoutMs: 300, staleMs: 60_000 } });
    writeFileSync(join(temp.dir, 'presets.json.lock'), '');
    // Fresh (younger than the grace): waited for, so the short timeout runs out.
    expect(() => store.presets.save('dev', VALID_ANSWERS)).toThrow(StoreError);
    const old = new Date(Date.now() - UNREADABLE_LOCK_GRACE_MS - 60_000);
    utimesSync(join(temp.dir, 'presets.json.lock'), old, old);
    store.presets.save('dev', VALID_ANSWERS);
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['dev']);
  });

  it.each([
    ['a symbolic link', (lock: string) => symlinkSync(join(temp.dir, 'elsewhere'), lock), 'is a symbolic link'],
    ['a FIFO', (lock: string) => execFileSync('mkfifo', [lock]), 'is a FIFO (named pipe), not a regular file'],
    ['a directory', (lock: string) => mkdirSync(lock), 'is a directory, not a regular file'],
  ])('is refused at once, never followed or read, when it is %s', (_label, make, message) => {
    const lock = join(temp.dir, 'x.lock');
    make(lock);
    let ran = false;
    expect(() => withLock(lock, () => (ran = true), { timeoutMs: 60_000, staleMs: 60_000 })).toThrow(message);
    expect(ran).toBe(false);
    expect(existsSync(join(temp.dir, 'elsewhere'))).toBe(false);
  });

  it('is taken over by exactly one of four processes each time a holder leaves one abandoned (dead pid, empty, garbage)', async () => {
    const lock = join(temp.dir, 'x.lock');
    writeFileSync(join(temp.dir, 'counter'), '0');
    const rounds = 150;
    const results = (await Promise.all([1, 2, 3, 4].map((seed) => runFixture(contender, [lock, temp.dir, String(rounds), String(seed)])))).map(
      (stdout) => JSON.parse(stdout) as { overlaps: number; planted: number },
    );
    expect(results.map((result) => result.overlaps)).toEqual([0, 0, 0, 0]);
    expect(Number(readFileSync(join(temp.dir, 'counter'), 'utf8'))).toBe(4 * rounds);
    // Abandoned locks were really left, and every one was taken over (else a process would have timed out).
    expect(results.reduce((sum, result) => sum + result.planted, 0)).toBeGreaterThan(20);
  }, 90_000);

  it('is taken over by an unprivileged process when it cannot even read it (mode 000, another user\'s)', async () => {
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv')) return; // needs root to run as nobody
    chmodSync(temp.dir, 0o777); // nobody may create and rename entries here, as in a shared directory
    chmodSync(dirname(lockOnce), 0o755);
    const lock = join(temp.dir, 'x.lock');
    writeFileSync(lock, JSON.stringify({ pid: 1, host: hostname(), at: Date.now() }), { mode: 0o000 });
    const old = new Date(Date.now() - UNREADABLE_LOCK_GRACE_MS - 60_000);
    utimesSync(lock, old, old);
    const asNobody = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath];
    expect(await runFixture(lockOnce, [lock], asNobody)).toBe('held');
    expect(listDir(temp.dir)).toEqual([]);
  });

  it('is released when the work throws', () => {
    const lock = join(temp.dir, 'x.lock');
    expect(() => withLock(lock, () => { throw new Error('boom'); })).toThrow('boom');
    expect(listDir(temp.dir)).toEqual([]);
  });
});
