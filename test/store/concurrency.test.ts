/**
 * Two real processes write the same store at once (presets, history and journal, hundreds of times each); the
 * lock and the re-read inside it must lose nothing. Also the lock file's stale detection and bounded wait.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { withLock } from '../../src/store/lock-file.js';
import { StoreError } from '../../src/store/store-error.js';
import { bundleFixture } from './bundle-fixture.js';
import { listDir, tempDir } from './store-fixtures.js';

let writer: string;
beforeAll(async () => {
  writer = await bundleFixture('store-writer');
});
afterAll(() => rmSync(dirname(writer), { recursive: true, force: true }));

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

function runWriter(prefix: string, count: number): Promise<{ startedAt: number; endedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, temp.dir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout));
      else reject(new Error(`writer ${prefix} exited ${code}: ${stderr}`));
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

  it('is released when the work throws', () => {
    const lock = join(temp.dir, 'x.lock');
    expect(() => withLock(lock, () => { throw new Error('boom'); })).toThrow('boom');
    expect(listDir(temp.dir)).toEqual([]);
  });
});
