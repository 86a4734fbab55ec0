/**
 * The `emulator` command: flag parsing, and the built binary as a child process (port from stdout, real SDK
 * and, when installed, the real AWS CLI against it, then SIGTERM -> exit 0). Needs `npm run build` first.
 */
import { CreateFHIRDatastoreCommand, DescribeFHIRDatastoreCommand, HealthLakeClient } from '@aws-sdk/client-healthlake';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorUsageError, parseEmulatorArgs } from '../../src/emulator/command-line.js';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION } from '../../src/emulator/index.js';
import { BIN } from '../support/pty-terminal.js';
import { testCodeCacheDir } from '../support/code-cache-dir.js';
import { requireBuild } from '../cli/built-binary.js';
import { waitFor } from './emulator-fixture.js';
import { startEmulatorProcess } from './emulator-process.js';

/** This process's environment, with any code cache the program writes kept out of the user's cache folder. */
const childEnv = () => ({ ...process.env, HEALTHLAKE_WIZARD_CACHE_DIR: testCodeCacheDir() });

const AWS_CLI = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const HAS_AWS_CLI = AWS_CLI.status === 0;

describe('parseEmulatorArgs', () => {
  it('maps flags to options', () => {
    expect(
      parseEmulatorArgs([
        '--port', '0', '--region', 'eu-west-2', '--account-id=111122223333', '--create-delay-ms', '10', '--delete-delay-ms', '20',
        '--state', 'state.json', '--throttle-rate', '0.5', '--error-rate', '0.1', '--reset-rate', '0', '--latency-ms', '5',
        '--lose-create-response', '2', '--seed', '42', '--access-key-id', 'AKIDX', '--secret-access-key', 'S', '--no-verify-signatures',
      ]),
    ).toEqual({
      help: false,
      options: {
        port: 0,
        region: 'eu-west-2',
        accountId: '111122223333',
        createDelayMs: 10,
        deleteDelayMs: 20,
        statePath: 'state.json',
        faults: { throttleRate: 0.5, errorRate: 0.1, resetRate: 0, latencyMs: 5, loseCreateResponse: 2, seed: 42 },
        credentials: [{ accessKeyId: 'AKIDX', secretAccessKey: 'S' }],
        verifySignatures: false,
      },
    });
    expect(parseEmulatorArgs(['--help'])).toEqual({ help: true });
    expect(parseEmulatorArgs([])).toEqual({ help: false, options: { verifySignatures: true } });
  });

  it.each([
    [['--throttle-rate', '1.5'], '--throttle-rate', 'from 0 to 1'],
    [['--port', '70000'], '--port', 'from 0 to 65535'],
    [['--host', '0.0.0.0'], '--host', '127.0.0.1'],
    [['--account-id', '12'], '--account-id', '12 digits'],
    [['--create-delay-ms'], '--create-delay-ms', 'needs a value'],
    [['--access-key-id', 'AKID'], '--secret-access-key', 'other half'],
    [['--colour'], '--colour', 'not an option'],
  ])('rejects %j naming the flag and the fix', (argv, flag, text) => {
    let caught: unknown;
    try {
      parseEmulatorArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EmulatorUsageError);
    expect((caught as EmulatorUsageError).flag).toBe(flag);
    expect((caught as Error).message).toContain(text);
    expect((caught as Error).message).toContain('Fix:');
  });
});

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('healthlake-wizard emulator (built binary)', () => {
  it('prints the URL and how to use it, serves the SDK, and exits 0 on SIGTERM', async () => {
    const { child, url, stdout, exit } = await startEmulatorProcess(['--port', '0', '--create-delay-ms', '50']);
    const lines = stdout().split('\n');
    expect(lines[1]).toContain(`AWS_ACCESS_KEY_ID=${SANDBOX_CREDENTIALS.accessKeyId}`);
    expect(lines[1]).toContain(`--endpoint-url ${url}`);

    const client = new HealthLakeClient({ endpoint: url, region: SANDBOX_REGION, credentials: { ...SANDBOX_CREDENTIALS } });
    try {
      const { DatastoreId } = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
      await waitFor(async () => {
        const { DatastoreProperties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId }));
        return DatastoreProperties?.DatastoreStatus === 'ACTIVE';
      }, 'ACTIVE');
    } finally {
      client.destroy();
    }
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
  });

  it('never prints a secret given on the command line', async () => {
    const { child, stdout, exit } = await startEmulatorProcess(['--access-key-id', 'AKIDCUSTOM', '--secret-access-key', 'do-not-print-me']);
    expect(stdout()).not.toContain('do-not-print-me');
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('exits 252 with a message naming the flag for a bad value', () => {
    requireBuild();
    const result = spawnSync(process.execPath, [BIN, 'emulator', '--error-rate', 'lots'], { env: childEnv(), encoding: 'utf8', timeout: 10_000 });
    expect(result.status).toBe(252);
    expect(result.stderr).toContain('--error-rate');
    expect(result.stderr).toContain('Fix:');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 253 naming the entry and the field for a bad --fixtures file', () => {
    requireBuild();
    const dir = mkdtempSync(join(tmpdir(), 'hlw-fixtures-'));
    folders.push(dir);
    writeFileSync(join(dir, 'fixtures.json'), JSON.stringify({ lambdaFunctions: [{ name: 'has space' }] }));
    const result = spawnSync(process.execPath, [BIN, 'emulator', '--fixtures', join(dir, 'fixtures.json')], { env: childEnv(), encoding: 'utf8', timeout: 10_000 });
    expect(result.status).toBe(253);
    expect(result.stderr).toContain('lambdaFunctions[0]: name must be a function name');
    expect(result.stderr).toContain('Fix:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!HAS_AWS_CLI)('serves the AWS CLI KMS and Lambda calls over the default fixtures (skipped when `aws` is not installed)', async () => {
    const { child, url, exit } = await startEmulatorProcess(['--port', '0']);
    const home = mkdtempSync(join(tmpdir(), 'hlw-aws-cli-'));
    folders.push(home);
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: SANDBOX_REGION,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const aws = (...args: string[]) => spawnSync('aws', [...args, '--endpoint-url', url, '--output', 'json'], { env, encoding: 'utf8', timeout: 20_000 });
    const key = aws('kms', 'describe-key', '--key-id', 'alias/sandbox-disabled');
    expect(key.stderr).toBe('');
    expect(JSON.parse(key.stdout)).toMatchObject({ KeyMetadata: { KeyState: 'Disabled', KeySpec: 'SYMMETRIC_DEFAULT' } });
    const policy = aws('lambda', 'get-policy', '--function-name', 'sandbox-token-decoder');
    expect(policy.stderr).toBe('');
    expect(JSON.parse((JSON.parse(policy.stdout) as { Policy: string }).Policy)).toMatchObject({ Statement: [{ Principal: { Service: 'healthlake.amazonaws.com' } }] });
    const missing = aws('lambda', 'get-policy', '--function-name', 'sandbox-token-decoder-no-permission');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);

  it.skipIf(!HAS_AWS_CLI)('serves the AWS CLI: create-fhir-datastore then describe-fhir-datastore (skipped when `aws` is not installed)', async () => {
    const { child, url, exit } = await startEmulatorProcess(['--port', '0', '--create-delay-ms', '0']);
    const home = mkdtempSync(join(tmpdir(), 'hlw-aws-cli-'));
    folders.push(home);
    // Only the sandbox pair and region; the CLI must not read the machine's AWS config or ask the instance metadata.
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: SANDBOX_REGION,
      AWS_REGION: SANDBOX_REGION,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    delete (env as Record<string, string | undefined>).AWS_SESSION_TOKEN;
    delete (env as Record<string, string | undefined>).AWS_PROFILE;
    const aws = (...args: string[]) => spawnSync('aws', ['healthlake', ...args, '--endpoint-url', url, '--output', 'json'], { env, encoding: 'utf8', timeout: 20_000 });

    const created = aws('create-fhir-datastore', '--datastore-type-version', 'R4', '--datastore-name', 'from-aws-cli', '--tags', 'Key=made-by,Value=aws-cli');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const { DatastoreId } = JSON.parse(created.stdout) as { DatastoreId: string };
    expect(DatastoreId).toMatch(/^[0-9a-f]{32}$/);

    const described = aws('describe-fhir-datastore', '--datastore-id', DatastoreId);
    expect(described.status).toBe(0);
    expect(JSON.parse(described.stdout)).toMatchObject({ DatastoreProperties: { DatastoreId, DatastoreName: 'from-aws-cli', DatastoreStatus: 'ACTIVE' } });

    const invalid = aws('create-fhir-datastore', '--datastore-type-version', 'R4', '--datastore-name', 'bad#name');
    // AWS CLI v2 exits 254 for a service error; v1 exits 255.
    expect(invalid.status).toBe(/^aws-cli\/1\./.test(AWS_CLI.stdout + AWS_CLI.stderr) ? 255 : 254);
    expect(invalid.stderr).toContain('ValidationException');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
