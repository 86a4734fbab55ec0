/** Idempotent submission with the real file-backed store: the token is on disk before the request leaves. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/aws/gateway.js';
import { FriendlyFailure } from '../../src/aws/errors.js';
import { openStore } from '../../src/store/index.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';
import { waitFor } from '../emulator/emulator-fixture.js';

let emulator: RunningEmulator;
let dir: string;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, createDelayMs: 100 });
  dir = mkdtempSync(join(tmpdir(), 'hlw-journal-'));
});
afterEach(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function journalOnDisk(): { clientToken: string }[] {
  const path = join(dir, 'journal.json');
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  // The file's shape is the store's; find the pending submissions wherever it keeps them.
  const found: { clientToken: string }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      if (typeof (value as { clientToken?: unknown }).clientToken === 'string') found.push(value as { clientToken: string });
      else Object.values(value).forEach(visit);
    }
  };
  visit(raw);
  return found;
}

describe('journal with the real store', () => {
  it('records the token before sending; after a lost response the retry reuses it: one data store', async () => {
    const store = openStore({ configDir: dir });
    const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {}, store, maxAttempts: 1 });
    // Hold the request in the emulator long enough to look at the file while it is in flight.
    emulator.faults.set({ latencyMs: 400, loseCreateResponse: 1 });
    const sending = gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'journaled', ClientToken: 'token-on-disk-1' });
    const outcome = sending.then(() => undefined, (error: unknown) => error);
    await waitFor(() => (emulator.requests.CreateFHIRDatastore ?? 0) >= 1, 'the create request to reach the emulator');
    expect(journalOnDisk().map((entry) => entry.clientToken)).toEqual(['token-on-disk-1']);
    expect(emulator.datastores()).toHaveLength(0); // still in flight: the journal was written first

    const failure = await outcome;
    expect(failure).toBeInstanceOf(FriendlyFailure);
    expect(emulator.datastores()).toHaveLength(1); // created, but the answer was lost

    // "The next start": a new store object reads the pending submission from disk and resumes it.
    emulator.faults.clear();
    const later = openStore({ configDir: dir });
    const [pending] = later.journal.pending();
    expect(pending).toMatchObject({ clientToken: 'token-on-disk-1', request: { DatastoreName: 'journaled' }, target: { region: 'us-east-1', endpoint: emulator.url, sandbox: false } });
    const resumed = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {}, store: later });
    const result = await resumed.resume(pending!);
    expect(emulator.datastores().map((d) => d.id)).toEqual([result.DatastoreId]);
    expect(journalOnDisk()).toEqual([]);
    expect(later.history.list()).toEqual([expect.objectContaining({ datastoreId: result.DatastoreId, datastoreName: 'journaled', sandbox: false })]);
  });
});

describe('history through the commands', () => {
  it('create --sandbox records a sandbox entry; status without an id follows it to ACTIVE in the sandbox', async () => {
    const home = emptyHome();
    try {
      const env = { ...home.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300' };
      const created = await runBinary(['create', '--no-interactive', '--sandbox', '--datastore-type-version', 'R4', '--datastore-name', 'hist', '--query', 'DatastoreId', '--output', 'text'], env);
      expect(created.code).toBe(0);
      const id = created.stdout.trim();
      const [entry] = openStore({ configDir: home.env.HEALTHLAKE_WIZARD_CONFIG_DIR }).history.list();
      expect(entry).toMatchObject({ datastoreId: id, datastoreName: 'hist', sandbox: true, region: 'us-east-1', lastStatus: 'CREATING' });
      expect(existsSync(join(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, 'sandbox-state.json'))).toBe(true);
      const status = await runBinary(['status', '--no-interactive', '--wait', '--query', 'DatastoreProperties.[DatastoreId,DatastoreStatus]', '--output', 'text'], env);
      expect(status.code).toBe(0);
      expect(status.stdout).toBe(`${id}\tACTIVE\n`);
      expect(openStore({ configDir: home.env.HEALTHLAKE_WIZARD_CONFIG_DIR }).history.list()[0]).toMatchObject({ lastStatus: 'ACTIVE' });
      expect(openStore({ configDir: home.env.HEALTHLAKE_WIZARD_CONFIG_DIR }).journal.pending()).toEqual([]);
    } finally {
      home.remove();
    }
  });
});
