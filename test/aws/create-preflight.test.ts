/**
 * `create --no-interactive` with the pre-flight checks, as a child process of the built binary against the
 * emulator: a failed check sends nothing and exits 254; `--no-preflight` sends anyway (and the emulator then
 * fails the creation, as AWS would); `--dry-run --preflight` prints the report; `--output json` gives the checks
 * as data; the sandbox runs them against its own fixtures.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { PreflightReport } from '../../src/aws/preflight/types.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';

let emulator: RunningEmulator;
let home: ReturnType<typeof emptyHome>;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, createDelayMs: 0 });
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(() => {
  home = emptyHome();
});
afterEach(() => home.remove());

const signed = () => ({ ...home.env, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey, AWS_REGION: emulator.region });
const key = (alias: string) => ['--sse-configuration', `KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=${alias}}`];
const create = (...args: string[]) => runBinary(['create', '--no-interactive', '--no-wait', '--datastore-type-version', 'R4', '--endpoint-url', emulator.url, ...args], signed());
const createCount = () => emulator.requests.CreateFHIRDatastore ?? 0;

describe('create --no-interactive runs the pre-flight checks before sending', () => {
  it('sends, quietly, when every check passes', async () => {
    const before = createCount();
    const result = await create('--datastore-name', `usable-${Date.now()}`, ...key('alias/sandbox-usable'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(createCount()).toBe(before + 1);
    expect(emulator.requests.DescribeKey).toBeGreaterThan(0);
  });

  it('a failed check sends nothing and exits 254, with the statement to add', async () => {
    const before = createCount();
    const result = await create(...key('alias/sandbox-no-grant'));
    expect(result.code).toBe(254);
    expect(result.stdout).toBe('');
    expect(createCount()).toBe(before);
    expect(result.stderr).toContain('✗ KMS key alias/sandbox-no-grant: The key policy does not let arn:aws:iam::123456789012:user/sandbox use the key through HealthLake');
    expect(result.stderr).toContain('"kms:CreateGrant"');
    expect(result.stderr).toContain('1 check failed: nothing was sent.');
    expect(result.stderr).toContain('send anyway with --no-preflight');
  });

  it('pre-flight catches first what the emulator then fails: with --no-preflight the creation ends CREATE_FAILED', async () => {
    const sent = await create('--no-preflight', ...key('alias/sandbox-no-grant'));
    expect(sent.code).toBe(0);
    const id = (JSON.parse(sent.stdout) as { DatastoreId: string }).DatastoreId;
    expect(emulator.datastores().find((datastore) => datastore.id === id)).toMatchObject({ status: 'CREATE_FAILED' });
  });

  it('the token Lambda: a function HealthLake may not invoke fails with the add-permission command', async () => {
    const metadata = JSON.stringify({ authorization_endpoint: 'https://idp.example.com/authorize', token_endpoint: 'https://idp.example.com/token', capabilities: ['launch-standalone'], grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'] });
    const idp = (name: string) => ['--identity-provider-configuration', JSON.stringify({ AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: false, Metadata: metadata, IdpLambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}` })];
    const refused = await create(...idp('sandbox-token-decoder-no-permission'));
    expect(refused.code).toBe(254);
    expect(refused.stderr).toContain('aws lambda add-permission --function-name arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder-no-permission');
    // No issuer in the metadata: that check is "not checked", never a pass, and does not block.
    expect(refused.stderr).toContain('? SMART metadata vs its issuer: not checked. The metadata names no issuer.');
    const sent = await create(...idp('sandbox-token-decoder'));
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('? SMART metadata vs its issuer: not checked.');
    expect(sent.stderr).toContain('No check failed (1 not checked).');
  });

  it('without credentials, the sending\'s own error is reported, not a report of checks that could not run', async () => {
    const result = await runBinary(['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', emulator.url, '--region', emulator.region, ...key('alias/sandbox-usable')], { ...home.env, AWS_EC2_METADATA_DISABLED: 'true' });
    expect(result.code).toBe(253);
    expect(result.stderr).not.toContain('Pre-flight');
    expect(result.stderr).toContain('No AWS credentials found.');
  });

  it('--output json gives the failed checks as data on stdout', async () => {
    const result = await create('--output', 'json', ...key('alias/sandbox-disabled'));
    expect(result.code).toBe(254);
    const report = JSON.parse(result.stdout) as PreflightReport;
    expect(report.ok).toBe(false);
    expect(report.results.find((check) => check.id === 'kms-key')).toMatchObject({ status: 'failed', fix: { command: expect.stringContaining('aws kms enable-key') } });
  });
});

describe('create --dry-run --preflight', () => {
  it('prints the report and sends nothing; the exit code says whether a check failed', async () => {
    const before = createCount();
    const passed = await create('--dry-run', '--preflight', ...key('alias/sandbox-usable'));
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/^Pre-flight checks \(us-east-1\):\n {2}✓ Region: /);
    expect(passed.stdout).toContain('✓ KMS key alias/sandbox-usable: ');
    expect(passed.stdout).toMatch(/✓ Data store quota: \d+ data stores? \(creating, active or deleting\) of the default quota of 10\./);
    const failed = await create('--dry-run', '--preflight', ...key('alias/sandbox-asymmetric'));
    expect(failed.code).toBe(254);
    expect(failed.stdout).toContain('✗ KMS key alias/sandbox-asymmetric: ');
    expect(createCount()).toBe(before);
  });

  it('--output json (and --query) give the checks as data', async () => {
    const result = await create('--dry-run', '--preflight', '--output', 'json', '--query', 'results[].[id,status]', ...key('alias/sandbox-usable'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([['region', 'passed'], ['kms-key', 'passed'], ['quota', 'passed']]);
  });

  it('a plain --dry-run runs no check', async () => {
    const describes = emulator.requests.DescribeKey ?? 0;
    const result = await create('--dry-run', ...key('alias/sandbox-no-grant'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ SseConfiguration: { KmsEncryptionConfig: { KmsKeyId: 'alias/sandbox-no-grant' } } });
    expect(emulator.requests.DescribeKey ?? 0).toBe(describes);
  });

  it('in the sandbox, against its own keys', async () => {
    const result = await runBinary(['create', '--sandbox', '--no-interactive', '--dry-run', '--preflight', '--datastore-type-version', 'R4', ...key('alias/sandbox-disabled')], { ...home.env });
    expect(result.code).toBe(254);
    expect(result.stdout).toContain('✗ KMS key alias/sandbox-disabled: arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-0000-4000-8000-000000000002 is Disabled');
  });
});
