/**
 * `create --no-interactive` never makes a second data store: a created one is reported as created even when the
 * history cannot be written, a re-run after an unknown outcome resends the journaled ClientToken, and nothing is
 * sent when the journal cannot be kept (unless --no-journal). The built binary against the emulator on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { openStore } from '../../src/store/index.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';

let home: ReturnType<typeof emptyHome>;
let configDir: string;
beforeEach(() => {
  home = emptyHome();
  configDir = home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!;
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
});
afterEach(() => home.remove());

const SANDBOX_CREATE = ['create', '--no-interactive', '--sandbox', '--datastore-type-version', 'R4', '--datastore-name', 'once', '--query', 'DatastoreId', '--output', 'text'];

function sandboxDatastoreIds(): string[] {
  const state = JSON.parse(readFileSync(join(configDir, 'sandbox-state.json'), 'utf8')) as { datastores: { id: string }[] };
  return state.datastores.map((datastore) => datastore.id);
}

describe('a created data store is always reported as created', () => {
  it('history.json from a newer version: exit 0 with the id and a warning; the re-run returns the same data store', async () => {
    writeFileSync(join(configDir, 'history.json'), JSON.stringify({ schemaVersion: 99, entries: [] }), { mode: 0o600 });
    const env = { ...home.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '100' };

    const first = await runBinary(SANDBOX_CREATE, env);
    expect(first.code).toBe(0);
    const id = first.stdout.trim();
    expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(first.stderr).toContain(`warning: The data store ${id} was created, but the history could not be updated`);
    // The outcome is in no file but the journal's entry: it is kept.
    const [pending] = openStore({ configDir }).journal.pending();
    expect(pending?.request).toMatchObject({ DatastoreName: 'once' });

    const second = await runBinary(SANDBOX_CREATE, env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`sending it again with the same ClientToken (${pending!.clientToken})`);
    expect(second.stdout.trim()).toBe(id);
    expect(sandboxDatastoreIds()).toEqual([id]);
  });
});

describe('re-running after an unknown outcome', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, createDelayMs: 100 });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  function awsEnv(): NodeJS.ProcessEnv {
    return { ...home.env, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey };
  }
  const create = (extra: string[] = []) => [
    'create', '--no-interactive', '--endpoint-url', emulator.url, '--region', emulator.region,
    '--datastore-type-version', 'R4', '--datastore-name', 'rerun', '--tags', 'Key=team,Value=data', ...extra,
  ];

  it('every response lost: the printed advice (run it again) resends the same ClientToken; one data store', async () => {
    // More lost responses than the SDK's attempts in one run: the first run ends not knowing the outcome.
    emulator.faults.set({ loseCreateResponse: 50 });
    const first = await runBinary(create(), awsEnv());
    expect(first.code).toBe(255);
    expect(first.stderr).toContain('running the same command again resends it with the same ClientToken');
    expect(emulator.datastores()).toHaveLength(1);
    const token = emulator.datastores()[0]!.clientToken;

    emulator.faults.clear();
    // The same request, its flags in another order: the same request to the same target.
    const second = await runBinary([...create().slice(0, 6), '--tags', 'Key=team,Value=data', '--datastore-name', 'rerun', '--datastore-type-version', 'R4', '--query', 'DatastoreId', '--output', 'text'], awsEnv());
    expect(second.stderr).toContain(`sending it again with the same ClientToken (${token})`);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(emulator.datastores()[0]!.id);
    expect(emulator.datastores()).toHaveLength(1);
    expect(openStore({ configDir }).journal.pending()).toEqual([]);
    expect(openStore({ configDir }).history.list().map((entry) => entry.datastoreId)).toEqual([emulator.datastores()[0]!.id]);
  });

  it('another request is not a resend: a pending entry of a different name is left alone and a new token is used', async () => {
    emulator.faults.set({ loseCreateResponse: 50 });
    expect((await runBinary(create(), awsEnv())).code).toBe(255);
    emulator.faults.clear();
    const other = await runBinary([...create(), '--datastore-name', 'other'], awsEnv());
    expect(other.code).toBe(0);
    expect(other.stderr).not.toContain('same ClientToken (');
    expect(emulator.datastores().map((datastore) => datastore.name).sort()).toEqual(['other', 'rerun']);
    expect(openStore({ configDir }).journal.pending().map((entry) => entry.request.DatastoreName)).toEqual(['rerun']);
  });
});

describe('no journal, no sending', () => {
  const create = ['create', '--no-interactive', '--sandbox', '--datastore-type-version', 'R4'];

  it.each([
    ['journal.json is a directory', () => mkdirSync(join(configDir, 'journal.json'))],
    ['journal.json is a symlink loop', () => symlinkSync('journal.json', join(configDir, 'journal.json'))],
  ])('%s: exit 253, why and how to fix, nothing sent; --no-journal sends', async (_case, breakStore) => {
    breakStore();
    const env = { ...home.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '100' };
    const refused = await runBinary(create, env);
    expect(refused.code).toBe(253);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/nothing was sent: the local store cannot be opened.*\n.*(\bE(ISDIR|LOOP)\b|is a directory, not a regular file|is a symbolic link)/);
    expect(refused.stderr).toContain('pass --no-journal to send without a journal');
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const opted = await runBinary([...create, '--no-journal', '--query', 'DatastoreId', '--output', 'text'], env);
    expect(opted.code).toBe(0);
    expect(sandboxDatastoreIds()).toEqual([opted.stdout.trim()]);
  });

  // As root, with a Node that nobody may run (one fetched into root's cache folder by test:node is not).
  const nobodyRunsNode = process.getuid?.() === 0 && spawnSync(process.execPath, ['-e', '0'], { uid: 65534, stdio: 'ignore' }).status === 0;
  it.runIf(nobodyRunsNode)('a config directory the user may not read (EACCES, run as nobody): exit 253, nothing sent', async () => {
    // The throwaway home is root's (0700): to nobody, every file in it is EACCES.
    const refused = await runBinary(create, { ...home.env, HEALTHLAKE_WIZARD_CACHE_DIR: join(home.home, 'cache') }, { uid: 65534 });
    expect(refused.code).toBe(253);
    expect(refused.stderr).toMatch(/nothing was sent: the local store cannot be opened.*\n.*\bEACCES\b/);
    expect(refused.stdout).toBe('');
  });
});
