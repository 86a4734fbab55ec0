/**
 * Data stores that expire, through the built binary against the emulator (real SDK, real HTTP): `list` showing
 * age and expiry, `create --from-datastore` leaving the source's expiry behind, and `cleanup` with data stores of
 * any creator, tagged expired, not yet expired, untagged or with an unreadable tag; --dry-run, --yes, the
 * refusal without a terminal, the question on a terminal, and Ctrl+C (SIGINT) in the middle. The emulator's
 * clock stands still until a test moves it, so a deletion stays DELETING as long as a test needs. Expiry times
 * are set around the real time, the clock the command compares them with.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/aws/gateway.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { emptyHome, runBinary, startBinary } from '../cli/built-binary.js';
import { spawnCli } from '../support/pty-terminal.js';

const DELAY_MS = 60_000;
const HOUR = 3_600_000;
let clock = Date.now();
let emulator: RunningEmulator;
let home: ReturnType<typeof emptyHome>;
beforeEach(async () => {
  home = emptyHome();
  // A fresh emulator per test: cleanup looks at every data store of the Region.
  emulator = await startEmulator({ port: 0, createDelayMs: DELAY_MS, deleteDelayMs: DELAY_MS, now: () => clock });
});
afterEach(async () => {
  await emulator.stop();
  home.remove();
});

const env = () => ({
  ...home.env,
  AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
  AWS_REGION: emulator.region,
});
const endpoint = () => ['--endpoint-url', emulator.url];
const settle = () => (clock += DELAY_MS);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const gateway = () => createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });

/** A data store created by someone else (not in this tool's history) with these tags. */
async function create(name: string, expiry?: string): Promise<string> {
  const tags = [{ Key: 'team', Value: 'qa' }, ...(expiry === undefined ? [] : [{ Key: EXPIRY_TAG_KEY, Value: expiry }])];
  return (await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: name, Tags: tags })).DatastoreId;
}

const statusOf = async (id: string) => (await gateway().describe(id)).DatastoreStatus;

describe('list', () => {
  it('shows how long each data store has existed and when its expiry tag says it expires', async () => {
    clock = Date.now() - 3 * HOUR;
    const old = await create('old', iso(Date.now() - HOUR));
    clock = Date.now() - 30 * 60_000;
    const later = await create('later', iso(Date.now() + 2 * 86_400_000 + 5 * HOUR));
    const untagged = await create('untagged');
    const unreadable = await create('unreadable', 'soon');
    clock = Date.now();
    const result = await runBinary(['list', ...endpoint()], env());
    expect(result.code).toBe(0);
    const line = (id: string) => result.stdout.split('\n').find((row) => row.includes(id))!;
    expect(line(old)).toMatch(/ {2}(2h 59m|3h)  +expired (59m|1h) ago  +old$/);
    expect(line(later)).toMatch(/ {2}(29|30)m  +in 2d (4|5)h  +later$/);
    expect(line(untagged)).toMatch(/ {2}(29|30)m  +untagged$/);
    expect(line(unreadable)).toMatch(/ {2}(29|30)m  +tag unreadable  +unreadable$/);
  });
});

describe('create --from-datastore', () => {
  it("does not copy the source's expiry tag (the new data store would be expired at once), and says so", async () => {
    const source = await create('expired-source', iso(Date.now() - HOUR));
    settle();
    const copied = await runBinary(['create', '--from-datastore', source, '--datastore-name', 'copy', '--no-interactive', '--dry-run', ...endpoint()], env());
    expect(copied.code).toBe(0);
    expect(JSON.parse(copied.stdout).Tags).toEqual([{ Key: 'team', Value: 'qa' }]);
    expect(copied.stderr).toContain(`the tag ${EXPIRY_TAG_KEY}=${iso(Date.now() - HOUR).slice(0, 13)}`);
    expect(copied.stderr).toContain(`of ${source} is not copied; give --expires-in for the new data store.`);
    const renewed = await runBinary(['create', '--from-datastore', source, '--datastore-name', 'copy', '--expires-in', '2h', '--no-interactive', '--dry-run', ...endpoint()], env());
    const tags = JSON.parse(renewed.stdout).Tags as { Key: string; Value: string }[];
    expect(Date.parse(tags.find((tag) => tag.Key === EXPIRY_TAG_KEY)!.Value)).toBeGreaterThan(Date.now() + HOUR);
    expect(renewed.stderr).toBe('');
  });
});

describe('cleanup', () => {
  it('--dry-run lists only the expired data stores, whoever created them, and deletes nothing', async () => {
    const expired = await create('old', iso(Date.now() - 2 * HOUR));
    const later = await create('later', iso(Date.now() + 24 * HOUR));
    const untagged = await create('untagged');
    const unreadable = await create('unreadable', 'tomorrow');
    settle();
    const result = await runBinary(['cleanup', '--dry-run', ...endpoint()], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DATASTORE ID\s+STATUS\s+AGE\s+EXPIRED\s+NAME$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${expired}  ACTIVE\\s+\\S+( \\S+)?\\s+2h( \\d+m)? ago\\s+old$`));
    expect(result.stderr).toContain(`${unreadable}: its tag ${EXPIRY_TAG_KEY} is "tomorrow", not an ISO 8601 time`);
    expect(result.stderr).toContain(`1 expired data store in ${emulator.region} would be deleted; nothing was deleted (--dry-run).`);
    for (const id of [expired, later, untagged, unreadable]) expect(await statusOf(id)).toBe('ACTIVE');

    const json = await runBinary(['cleanup', '--dry-run', ...endpoint(), '--output', 'json'], env());
    expect(JSON.parse(json.stdout)).toEqual({ ExpiredDatastores: [{ DatastoreId: expired, DatastoreName: 'old', DatastoreStatus: 'ACTIVE', ExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) }] });
  });

  it('without a terminal, or with --no-interactive, needs --yes (exit 252) and deletes nothing', async () => {
    const expired = await create('old', iso(Date.now() - HOUR));
    settle();
    for (const flags of [[], ['--no-interactive']]) {
      const refused = await runBinary(['cleanup', ...flags, ...endpoint()], env());
      expect(refused.code).toBe(252);
      expect(refused.stderr).toContain('cleanup needs --yes');
      expect(refused.stderr).toContain('Fix: See what would be deleted with healthlake-wizard cleanup --dry-run, then run: healthlake-wizard cleanup --yes');
    }
    expect(await statusOf(expired)).toBe('ACTIVE');
  });

  it('asks once on a terminal, with the list above the question; only y deletes', async () => {
    const expired = await create('ask-me', iso(Date.now() - HOUR));
    settle();
    const declined = spawnCli(['cleanup', ...endpoint()], { env: env(), cols: 200, rows: 24 });
    await declined.waitFor(/Type y to delete/);
    expect(declined.screen()).toMatch(new RegExp(`${expired}  ACTIVE .* ask-me`));
    expect(declined.screen()).toContain(`Deleting this data store in ${emulator.region} and all its FHIR data cannot be undone.`);
    declined.type('n\r');
    expect((await declined.exited).exitCode).toBe(130);
    expect(declined.screen()).toContain('Nothing was deleted.');
    expect(await statusOf(expired)).toBe('ACTIVE');

    const accepted = spawnCli(['cleanup', ...endpoint()], { env: env(), cols: 200, rows: 24 });
    await accepted.waitFor(/Type y to delete/);
    accepted.type('y\r');
    await accepted.waitFor(/DELETING/);
    settle();
    expect((await accepted.exited).exitCode).toBe(0);
    expect(await statusOf(expired)).toBe('DELETED');
  });

  it('--yes deletes each expired data store and follows it to DELETED; the others are left alone', async () => {
    const first = await create('first', iso(Date.now() - 3 * HOUR));
    const second = await create('second', iso(Date.now() - 1 * HOUR));
    const later = await create('later', iso(Date.now() + HOUR));
    settle();
    const running = await startBinary(['cleanup', '--yes', '--no-interactive', ...endpoint()], env(), /DELETING/);
    settle();
    const result = await running.ended;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Deleting these 2 data stores in ${emulator.region} and all their FHIR data; this cannot be undone.`);
    expect(result.stderr).toContain(`Deleted (2):\n  "first" (${first}) in ${emulator.region}\n  "second" (${second}) in ${emulator.region}\n`);
    expect(result.stderr).toMatch(new RegExp(`${first}\\s+DELETED`));
    expect(result.stderr).toMatch(new RegExp(`${second}\\s+DELETED`));
    expect(await statusOf(first)).toBe('DELETED');
    expect(await statusOf(second)).toBe('DELETED');
    expect(await statusOf(later)).toBe('ACTIVE');

    const again = await runBinary(['cleanup', '--yes', ...endpoint()], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(new RegExp(`^No data store in ${emulator.region} has expired\\. The next expires in \\d+m \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\\.\\n$`));
  });

  it('Ctrl+C in the middle: the deletions sent are reported, the rest left as they are; nothing is lost', async () => {
    const ids = [await create('one', iso(Date.now() - 3 * HOUR)), await create('two', iso(Date.now() - 2 * HOUR)), await create('three', iso(Date.now() - HOUR))];
    settle();
    // Every answer takes a while: the signal arrives while the second deletion is on its way.
    emulator.faults.set({ latencyMs: 700 });
    const running = await startBinary(['cleanup', '--yes', ...endpoint()], env(), /Deleting "one"/, 30_000);
    running.child.kill('SIGINT');
    const result = await running.ended;
    expect(result.code).toBe(130);
    const [one, two, three] = ids.map((id, index) => `"${['one', 'two', 'three'][index]}" (${id}) in ${emulator.region}`);
    expect(result.stderr).toContain('Stopped (SIGINT).');
    expect(result.stderr).toContain(`Being deleted, not yet DELETED (2); they go on without this command:\n  ${one}\n  ${two}\n`);
    expect(result.stderr).toContain(`Left as they are (1); run cleanup again to delete them:\n  ${three}\n`);
    emulator.faults.set({ latencyMs: 0 });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['DELETING', 'DELETING', 'ACTIVE']);

    // What was left is found by the next run; what was being deleted is not asked about again.
    const next = await runBinary(['cleanup', '--dry-run', ...endpoint()], env());
    expect(next.stdout.trim().split('\n').slice(1).map((line) => line.split(' ')[0])).toEqual([ids[2]]);
  }, 40_000);
});
