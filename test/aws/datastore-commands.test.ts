/**
 * `list` and `delete` as child processes of the built binary (and in a pty for the confirmation), against the
 * emulator on 127.0.0.1 with the real SDK; the AWS CLI v1, when installed, reads the same emulator.
 */
import { execFile, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/aws/gateway.js';
import { runBinary, startBinary } from '../cli/built-binary.js';
import { emulatorAndHome } from '../support/emulator-and-home.js';
import { spawnCli } from '../support/pty-terminal.js';

const DELAY_MS = 60_000;
// The emulator's clock stands still until a test moves it: a data store stays CREATING or DELETING as long as
// a test needs, however slow the machine.
let clock = Date.now();
const fx = emulatorAndHome({ createDelayMs: DELAY_MS, deleteDelayMs: DELAY_MS, now: () => clock });
const { signed } = fx;
const { endpoint } = fx;

/** A data store created outside this tool (not in the local history), settled to ACTIVE. */
async function createElsewhere(name: string) {
  const gateway = createGateway({ endpointUrl: fx.emulator.url, region: fx.emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });
  return (await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: name })).DatastoreId;
}

/** A data store created with the binary (so it is in the local history). */
async function createHere(name: string): Promise<string> {
  const result = await runBinary(['create', '--no-interactive', '--no-wait', '--datastore-type-version', 'R4', '--datastore-name', name, ...endpoint()], signed());
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { DatastoreId: string }).DatastoreId;
}

const settle = () => (clock += DELAY_MS);

async function listJson(...args: string[]) {
  const result = await runBinary(['list', ...endpoint(), '--output', 'json', ...args], signed());
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { DatastorePropertiesList: { DatastoreId: string; DatastoreName?: string; DatastoreStatus: string }[]; NextToken?: string };
}

describe('the output format, as the AWS CLI chooses it (--output, AWS_DEFAULT_OUTPUT, the profile\'s output)', () => {
  it('list and cleanup print YAML for the profile, text for AWS_DEFAULT_OUTPUT, and --output beats both', async () => {
    await createElsewhere(`format-${clock}`);
    const config = join(fx.home.home, 'config');
    writeFileSync(config, '[default]\noutput = yaml\n');
    const env = { ...signed(), AWS_CONFIG_FILE: config };
    const run = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
      const result = await runBinary([...args, ...endpoint()], { ...env, ...extra });
      expect(result.code).toBe(0);
      return result.stdout;
    };
    expect(parseYaml(await run(['list']))).toHaveProperty('DatastorePropertiesList');
    expect(await run(['cleanup', '--dry-run'])).toBe('ExpiredDatastores: []\n');
    expect(await run(['list'], { AWS_DEFAULT_OUTPUT: 'text' })).toMatch(/^DATASTOREPROPERTIESLIST\t/m);
    expect(await run(['list', '--output', 'json'], { AWS_DEFAULT_OUTPUT: 'text' })).toMatch(/^\{\n {4}"DatastorePropertiesList"/);
    expect(JSON.parse(await run(['cleanup', '--dry-run', '--output', 'json']))).toEqual({ ExpiredDatastores: [] });
  });
});

describe('list', () => {
  it('filters by name and status (shorthand and JSON), by creation time, and prints as --output/--query ask', async () => {
    const name = `filter-${clock}`;
    const first = await createElsewhere(name);
    settle();
    const creating = await createElsewhere(name);

    const byName = await listJson('--filter', `DatastoreName=${name}`);
    expect(byName.DatastorePropertiesList.map((d) => d.DatastoreId).sort()).toEqual([first, creating].sort());
    const active = await listJson('--filter', JSON.stringify({ DatastoreName: name, DatastoreStatus: 'ACTIVE' }));
    expect(active.DatastorePropertiesList.map((d) => d.DatastoreId)).toEqual([first]);
    // Epoch seconds and ISO 8601, as the AWS CLI takes timestamps: the second was created a clock step later.
    const after = await listJson('--filter', `DatastoreName=${name},CreatedAfter=${Math.floor((clock - DELAY_MS / 2) / 1000)}`);
    expect(after.DatastorePropertiesList.map((d) => d.DatastoreId)).toEqual([creating]);
    const before = await listJson('--filter', `DatastoreName=${name},CreatedBefore=${new Date(clock - DELAY_MS / 2).toISOString()}`);
    expect(before.DatastorePropertiesList.map((d) => d.DatastoreId)).toEqual([first]);

    const text = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name},DatastoreStatus=CREATING`, '--output', 'text', '--query', 'DatastorePropertiesList[].[DatastoreId,DatastoreStatus]'], signed());
    expect(text.stdout).toBe(`${creating}\tCREATING\n`);
    const yaml = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name}`, '--output', 'yaml'], signed());
    expect((parseYaml(yaml.stdout) as { DatastorePropertiesList: unknown[] }).DatastorePropertiesList).toHaveLength(2);
    const table = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name}`, '--output', 'table'], signed());
    expect(table.stdout).toMatch(/\|\s+ListFHIRDatastores\s+\|/);
    settle();
  });

  it('pages with --max-results and --next-token, and prints the next page\'s command under the table for people', async () => {
    const name = `pages-${clock}`;
    const ids = [await createElsewhere(name), await createElsewhere(name), await createElsewhere(name)];
    settle();
    const page1 = await listJson('--filter', `DatastoreName=${name}`, '--max-results', '2');
    expect(page1.DatastorePropertiesList).toHaveLength(2);
    expect(page1.NextToken).toBeTruthy();
    const page2 = await listJson('--filter', `DatastoreName=${name}`, '--max-results', '2', '--next-token', page1.NextToken!);
    expect(page2.NextToken).toBeUndefined();
    expect([...page1.DatastorePropertiesList, ...page2.DatastorePropertiesList].map((d) => d.DatastoreId).sort()).toEqual(ids.sort());

    const people = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name}`, '--max-results', '2'], signed());
    expect(people.code).toBe(0);
    const next = /More data stores: healthlake-wizard (.+)\n/.exec(people.stderr)?.[1];
    expect(next).toBeDefined();
    // The printed command, run as printed (its words are shell-safe here), gives the last page.
    const rest = await runBinary([...next!.split(' '), '--output', 'json'], signed());
    expect((JSON.parse(rest.stdout) as { DatastorePropertiesList: { DatastoreId: string }[] }).DatastorePropertiesList.map((d) => d.DatastoreId)).toEqual(
      page2.DatastorePropertiesList.map((d) => d.DatastoreId),
    );
  });

  it('marks in the table for people the data stores created with this tool', async () => {
    const name = `marks-${clock}`;
    const mine = await createHere(name);
    const theirs = await createElsewhere(name);
    const people = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name}`], signed());
    expect(people.code).toBe(0);
    const lines = people.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+DATASTORE ID\s+STATUS\s+CREATED\s+AGE\s+EXPIRES\s+NAME$/);
    // The emulator's clock runs ahead of the real one here: an age of at most a few minutes, no expiry tag.
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\*  ${mine}  CREATING  ${new Date(clock).toISOString().slice(0, 16).replace('T', ' ')} UTC  \\d+[sm]\\s+${name}$`)));
    expect(lines.find((line) => line.includes(theirs))).toMatch(new RegExp(`^   ${theirs}  CREATING`));
    expect(people.stderr).toContain('* created with healthlake-wizard');
    settle();
  });

  it.each([
    [['--filter', 'DatastoreStatus=READY'], /--filter \(Filter\.DatastoreStatus\): DatastoreStatus must be one of CREATING, ACTIVE/],
    [['--filter', 'Name=x'], /Unknown filter member Name\.[\s\S]*Fix: Use only DatastoreName, DatastoreStatus, CreatedBefore, CreatedAfter/],
    [['--filter', 'CreatedAfter=yesterday'], /CreatedAfter must be a timestamp/],
    [['--max-results', '501'], /--max-results must be a whole number from 1 to 500/],
    [['--starting-token', 'x'], /--starting-token/],
  ])('refuses %j with exit 252, naming the field and the fix, before sending', async (args, message) => {
    const result = await runBinary(['list', '--endpoint-url', 'http://127.0.0.1:9', ...args], signed());
    expect(result.code).toBe(252);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Fix: /);
  });
});

describe('delete', () => {
  it('without a terminal needs --yes: exit 252 with the command to run, and nothing is deleted', async () => {
    const id = await createElsewhere('keep-me');
    settle();
    const refused = await runBinary(['delete', id, ...endpoint()], signed());
    expect(refused.code).toBe(252);
    expect(refused.stderr).toContain(`Fix: Check the id, then run: healthlake-wizard delete ${id} --yes`);
    const still = await runBinary(['status', id, ...endpoint(), '--query', 'DatastoreProperties.DatastoreStatus'], signed());
    expect(still.stdout).toBe('"ACTIVE"\n');
    const noInteractive = await runBinary(['delete', id, '--no-interactive', ...endpoint()], signed());
    expect(noInteractive.code).toBe(252);
    expect(noInteractive.stderr).toContain('With --no-interactive, delete needs --yes');
  });

  it('--yes deletes, names the data store, follows it to DELETED and records DELETED in the history', async () => {
    const id = await createHere('to-delete');
    settle();
    const running = await startBinary(['delete', id, '--yes'], signed(), /DELETING/);
    settle();
    const result = await running.ended;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Deleting the data store "to-delete" (${id}) in ${fx.emulator.region} (ACTIVE) and all its FHIR data; this cannot be undone.`);
    expect(JSON.parse(result.stdout)).toMatchObject({ DatastoreId: id, DatastoreStatus: 'DELETING' });
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`${id}\\s+DELETED$`));
    expect(lines.filter((line) => line.endsWith('DELETED'))).toHaveLength(1);
    const history = await runBinary(['history', '--output', 'json'], signed());
    expect(JSON.parse(history.stdout)).toEqual([expect.objectContaining({ datastoreId: id, lastStatus: 'DELETED' })]);
  });

  it('--no-wait stops once the deletion started; a data store still CREATING is refused with the fix', async () => {
    const creating = await createElsewhere('busy');
    const busy = await runBinary(['delete', creating, '--yes', ...endpoint()], signed());
    expect(busy.code).toBe(254);
    expect(busy.stderr).toContain(`Fix: Only an ACTIVE or CREATE_FAILED data store can be deleted: wait for it (healthlake-wizard status ${creating} --wait), then delete it again.`);
    settle();
    const started = await runBinary(['delete', creating, '--yes', '--no-wait', ...endpoint(), '--query', 'DatastoreStatus'], signed());
    expect(started.code).toBe(0);
    expect(started.stdout).toBe('"DELETING"\n');
    expect(started.stderr).toContain(`Follow it with: healthlake-wizard status ${creating}`);
    settle();
  });

  it('asks on a terminal, naming the data store and saying its data is lost; only y deletes', async () => {
    const id = await createElsewhere('ask-me');
    settle();
    const env = { ...signed() };
    const declined = spawnCli(['delete', id, ...endpoint()], { env, cols: 200, rows: 24 });
    await declined.waitFor(/Type y to delete/);
    expect(declined.screen()).toContain(`Deleting the data store "ask-me" (${id}) in ${fx.emulator.region} (ACTIVE) deletes all its FHIR data; this cannot be undone.`);
    declined.type('n\r');
    expect((await declined.exited).exitCode).toBe(130);
    expect(declined.screen()).toContain('Nothing was deleted.');

    const accepted = spawnCli(['delete', id, '--no-wait', ...endpoint()], { env, cols: 200, rows: 24 });
    await accepted.waitFor(/Type y to delete/);
    accepted.type('y\r');
    expect((await accepted.exited).exitCode).toBe(0);
    const status = await runBinary(['status', id, ...endpoint(), '--query', 'DatastoreProperties.DatastoreStatus'], signed());
    expect(status.stdout).toBe('"DELETING"\n');
    settle();
  });
});

const AWS_CLI = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const HAS_AWS_CLI = AWS_CLI.status === 0;

describe.skipIf(!HAS_AWS_CLI)('with the AWS CLI (skipped when `aws` is not installed)', () => {
  // The AWS CLI signs with the real time and, unlike the SDK, does not correct a clock skew: these tests use an
  // emulator on the real clock whose data stores change state at once (no delay, so nothing races time).
  let stopped: RunningEmulator;
  beforeAll(async () => {
    stopped = fx.emulator;
    fx.emulator = await startEmulator({ port: 0, createDelayMs: 0, deleteDelayMs: 0 });
  });
  afterAll(async () => {
    await fx.emulator.stop();
    fx.emulator = stopped;
  });

  /** `aws healthlake ...` against the emulator, asynchronously (the emulator answers from this process). */
  async function aws(...args: string[]) {
    const env = {
      PATH: process.env.PATH,
      HOME: fx.home.home,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: fx.emulator.region,
      AWS_CONFIG_FILE: join(fx.home.home, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(fx.home.home, 'aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const { stdout } = await promisify(execFile)('aws', ['healthlake', ...args, '--endpoint-url', fx.emulator.url, '--output', 'json'], { env, timeout: 30_000 });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  it('list gives the data stores aws healthlake list-fhir-datastores gives, for the same filter and page', async () => {
    const name = `aws-cli-${clock}`;
    await createElsewhere(name);
    await createElsewhere(name);
    settle();
    const filter = `DatastoreName=${name},DatastoreStatus=ACTIVE`;
    const theirs = await aws('list-fhir-datastores', '--filter', filter, '--max-results', '1');
    const ours = await listJson('--filter', filter, '--max-results', '1');
    const ids = (page: Record<string, unknown>) => (page.DatastorePropertiesList as { DatastoreId: string }[]).map((d) => d.DatastoreId);
    expect(ids(ours)).toEqual(ids(theirs));
    expect(ours.NextToken).toBe(theirs.NextToken);
    const theirsNext = await aws('list-fhir-datastores', '--filter', filter, '--next-token', String(theirs.NextToken));
    const oursNext = await listJson('--filter', filter, '--next-token', ours.NextToken!);
    expect(ids(oursNext)).toEqual(ids(theirsNext));
  });

  it('a data store created by aws healthlake create-fhir-datastore is in our list, unmarked, and our status prints what aws prints', async () => {
    const name = `made-by-aws-${Date.now()}`;
    const created = await aws('create-fhir-datastore', '--datastore-type-version', 'R4', '--datastore-name', name, '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=made-by,Value=aws-cli');
    const id = created.DatastoreId as string;
    const ours = await listJson('--filter', `DatastoreName=${name}`);
    expect(ours.DatastorePropertiesList.map((d) => d.DatastoreId)).toEqual([id]);
    // The table for people does not mark it: it is not in this tool's history.
    const people = await runBinary(['list', ...endpoint(), '--filter', `DatastoreName=${name}`], signed());
    expect(people.stdout.split('\n').find((line) => line.includes(id))).toMatch(new RegExp(`^\\s+${id}  ACTIVE  .+  ${name}$`));
    expect(people.stderr).not.toContain('created with healthlake-wizard');
    // Our status describes it as aws describes it, field for field. Timestamps as the AWS CLI v2 prints them
    // (and this tool): v1 prints epoch seconds unless its profile asks for ISO 8601.
    writeFileSync(join(fx.home.home, 'aws-config'), '[default]\ncli_timestamp_format = iso8601\n');
    const status = await runBinary(['status', id, ...endpoint(), '--output', 'json'], signed());
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual(await aws('describe-fhir-datastore', '--datastore-id', id));
    const waited = await runBinary(['status', id, ...endpoint(), '--wait', '--query', 'DatastoreProperties.[DatastoreName,DatastoreStatus,PreloadDataConfig.PreloadDataType]', '--output', 'text'], signed());
    expect(waited.code).toBe(0);
    expect(waited.stdout).toBe(`${name}\tACTIVE\tSYNTHEA\n`);
  });

  it('a data store deleted by this tool is DELETED for aws healthlake describe-fhir-datastore', async () => {
    const id = await createHere('aws-cli-delete');
    settle();
    const deleted = await runBinary(['delete', id, '--yes'], signed());
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toMatch(new RegExp(`${id}\\s+DELETED\\n$`));
    expect(await aws('describe-fhir-datastore', '--datastore-id', id)).toMatchObject({ DatastoreProperties: { DatastoreId: id, DatastoreStatus: 'DELETED' } });
  });
});

describe('create --from-datastore', () => {
  const sourceRequest = {
    DatastoreTypeVersion: 'R4',
    DatastoreName: 'original',
    SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-usable' } },
    PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
    Tags: [{ Key: 'team', Value: 'clinic' }, { Key: 'env', Value: 'test' }],
  } as const;

  async function createSource() {
    const gateway = createGateway({ endpointUrl: fx.emulator.url, region: fx.emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });
    const created = await gateway.create(structuredClone(sourceRequest) as never);
    settle();
    return created.DatastoreId;
  }

  it('starts from the data store\'s settings and tags, with a fresh name and no copied ClientToken', async () => {
    const id = await createSource();
    const printed = await runBinary(['create', '--from-datastore', id, '--no-interactive', '--dry-run', '--datastore-name', 'copy', ...endpoint()], signed());
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const { DatastoreName, ...settings } = sourceRequest;
    expect(DatastoreName).toBe('original');
    expect(JSON.parse(printed.stdout)).toEqual({ ...settings, DatastoreName: 'copy' });

    // Sent for real: the new data store has the same settings and tags.
    const sent = await runBinary(['create', '--from-datastore', id, '--no-interactive', '--no-wait', ...endpoint(), '--tags', 'Key=team,Value=new'], signed());
    expect(sent.code).toBe(0);
    const copy = (JSON.parse(sent.stdout) as { DatastoreId: string }).DatastoreId;
    expect(copy).not.toBe(id);
    const described = await runBinary(['status', copy, ...endpoint(), '--output', 'json'], signed());
    expect(JSON.parse(described.stdout).DatastoreProperties).toMatchObject({ SseConfiguration: settings.SseConfiguration, PreloadDataConfig: settings.PreloadDataConfig });
    expect(JSON.parse(described.stdout).DatastoreProperties.DatastoreName).toBeUndefined();
    const gateway = createGateway({ endpointUrl: fx.emulator.url, region: fx.emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });
    // A flag replaces the whole top-level key, as over a preset.
    expect(await gateway.listTags(JSON.parse(described.stdout).DatastoreProperties.DatastoreArn)).toEqual([{ Key: 'team', Value: 'new' }]);
    settle();
  });

  it('names the data store and the fix when it does not exist, and sends nothing', async () => {
    const missing = 'f'.repeat(32);
    const result = await runBinary(['create', '--from-datastore', missing, '--no-interactive', ...endpoint()], signed());
    expect(result.code).toBe(254);
    expect(result.stderr).toContain(`--from-datastore ${missing}: No data store ${missing}`);
    expect(result.stderr).toContain('Fix: Check the data store id');
  });
});
