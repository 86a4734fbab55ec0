/** `status` as a child process of the built binary, against the emulator on 127.0.0.1. */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { createGateway } from '../../src/aws/gateway.js';
import { startSandbox } from '../../src/aws/sandbox.js';
import { runBinary, startBinary } from '../cli/built-binary.js';
import { emulatorAndHome } from '../support/emulator-and-home.js';

const CREATE_DELAY_MS = 60_000;
// The emulator's clock stands still until a test moves it (by CREATE_DELAY_MS, to settle what it created): a
// data store is CREATING for as long as a test needs, however slow the machine.
let clock = Date.now();
const fx = emulatorAndHome({ createDelayMs: CREATE_DELAY_MS, now: () => clock });
const { signed } = fx;

async function createInEmulator(request: Parameters<ReturnType<typeof createGateway>['create']>[0] = { DatastoreTypeVersion: 'R4', DatastoreName: 'cmd' }) {
  const gateway = createGateway({ endpointUrl: fx.emulator.url, region: fx.emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });
  return gateway.create(request);
}

describe('status (non-interactive)', () => {
  it('describes once and prints as --output json/yaml/text/table, with --query', async () => {
    const { DatastoreId: id } = await createInEmulator();
    const at = ['status', id, '--endpoint-url', fx.emulator.url];
    const json = await runBinary([...at, '--output', 'json'], signed());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).DatastoreProperties).toMatchObject({ DatastoreId: id, DatastoreName: 'cmd', DatastoreTypeVersion: 'R4' });
    const yaml = await runBinary([...at, '--output', 'yaml'], signed());
    expect(parseYaml(yaml.stdout).DatastoreProperties.DatastoreId).toBe(id);
    const text = await runBinary([...at, '--output', 'text', '--query', 'DatastoreProperties.[DatastoreId,DatastoreName]'], signed());
    expect(text.stdout).toBe(`${id}\tcmd\n`);
    const table = await runBinary([...at, '--output', 'table'], signed());
    expect(table.stdout).toMatch(/\|\s+DescribeFHIRDatastore\s+\|/);
    expect(table.stdout).toMatch(new RegExp(`\\|\\s+DatastoreId\\s+\\|\\s+${id}\\s+\\|`));
  });

  it('--wait prints one line per status change on stderr, the final response on stdout, exit 0 on ACTIVE', async () => {
    const { DatastoreId: id } = await createInEmulator();
    const running = await startBinary(['status', id, '--endpoint-url', fx.emulator.url, '--wait', '--query', 'DatastoreProperties.DatastoreStatus'], signed(), /CREATING/);
    clock += CREATE_DELAY_MS;
    const result = await running.ended;
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('"ACTIVE"\n');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`${id}\\s+CREATING$`));
    expect(lines.filter((line) => line.endsWith('CREATING'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/ready: https:\/\/healthlake\.us-east-1\.amazonaws\.com\/datastore\//);
  });

  it('--wait exits 254 on CREATE_FAILED, naming the cause', async () => {
    const { DatastoreId: id } = await createInEmulator({
      DatastoreTypeVersion: 'R4',
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/healthlake-wizard-fail' } },
    });
    const running = await startBinary(['status', id, '--endpoint-url', fx.emulator.url, '--wait'], signed(), /CREATING/);
    clock += CREATE_DELAY_MS;
    const result = await running.ended;
    expect(result.code).toBe(254);
    expect(result.stderr).toMatch(/CREATE_FAILED: .+/);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s while waiting: exit %i, the data store left running, the command to check it later printed', async (signal, code) => {
    const { DatastoreId: id } = await createInEmulator();
    const running = await startBinary(['status', id, '--endpoint-url', fx.emulator.url, '--wait'], signed(), /CREATING/);
    running.child.kill(signal);
    const result = await running.ended;
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`healthlake-wizard status ${id}`);
    expect(fx.emulator.datastores().find((datastore) => datastore.id === id)?.status).toBe('CREATING');
  });

  it('no credentials (empty HOME, no AWS variables): the friendly error, exit 253', async () => {
    const result = await runBinary(['status', '0'.repeat(32), '--region', 'us-east-1', '--endpoint-url', fx.emulator.url], fx.home.env);
    expect(result.code).toBe(253);
    expect(result.stderr).toContain('No AWS credentials found.');
    expect(result.stderr).toContain('--sandbox');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('no region anywhere: exit 253 with --region as the fix', async () => {
    const result = await runBinary(['status', '0'.repeat(32), '--endpoint-url', fx.emulator.url], fx.home.env);
    expect(result.code).toBe(253);
    expect(result.stderr).toContain('No AWS region is configured.');
  });

  it('an unknown id is a service error (254); bad flags are bad input (252)', async () => {
    const missing = await runBinary(['status', '0'.repeat(32), '--endpoint-url', fx.emulator.url], signed());
    expect(missing.code).toBe(254);
    expect(missing.stderr).toMatch(/No data store 0{32}/);
    expect((await runBinary(['status', 'x', '--output', 'xml'], signed())).code).toBe(252);
    expect((await runBinary(['status', 'x', '--query', 'a['], signed())).code).toBe(252);
    expect((await runBinary(['status', '--no-interactive'], signed())).code).toBe(252);
  });

  it('finds a sandbox data store from an earlier run (its state persists in the config dir)', async () => {
    const previous = process.env.HEALTHLAKE_WIZARD_CONFIG_DIR;
    process.env.HEALTHLAKE_WIZARD_CONFIG_DIR = fx.home.env.HEALTHLAKE_WIZARD_CONFIG_DIR;
    let id: string;
    try {
      const sandbox = await startSandbox({ ...process.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '200' });
      try {
        const gateway = createGateway(sandbox.options, { credentials: sandbox.credentials, env: {} });
        id = (await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'kept' })).DatastoreId;
      } finally {
        await sandbox.stop();
      }
    } finally {
      if (previous === undefined) delete process.env.HEALTHLAKE_WIZARD_CONFIG_DIR;
      else process.env.HEALTHLAKE_WIZARD_CONFIG_DIR = previous;
    }
    const result = await runBinary(['status', id, '--sandbox', '--wait', '--query', 'DatastoreProperties.[DatastoreName,DatastoreStatus]', '--output', 'text'], fx.home.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('kept\tACTIVE\n');
  });
});
