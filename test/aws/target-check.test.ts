/**
 * The target check against the emulator's STS, with temporary config and credentials files, fake SSO token
 * caches and credential_process scripts; every address is 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsFilesHome, type AwsFilesHome } from '../support/aws-files.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HEALTHLAKE_REGIONS, isHealthLakeRegion } from '../../src/aws/healthlake-regions.js';
import { createGateway } from '../../src/aws/gateway.js';
import { checkTarget, identityName, listProfiles, reportTarget } from '../../src/aws/target-check.js';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { GlobalOptions } from '../../src/options.js';

const DEV = { accessKeyId: 'AKIDDEVEXAMPLE000000', secretAccessKey: 'dev-secret-never-printed', userName: 'dev-user' };

let emulator: RunningEmulator;
let aws: AwsFilesHome;
let home: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, accountId: '444455556666', credentials: [DEV, SANDBOX_CREDENTIALS] });
});
afterAll(() => emulator.stop());
beforeEach(() => {
  aws = awsFilesHome('hlw-target-');
  home = aws.home;
});
afterEach(() => aws.remove());

const files = (config: string, credentials?: string) => aws.files(config, credentials);

/** The SDK's credential providers read process.env (HOME for the SSO cache): run with `env` as its AWS part. */
async function check(options: GlobalOptions, env: NodeJS.ProcessEnv) {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') || key === 'HOME') delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await checkTarget(options, { env });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const DEV_CREDENTIALS = `[dev]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n`;

describe('checkTarget', () => {
  it("resolves the chosen profile's keys and answers the account and identity from STS", async () => {
    const env = files(`[profile dev]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n[profile other]\nregion = eu-west-1\n`, DEV_CREDENTIALS);
    const result = await check({}, { ...env, AWS_PROFILE: 'dev' });
    expect(result).toMatchObject({ ok: true, profile: 'dev', stsUrl: emulator.url, identity: { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/dev-user', name: 'dev-user' } });
  });

  it('--endpoint-url points STS at the emulator too; the sandbox keys give the sandbox identity', async () => {
    const env = files('');
    const result = await checkTarget({ endpointUrl: emulator.url, region: 'us-east-1', sandbox: true }, { env, credentials: { ...SANDBOX_CREDENTIALS } });
    expect(result).toMatchObject({ ok: true, identity: { account: '444455556666', name: 'sandbox' } });
  });

  it('a profile that does not exist: said so, with the profiles there are', async () => {
    const env = files('[default]\nregion = us-east-1\n[profile prod]\nregion = us-east-1\n', DEV_CREDENTIALS);
    const result = await check({ profile: 'prdo' }, env);
    expect(result).toMatchObject({ ok: false, profile: 'prdo', profiles: ['default', 'dev', 'prod'], problem: { code: 'ProfileNotFound', exitCode: 253 } });
    if (!result.ok) expect(result.problem.fix).toContain('default, dev, prod');
  });

  it('an expired SSO token (a fake token cache file): the aws sso login fix for that profile', async () => {
    const startUrl = 'https://example-start.awsapps.com/start';
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const key = createHash('sha1').update(startUrl).digest('hex');
    writeFileSync(join(cache, `${key}.json`), JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z' }));
    const env = files(`[profile corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = us-east-1\n`);
    const result = await check({ profile: 'corp' }, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'SsoTokenExpired', fix: 'Sign in again: aws sso login --profile corp', exitCode: 253 } });
  });

  it('a failing credential_process: its stderr is shown', async () => {
    const script = join(home, 'creds.sh');
    writeFileSync(script, '#!/bin/sh\necho "the vault refused: token revoked" >&2\nexit 3\n');
    chmodSync(script, 0o755);
    const env = files(`[profile vault]\nregion = us-east-1\ncredential_process = ${script}\n`);
    const result = await check({ profile: 'vault' }, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'CredentialProcessFailed' } });
    if (!result.ok) expect(result.problem.message).toContain('the vault refused: token revoked');
  });

  it('a credential_process that works gives its identity', async () => {
    const script = join(home, 'creds-ok.sh');
    writeFileSync(script, `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "${DEV.accessKeyId}", "SecretAccessKey": "${DEV.secretAccessKey}"}'\n`);
    chmodSync(script, 0o755);
    const env = files(`[profile vault]\nregion = us-east-1\nendpoint_url = ${emulator.url}\ncredential_process = ${script}\n`);
    expect(await check({ profile: 'vault' }, env)).toMatchObject({ ok: true, identity: { name: 'dev-user' } });
  });

  it('an assume-role profile whose STS cannot be reached: the host is named', async () => {
    const env = files(`[profile dev]\nregion = us-east-1\n[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::444455556666:role/Admin\nsource_profile = dev\n`, DEV_CREDENTIALS);
    const result = await check({ profile: 'admin' }, { ...env, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' });
    expect(result).toMatchObject({ ok: false, problem: { code: 'AssumeRoleUnreachable' } });
    if (!result.ok) expect(result.problem.message).toContain('127.0.0.1:1');
  });

  it('no credentials at all: offers the sandbox', async () => {
    const env = files('[default]\nregion = us-east-1\n');
    const result = await check({}, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'NoCredentials', exitCode: 253 } });
    if (!result.ok) expect(result.problem.fix).toContain('--sandbox');
  });
});

/** The wizard's report: the gateway's target, then STS for it (process.env holds only `env`'s AWS part). */
async function report(options: GlobalOptions, env: NodeJS.ProcessEnv) {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') || key === 'HOME') delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await reportTarget(createGateway(options, { env }), options, { env });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('reportTarget', () => {
  it('the Region, profile and endpoint, with the account and identity', async () => {
    const env = files(`[profile dev]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n`, DEV_CREDENTIALS);
    expect(await report({ profile: 'dev' }, env)).toEqual({
      ok: true,
      target: { region: 'us-east-1', profile: 'dev', endpoint: emulator.url, sandbox: false },
      identity: { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/dev-user', name: 'dev-user' },
    });
  });

  it('no Region configured: the problem, no target, and who the credentials are all the same', async () => {
    const env = files(`[profile dev]\nendpoint_url = ${emulator.url}\n`, DEV_CREDENTIALS);
    const result = await report({ profile: 'dev' }, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'NoRegion' }, credentials: { ok: true, profile: 'dev', identity: { account: '444455556666', name: 'dev-user' } } });
    expect(result).not.toHaveProperty('target');
  });

  it('no Region configured and an expired SSO token: the Region still to choose and the aws sso login fix, at once', async () => {
    const startUrl = 'https://example-start.awsapps.com/start';
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, `${createHash('sha1').update(startUrl).digest('hex')}.json`), JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z' }));
    // No region anywhere: not in the profile, not in the environment.
    const env = files(`[profile corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Admin\nendpoint_url = ${emulator.url}\n`);
    const result = await report({ profile: 'corp' }, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'NoRegion' }, credentials: { ok: false, profile: 'corp', problem: { code: 'SsoTokenExpired', fix: 'Sign in again: aws sso login --profile corp' } } });
    expect(result).not.toHaveProperty('target');
  });

  it('no Region configured and no credentials: both, the sandbox offered in the fix', async () => {
    const env = files(`[profile bare]\nendpoint_url = ${emulator.url}\n`);
    const result = await report({ profile: 'bare' }, env);
    expect(result).toMatchObject({ ok: false, problem: { code: 'NoRegion' }, credentials: { ok: false, problem: { code: 'NoCredentials', fix: expect.stringContaining('--sandbox') } } });
  });

  it('a dry run (no identity asked): no Region is told, and STS is asked nothing', async () => {
    const env = files(`[profile dev]\nendpoint_url = ${emulator.url}\n`, DEV_CREDENTIALS);
    const before = (emulator.requests.GetCallerIdentity ?? 0);
    const saved = { ...process.env };
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') || key === 'HOME') delete process.env[key];
    Object.assign(process.env, env);
    try {
      const result = await reportTarget(createGateway({ profile: 'dev' }, { env }), { profile: 'dev' }, { env, identity: false });
      expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'NoRegion' }) });
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    expect((emulator.requests.GetCallerIdentity ?? 0)).toBe(before);
  });

  it('a profile that does not exist: the profiles there are', async () => {
    const env = files('[default]\nregion = us-east-1\n', DEV_CREDENTIALS);
    expect(await report({ profile: 'prdo' }, env)).toMatchObject({ ok: false, problem: { code: 'ProfileNotFound' }, profiles: ['default', 'dev'] });
  });

  it('a Region chosen on top of the profile: that Region, and the credentials problem of the profile', async () => {
    const env = files(`[profile bare]\nendpoint_url = ${emulator.url}\n`);
    expect(await report({ profile: 'bare', region: 'us-west-2' }, env)).toMatchObject({ ok: false, target: { region: 'us-west-2', profile: 'bare' }, problem: { code: 'NoCredentials' } });
  });
});

describe('profiles and Regions', () => {
  it('lists the profiles of both files, default first and marked, the chosen one flagged', async () => {
    const env = files('[default]\nregion = us-east-1\n[profile b]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n[services local]\nhealthlake =\n  endpoint_url = http://127.0.0.1:1\n', '[a]\naws_access_key_id = x\naws_secret_access_key = y\n');
    expect(await listProfiles({ profile: 'b' }, env)).toEqual([
      { name: 'default', isDefault: true, chosen: false, region: 'us-east-1' },
      { name: 'a', isDefault: false, chosen: false },
      { name: 'b', isDefault: false, chosen: true, region: 'eu-west-1' },
    ]);
    // AWS_REGION wins over every profile's own Region, as in the AWS CLI.
    expect((await listProfiles({}, { ...env, AWS_REGION: 'eu-west-2' })).map((entry) => entry.region)).toEqual(['eu-west-2', 'eu-west-2', 'eu-west-2']);
  });

  it('names the HealthLake Regions', () => {
    expect(HEALTHLAKE_REGIONS.map((region) => region.code)).toContain('us-east-1');
    expect(isHealthLakeRegion('eu-west-2')).toBe(true);
    expect(isHealthLakeRegion('sa-east-1')).toBe(false);
  });

  it('tells the identity name from an ARN', () => {
    expect(identityName('arn:aws:sts::1:assumed-role/Deployer/session')).toBe('Deployer');
    expect(identityName('arn:aws:iam::1:user/path-less')).toBe('path-less');
    expect(identityName('arn:aws:iam::1:root')).toBe('root');
  });
});
