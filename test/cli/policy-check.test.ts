/**
 * The team policy enforced by the built binary, from a folder nested in a project: `create --no-interactive`,
 * `presets save` and `policy check` refuse the same request with the same words (exit 252, naming the policy file,
 * the rule and the fix); a broken policy file is exit 253 naming its line, never a pass.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID, SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { tempDir } from '../store/store-fixtures.js';
import { requireBuild, runBinary } from './built-binary.js';

beforeAll(requireBuild);

let temp: ReturnType<typeof tempDir>;
let project: string;
let cwd: string;
beforeEach(() => {
  temp = tempDir('hlw-policy-');
  project = join(temp.dir, 'repo', '.healthlake-wizard');
  cwd = join(temp.dir, 'repo', 'infra', 'healthlake');
  mkdirSync(join(project, 'presets'), { recursive: true });
  mkdirSync(cwd, { recursive: true });
  copyFileSync(new URL('../request/fixtures/team-policy.yaml', import.meta.url), join(project, 'policy.yaml'));
});
afterEach(() => temp.remove());

const cli = (...args: string[]) => runBinary(args, { HOME: temp.dir, HEALTHLAKE_WIZARD_CONFIG_DIR: join(temp.dir, 'config') }, { cwd });
const KEEPS = ['--datastore-type-version', 'R4', '--datastore-name', 'dp-clinic', '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/dp}'];
const OWNER = ['--tags', 'Key=owner,Value=care'];

/** The owner-tag rule as every command words it. */
const OWNER_RULE =
  '--tags (Tags): team policy: every data store needs an owner tag — finance charges each team for its data stores by this tag ' +
  '(rule owner-tag, ../../.healthlake-wizard/policy.yaml line 5)\n  Fix: Add a tag with the key owner and your team as its value (--tags Key=owner,Value=TEAM).';

describe('the team policy in the commands', () => {
  it('refuses the same request with the same words in create --no-interactive, presets save and policy check', async () => {
    const created = await cli('create', '--no-interactive', '--dry-run', ...KEEPS, '--output', 'json');
    expect(created.code).toBe(252);
    expect(created.stderr).toBe(`${OWNER_RULE}\n`);

    const saved = await cli('presets', 'save', 'clinic', '--project', ...KEEPS);
    expect(saved.code).toBe(252);
    expect(saved.stderr).toBe(`healthlake-wizard: ${OWNER_RULE}\n`);

    writeFileSync(join(cwd, 'request.json'), JSON.stringify({ DatastoreTypeVersion: 'R4', DatastoreName: 'dp-clinic', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/dp' } } }));
    const checked = await cli('policy', 'check', 'request.json');
    expect(checked.code).toBe(252);
    expect(checked.stderr).toBe(`healthlake-wizard: request.json: ${OWNER_RULE}\n`);
    expect(checked.stdout).toMatch(/^Checked 1 document against \.\.\/\.\.\/\.healthlake-wizard\/policy\.yaml \(7 rules\): 0 keep it, 1 breaks it\.\n/);

    // Kept: the dry run prints, the preset is saved, the check passes with a summary.
    expect((await cli('create', '--no-interactive', '--dry-run', ...KEEPS, ...OWNER, '--region', 'us-east-1', '--output', 'json')).code).toBe(0);
    expect((await cli('presets', 'save', 'clinic', '--project', ...KEEPS, ...OWNER)).code).toBe(0);
    const passed = await cli('policy', 'check');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('Checked 1 project preset against ../../.healthlake-wizard/policy.yaml (7 rules): all keep the policy.');
    expect(passed.stdout).toContain('Not checked here: approved-regions, approved-accounts, test-stores-expire');
  });

  it('derives the same fix in create --no-interactive and policy check, a flag that keeps the rule when followed', async () => {
    const KEY_RULE =
      '--sse-configuration (SseConfiguration): team policy: data stores are encrypted with a customer managed KMS key — our security baseline requires keys we can rotate and revoke ' +
      '(rule customer-managed-key, ../../.healthlake-wizard/policy.yaml line 27)\n  Fix: Give SseConfiguration (--sse-configuration) a value that keeps the rule: ' +
      '--sse-configuration KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=YOUR_KMS_KEY}, YOUR_KMS_KEY being the key id, key ARN, alias (alias/name) or alias ARN of your KMS key.';
    const unencrypted = ['--datastore-type-version', 'R4', '--datastore-name', 'dp-clinic', ...OWNER];
    const created = await cli('create', '--no-interactive', '--dry-run', ...unencrypted, '--output', 'json');
    expect(created.code).toBe(252);
    expect(created.stderr).toBe(`${KEY_RULE}\n`);
    writeFileSync(join(cwd, 'request.json'), JSON.stringify({ DatastoreTypeVersion: 'R4', DatastoreName: 'dp-clinic', Tags: [{ Key: 'owner', Value: 'care' }] }));
    const checked = await cli('policy', 'check', 'request.json');
    expect(checked.code).toBe(252);
    expect(checked.stderr).toBe(`healthlake-wizard: request.json: ${KEY_RULE}\n`);

    // The fix followed as written, the placeholder replaced by a key: the policy is kept and the request printed.
    const [flag, value] = /keeps the rule: (--[a-z-]+) (\S+),/.exec(KEY_RULE)!.slice(1) as [string, string];
    const followed = await cli('create', '--no-interactive', '--dry-run', ...unencrypted, flag, value.replace('YOUR_KMS_KEY', 'alias/dp'), '--region', 'us-east-1', '--output', 'json');
    expect(followed.stderr).toBe('');
    expect(followed.code).toBe(0);
    expect(JSON.parse(followed.stdout)).toMatchObject({ SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/dp' } } });
  });

  it('holds the target to it: Regions when known, the expiry tag at creation for the presets named', async () => {
    const region = await cli('create', '--no-interactive', '--dry-run', ...KEEPS, ...OWNER, '--region', 'eu-west-1');
    expect(region.code).toBe(252);
    expect(region.stderr).toContain('--region: team policy: data stores live in us-east-1 or us-west-2 — our BAA with AWS covers these Regions only (rule approved-regions, ../../.healthlake-wizard/policy.yaml line 52) Got "eu-west-1".');
    expect((await cli('policy', 'check', '--region', 'eu-west-1')).code).toBe(0); // no presets yet: nothing breaks

    // A test preset: kept as a document (the expiry tag is written at creation), refused at creation without it.
    expect((await cli('presets', 'save', 'test-load', '--project', ...KEEPS, ...OWNER)).code).toBe(0);
    expect((await cli('policy', 'check')).code).toBe(0);
    const untagged = await cli('create', '--no-interactive', '--dry-run', '--preset', 'test-load', '--region', 'us-east-1');
    expect(untagged.code).toBe(252);
    expect(untagged.stderr).toContain('(rule test-stores-expire, ../../.healthlake-wizard/policy.yaml line 62)');
    expect(untagged.stderr).toContain('Fix: ');
    const later = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const tagged = await cli('create', '--no-interactive', '--dry-run', '--preset', 'test-load', '--region', 'us-east-1', '--tags', 'Key=owner,Value=care', `Key=healthlake-wizard:expires-at,Value=${later}`);
    expect(tagged.code).toBe(0);
  });

  it('stops at a broken policy file, naming the file and the line (exit 253), in every command', async () => {
    writeFileSync(join(project, 'policy.yaml'), 'version: 1\nrules:\n  - id: owner-tag\n    rule: every data store needs an owner tag\n    request: { required: [Tags] }\n');
    const expected = 'healthlake-wizard: ../../.healthlake-wizard/policy.yaml line 3: rules[0] needs "reason": every rule gives the team\'s reason.';
    const checked = await cli('policy', 'check');
    expect(checked.code).toBe(253);
    expect(checked.stderr).toContain(expected);
    expect(checked.stderr).toContain('Fix: ');
    const created = await cli('create', '--no-interactive', '--dry-run', ...KEEPS, ...OWNER);
    expect(created.code).toBe(253);
    expect(created.stderr).toContain('the team policy cannot be used: ../../.healthlake-wizard/policy.yaml line 3: rules[0] needs "reason"');
    expect((await cli('presets', 'save', 'x', ...KEEPS, ...OWNER)).code).toBe(253);

    writeFileSync(join(project, 'policy.yaml'), 'version: 1\nrules:\n  - id: owner-tag\n    rule: x\n   reason: y\n');
    expect((await cli('policy', 'check')).stderr).toMatch(/policy\.yaml line 5: the policy is not valid YAML/);
    rmSync(join(project, 'policy.yaml'));
    writeFileSync(join(project, 'policy.json'), '{\n  "version": 1,\n  "rules": [],\n}\n');
    expect((await cli('create', '--no-interactive', '--dry-run', ...KEEPS)).stderr).toMatch(/policy\.json line 4: the policy is not valid JSON/);
  });

  it('says what is missing: no project folder, no policy file (exit 253)', async () => {
    rmSync(join(project, 'policy.yaml'));
    const noPolicy = await cli('policy', 'check');
    expect(noPolicy.code).toBe(253);
    expect(noPolicy.stderr).toContain('holds no policy file (policy.yaml, policy.yml or policy.json)');
    const outside = await runBinary(['policy', 'check'], { HOME: temp.dir, HEALTHLAKE_WIZARD_CONFIG_DIR: join(temp.dir, 'config') }, { cwd: temp.dir });
    expect(outside.code).toBe(253);
    expect(outside.stderr).toContain('No .healthlake-wizard/ folder was found from');
    expect((await cli('policy', 'chek')).stderr).toContain('Did you mean check?');
  });

  it('asks STS whose the credentials are before sending, for the rules on accounts', async () => {
    const emulator = await startEmulator({ createDelayMs: 50 });
    try {
      const env = { HOME: temp.dir, HEALTHLAKE_WIZARD_CONFIG_DIR: join(temp.dir, 'config'), AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey, AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
      // A key the emulator holds, so that the pre-flight checks pass and the creation goes through.
      const keeps = KEEPS.map((arg) => arg.replace('alias/dp', 'alias/sandbox-usable'));
      const create = () => runBinary(['create', '--no-interactive', '--endpoint-url', emulator.url, ...keeps, ...OWNER, '--no-wait', '--output', 'json'], env, { cwd });
      const refused = await create();
      expect(refused.code).toBe(252);
      expect(refused.stderr).toContain(`--profile: team policy: data stores are created in the data platform accounts — other accounts are not monitored by the on-call team (rule approved-accounts, ../../.healthlake-wizard/policy.yaml line 57) Got "${DEFAULT_ACCOUNT_ID}".`);
      expect(emulator.datastores()).toEqual([]);
      writeFileSync(join(project, 'policy.yaml'), readFileSync(join(project, 'policy.yaml'), 'utf8').replace('"444455556666"', `"${DEFAULT_ACCOUNT_ID}"`));
      const created = await create();
      expect(created.code).toBe(0);
      expect(emulator.datastores()).toHaveLength(1);
    } finally {
      await emulator.stop();
    }
  });
});
