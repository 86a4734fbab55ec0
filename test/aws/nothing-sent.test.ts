/**
 * A submission that fails before anything was sent (no credentials, no Region, a profile error) records no
 * pending submission: there is nothing to resume, and the person fixes the target and creates again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FriendlyFailure } from '../../src/aws/errors.js';
import { createGateway } from '../../src/aws/gateway.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { GlobalOptions } from '../../src/options.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';
import { memoryStore } from './memory-store.js';

let emulator: RunningEmulator;
let home: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.stop());
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hlw-nothing-sent-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Runs a create with only `env` as AWS settings (the credential chain reads process.env). */
async function failedCreate(options: GlobalOptions, config: string) {
  const configPath = join(home, 'config');
  writeFileSync(configPath, config);
  const env: NodeJS.ProcessEnv = { HOME: home, AWS_CONFIG_FILE: configPath, AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_EC2_METADATA_DISABLED: 'true' };
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, env);
  const store = memoryStore();
  try {
    const error = await createGateway({ endpointUrl: emulator.url, ...options }, { env, store, journal: 'required' })
      .create({ DatastoreTypeVersion: 'R4' })
      .then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FriendlyFailure);
    return { friendly: (error as FriendlyFailure).friendly, store };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('nothing sent, nothing pending', () => {
  it('no credentials', async () => {
    const before = emulator.requests.CreateFHIRDatastore ?? 0;
    const { friendly, store } = await failedCreate({ region: 'us-east-1' }, '[default]\nregion = us-east-1\n');
    expect(friendly).toMatchObject({ code: 'NoCredentials', exitCode: 253 });
    expect(store.journal.pending()).toEqual([]);
    expect(emulator.requests.CreateFHIRDatastore ?? 0).toBe(before);
  });

  it('no Region', async () => {
    const { friendly, store } = await failedCreate({}, '[default]\noutput = json\n');
    expect(friendly).toMatchObject({ code: 'NoRegion', exitCode: 253 });
    expect(store.journal.pending()).toEqual([]);
  });

  it('a profile that does not exist', async () => {
    const { friendly, store } = await failedCreate({ profile: 'nope', region: 'us-east-1' }, '[default]\nregion = us-east-1\n[profile prod]\nregion = us-east-1\n');
    expect(friendly).toMatchObject({ code: 'ProfileNotFound', exitCode: 253 });
    expect(friendly.fix).toContain('default, prod');
    expect(store.journal.pending()).toEqual([]);
  });

  it('the built binary: exit 253, and a second run finds nothing pending to resend', async () => {
    const binaryHome = emptyHome();
    try {
      const env = { ...binaryHome.env, AWS_CONFIG_FILE: join(home, 'absent'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'absent') };
      const args = ['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', emulator.url, '--region', 'us-east-1'];
      const first = await runBinary(args, env);
      expect(first.code).toBe(253);
      expect(first.stderr).toContain('No AWS credentials found');
      // Had the first run journaled its submission, this run would announce it is "sending it again".
      const second = await runBinary(args, env);
      expect(second.code).toBe(253);
      expect(second.stderr).not.toMatch(/sent at .* never arrived|sending it again/);
    } finally {
      binaryHome.remove();
    }
  });
});
