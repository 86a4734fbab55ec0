/**
 * The fault matrix: for each mix of the emulator's faults, the same non-interactive create is run again and again
 * (as a person or a CI job would, following the printed advice) until it succeeds. Whatever the mix, the emulator
 * ends with exactly one data store per intended one, and the journal ends empty. The command's own submission
 * function, the real store in a temporary directory, the real SDK over HTTP to 127.0.0.1; few SDK attempts per run
 * so that runs do fail and the re-runs are what is tested.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitCreate } from '../../src/commands/create-submit.js';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { FaultOptions } from '../../src/emulator/types.js';
import type { CreateOptions } from '../../src/options.js';
import type { CreateRequest } from '../../src/request/types.js';
import { openStore } from '../../src/store/index.js';

interface FaultMix {
  name: string;
  faults: FaultOptions;
  /** Socket read time-out in seconds (a time-out after the data store was made). */
  readTimeout?: number;
  /** The faults stop after this many runs (a mix that never lets a request through). */
  healAfterRuns?: number;
  /** The mix surely fails the first run: re-runs after an unknown outcome are what it tests. */
  rerunsCertain?: boolean;
}

const MIXES: FaultMix[] = [
  { name: 'no faults', faults: {} },
  { name: 'throttling', faults: { throttleRate: 0.6, seed: 1 } },
  { name: '5xx', faults: { errorRate: 0.6, seed: 2 } },
  { name: 'connection resets', faults: { resetRate: 0.6, seed: 3 } },
  { name: 'every response lost for several runs', faults: { loseCreateResponse: 5 }, rerunsCertain: true },
  { name: 'time-outs after the data store was made', faults: { latencyMs: 300 }, readTimeout: 0.1, healAfterRuns: 2, rerunsCertain: true },
  { name: 'everything at once', faults: { throttleRate: 0.25, errorRate: 0.25, resetRate: 0.25, loseCreateResponse: 3, seed: 4 } },
];

/** Two different data stores are intended: a re-run must never merge them, nor double either. */
const INTENDED: CreateRequest[] = [
  { DatastoreTypeVersion: 'R4', DatastoreName: 'matrix-a', Tags: [{ Key: 'team', Value: 'data' }] },
  { DatastoreTypeVersion: 'R4', DatastoreName: 'matrix-b' },
];

const MAX_RUNS = 25;
const ENV_KEYS = ['HEALTHLAKE_WIZARD_CONFIG_DIR', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
let dir: string;
let emulator: RunningEmulator;

beforeAll(() => {
  for (const key of ENV_KEYS) if (process.env[key] !== undefined) savedEnv[key] = process.env[key];
});
afterAll(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hlw-matrix-'));
  Object.assign(process.env, {
    HEALTHLAKE_WIZARD_CONFIG_DIR: join(dir, 'config'),
    AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  });
  delete process.env.AWS_PROFILE;
  emulator = await startEmulator({ port: 0, createDelayMs: 50 });
});
afterEach(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the same create until it exits 0; returns the id it printed and how many runs it took. */
async function createUntilSuccess(request: CreateRequest, mix: FaultMix, runsSoFar: { count: number }): Promise<{ id: string; runs: number }> {
  const options: CreateOptions = {
    noInteractive: true,
    endpointUrl: emulator.url,
    region: emulator.region,
    output: 'text',
    query: 'DatastoreId',
    ...(mix.readTimeout ? { cliReadTimeout: mix.readTimeout } : {}),
  };
  let stderr = '';
  const errors = new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) });
  for (let run = 1; run <= MAX_RUNS; run++) {
    runsSoFar.count += 1;
    if (mix.healAfterRuns !== undefined && runsSoFar.count > mix.healAfterRuns) emulator.faults.clear();
    let printed = '';
    const code = await submitCreate({ ...request }, options, { maxAttempts: 2, stdout: (text) => (printed += text), stderr: errors });
    if (code === 0) return { id: printed.trim(), runs: run };
    // Only outcomes a re-run can fix: never a usage, configuration or validation error.
    expect(stderr, `run ${run} of ${request.DatastoreName}`).toMatch(/throttling|internal error|interrupted|No answer/);
    expect(code === 254 || code === 255, stderr).toBe(true);
  }
  throw new Error(`${request.DatastoreName} did not succeed in ${MAX_RUNS} runs under "${mix.name}":\n${stderr}`);
}

describe('fault matrix: re-running the same create until it succeeds', () => {
  it.each(MIXES)('$name: exactly one data store per intended one', async (mix) => {
    emulator.faults.set(mix.faults);
    const runs = { count: 0 };
    const printed: string[] = [];
    for (const request of INTENDED) printed.push((await createUntilSuccess(request, mix, runs)).id);
    if (mix.rerunsCertain) expect(runs.count).toBeGreaterThan(INTENDED.length);

    const made = emulator.datastores();
    expect(made.map((datastore) => datastore.name).sort()).toEqual(INTENDED.map((request) => request.DatastoreName).sort());
    expect(made.map((datastore) => datastore.id).sort()).toEqual([...printed].sort());
    const store = openStore();
    expect(store.journal.pending()).toEqual([]);
    expect(store.history.list().map((entry) => entry.datastoreId).sort()).toEqual([...printed].sort());
  });
});
