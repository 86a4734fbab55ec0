/**
 * The pre-flight checks with the real SDK clients against the emulator (and a local HTTPS issuer signed by a
 * private CA): each check passes, fails with its exact fix, and reports "not checked" with the reason where it
 * should; a key that fails pre-flight also fails creation in the emulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import { checkRegion } from '../../src/aws/preflight/account-checks.js';
import { checkContext } from '../../src/aws/preflight/check-context.js';
import { reportText, resultLines } from '../../src/aws/preflight/report-text.js';
import { preflightData } from '../../src/commands/create-preflight.js';
import { createSmartConfigurationFetcher } from '../../src/aws/preflight/smart-configuration-fetch.js';
import { openPreflight, plannedChecks, runPreflight, type PreflightRunner } from '../../src/aws/preflight/run-preflight.js';
import type { PreflightResult } from '../../src/aws/preflight/types.js';
import { createServiceClients } from '../../src/aws/service-clients.js';
import type { GlobalOptions } from '../../src/options.js';
import type { CreateRequest } from '../../src/request/types.js';
import { DEFAULT_FIXTURES, SANDBOX_CREDENTIALS, type EmulatorCredentials, type Fixtures, type RunningEmulator } from '../../src/emulator/index.js';
import { awsFilesHome, withEnv } from '../support/aws-files.js';
import { startCountingProxy } from '../support/counting-proxy.js';
import { HAS_OPENSSL } from '../support/private-ca.js';
import { startSmartIssuer, type SmartIssuer } from '../support/smart-issuer.js';
import { emulatorForTest } from '../emulator/emulator-fixture.js';

const home = awsFilesHome('hlw-preflight-');
afterAll(() => home.remove());
const runners: PreflightRunner[] = [];
afterEach(() => {
  for (const runner of runners.splice(0)) runner.close();
});

const ACCOUNT = '123456789012';
const SANDBOX_USER = `arn:aws:iam::${ACCOUNT}:user/sandbox`;

async function preflightFor(emulator: RunningEmulator, { options = {}, credentials = { ...SANDBOX_CREDENTIALS } }: { options?: GlobalOptions; credentials?: EmulatorCredentials } = {}) {
  const env = home.files('');
  const all: GlobalOptions = { endpointUrl: emulator.url, region: emulator.region, ...options };
  const gateway = createGateway(all, { credentials, env, maxAttempts: 1 });
  const runner = await openPreflight(all, gateway, { credentials, env, maxAttempts: 1 });
  runners.push(runner);
  return { runner, gateway };
}

async function checkOf(emulator: RunningEmulator, request: CreateRequest, id: PreflightResult['id'], setup: Parameters<typeof preflightFor>[1] = {}): Promise<PreflightResult> {
  const { runner } = await preflightFor(emulator, setup);
  const report = await runner.report(request);
  const found = report.results.find((result) => result.id === id);
  if (!found) throw new Error(`no ${id} result in ${JSON.stringify(report.results)}`);
  return found;
}

const withKey = (KmsKeyId: string): CreateRequest => ({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId } } });

const smart = (extra: Partial<NonNullable<CreateRequest['IdentityProviderConfiguration']>>): CreateRequest => ({
  DatastoreTypeVersion: 'R4',
  IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: false, ...extra },
});

describe('planned checks', () => {
  it('lists what a request gets, before anything runs', () => {
    expect(plannedChecks({ DatastoreTypeVersion: 'R4' }).map((check) => check.id)).toEqual(['region', 'quota']);
    const all = plannedChecks({
      ...withKey('alias/k'),
      DatastoreName: 'n',
      IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR_V1', Metadata: '{"issuer":"https://idp.example.com/"}', IdpLambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' },
    });
    expect(all.map((check) => [check.id, check.title])).toEqual([
      ['region', 'Region'],
      ['kms-key', 'KMS key alias/k'],
      ['idp-lambda', 'Token Lambda f'],
      ['smart-metadata', 'SMART metadata vs https://idp.example.com/.well-known/smart-configuration'],
      ['quota', 'Data store quota'],
      ['same-name', 'Name n'],
    ]);
  });
});

describe('KMS key', () => {
  it('passes for a key whose policy lets the caller use it through HealthLake', async () => {
    const result = await checkOf(await emulatorForTest(), withKey('alias/sandbox-usable'), 'kms-key');
    expect(result).toMatchObject({ status: 'passed', field: 'SseConfiguration.KmsEncryptionConfig.KmsKeyId' });
    expect(result.summary).toContain(`lets ${SANDBOX_USER} use it through HealthLake`);
  });

  it('fails for a disabled key with the command that enables it', async () => {
    const result = await checkOf(await emulatorForTest(), withKey('alias/sandbox-disabled'), 'kms-key');
    expect(result.status).toBe('failed');
    expect(result.summary).toContain('is Disabled');
    expect(result.fix?.command).toBe(`aws kms enable-key --key-id arn:aws:kms:us-east-1:${ACCOUNT}:key/1b2c3d4e-0000-4000-8000-000000000002 --region us-east-1`);
  });

  it('fails for an asymmetric key', async () => {
    const result = await checkOf(await emulatorForTest(), withKey('alias/sandbox-asymmetric'), 'kms-key');
    expect(result).toMatchObject({ status: 'failed', fix: { command: 'aws kms create-key --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT --region us-east-1' } });
    expect(result.summary).toContain('RSA_2048 with KeyUsage SIGN_VERIFY');
  });

  it('fails for a key whose policy lacks the grant permission, with the statement to add', async () => {
    const result = await checkOf(await emulatorForTest(), withKey('alias/sandbox-no-grant'), 'kms-key');
    expect(result.status).toBe('failed');
    expect(result.summary).toContain('kms:CreateGrant, kms:GenerateDataKey, kms:Decrypt not allowed');
    const statement = JSON.parse(result.fix!.policyStatement!) as Record<string, unknown>;
    expect(statement).toEqual({
      Sid: 'Allow use of the key through AWS HealthLake',
      Effect: 'Allow',
      Principal: { AWS: SANDBOX_USER },
      Action: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['healthlake.amazonaws.com', 'healthlake.us-east-1.amazonaws.com'], 'kms:CallerAccount': ACCOUNT } },
    });
  });

  it('fails for a key that does not exist, or that lives in another Region', async () => {
    const emulator = await emulatorForTest();
    expect(await checkOf(emulator, withKey('alias/not-there'), 'kms-key')).toMatchObject({ status: 'failed' });
    const elsewhere = await checkOf(emulator, withKey('arn:aws:kms:eu-west-1:123456789012:key/1b2c3d4e-0000-4000-8000-000000000001'), 'kms-key');
    expect(elsewhere).toMatchObject({ status: 'failed', summary: "The key is in eu-west-1; HealthLake needs a key in the data store's Region, us-east-1." });
  });

  it('is not checked when the key policy may not be read (AccessDenied on GetKeyPolicy)', async () => {
    const fixtures: Fixtures = { kmsKeys: [{ keyId: 'k1', aliases: ['alias/secret-policy'], accessDenied: ['kms:GetKeyPolicy'] }], lambdaFunctions: [] };
    const result = await checkOf(await emulatorForTest({ fixtures }), withKey('alias/secret-policy'), 'kms-key');
    expect(result.status).toBe('not-checked');
    expect(result.reason).toMatch(/^No permission to read the key policy \(kms:GetKeyPolicy\): AccessDeniedException: /);
  });

  it('is not checked when the key policy leaves it to IAM policies (the default key policy)', async () => {
    const fixtures: Fixtures = { kmsKeys: [{ keyId: 'k1', aliases: ['alias/default-policy'] }], lambdaFunctions: [] };
    const result = await checkOf(await emulatorForTest({ fixtures }), withKey('alias/default-policy'), 'kms-key');
    expect(result.status).toBe('not-checked');
    expect(result.summary).toContain(`lets the IAM policies of account ${ACCOUNT} decide`);
    expect(result.reason).toContain('does not read IAM policies');
  });

  it('passes on a grant to the caller when the policy alone would not', async () => {
    const key = DEFAULT_FIXTURES.kmsKeys[3]!;
    const fixtures: Fixtures = { kmsKeys: [{ ...key, grants: [{ granteePrincipal: SANDBOX_USER, operations: ['CreateGrant', 'GenerateDataKey', 'Decrypt'] }] }], lambdaFunctions: [] };
    expect((await checkOf(await emulatorForTest({ fixtures }), withKey('alias/sandbox-no-grant'), 'kms-key')).status).toBe('passed');
  });

  it('is not checked for a caller the key policy does not let describe the key', async () => {
    const stranger = { accessKeyId: 'AKIDSTRANGEREXAMPLE0', secretAccessKey: 'stranger-secret', userName: 'stranger' };
    const emulator = await emulatorForTest({ credentials: [SANDBOX_CREDENTIALS, stranger] });
    const result = await checkOf(emulator, withKey('alias/sandbox-usable'), 'kms-key', { credentials: stranger });
    expect(result).toMatchObject({ status: 'not-checked' });
    expect(result.reason).toContain('kms:DescribeKey');
  });

  it('a key that fails pre-flight also fails creation in the emulator; one that passes becomes ACTIVE', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 0 });
    const { runner, gateway } = await preflightFor(emulator);
    for (const alias of ['alias/sandbox-usable', 'alias/sandbox-disabled', 'alias/sandbox-asymmetric', 'alias/sandbox-no-grant', 'alias/not-there']) {
      const report = await runner.report(withKey(alias));
      const created = await gateway.create(withKey(alias));
      const status = (await gateway.describe(created.DatastoreId)).DatastoreStatus;
      expect([alias, report.ok ? 'ACTIVE' : 'CREATE_FAILED']).toEqual([alias, status]);
    }
  });
});

describe('token Lambda', () => {
  const lambda = (name: string, account = ACCOUNT, region = 'us-east-1') => smart({ IdpLambdaArn: `arn:aws:lambda:${region}:${account}:function:${name}` });

  it('passes when HealthLake may invoke it', async () => {
    expect(await checkOf(await emulatorForTest(), lambda('sandbox-token-decoder'), 'idp-lambda')).toMatchObject({ status: 'passed', field: 'IdentityProviderConfiguration.IdpLambdaArn' });
  });

  it('fails without the invoke permission, with the add-permission command', async () => {
    const result = await checkOf(await emulatorForTest(), lambda('sandbox-token-decoder-no-permission'), 'idp-lambda');
    expect(result.status).toBe('failed');
    expect(result.fix?.command).toBe(
      `aws lambda add-permission --function-name arn:aws:lambda:us-east-1:${ACCOUNT}:function:sandbox-token-decoder-no-permission --statement-id healthlake-invoke --action lambda:InvokeFunction --principal healthlake.amazonaws.com --source-account ${ACCOUNT} --region us-east-1`,
    );
  });

  it('fails when the policy allows someone else only', async () => {
    const fixtures: Fixtures = {
      kmsKeys: [],
      lambdaFunctions: [{ name: 'f', policy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:${Region}:${AccountId}:function:f' }] } }],
    };
    expect((await checkOf(await emulatorForTest({ fixtures }), lambda('f'), 'idp-lambda')).status).toBe('failed');
  });

  it('fails for a function that does not exist, in another Region or another account', async () => {
    const emulator = await emulatorForTest();
    expect((await checkOf(emulator, lambda('missing'), 'idp-lambda')).summary).toContain('Function not found');
    expect((await checkOf(emulator, lambda('sandbox-token-decoder', ACCOUNT, 'eu-west-1'), 'idp-lambda')).summary).toContain('in eu-west-1');
    expect((await checkOf(emulator, lambda('sandbox-token-decoder', '111122223333'), 'idp-lambda')).summary).toContain('belongs to account 111122223333');
  });

  it('is not checked when its policy may not be read, or has a condition the check cannot evaluate', async () => {
    const fixtures: Fixtures = {
      kmsKeys: [],
      lambdaFunctions: [
        { name: 'hidden', accessDenied: ['lambda:GetPolicy'] },
        { name: 'odd', policy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'healthlake.amazonaws.com' }, Action: 'lambda:InvokeFunction', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }] } },
      ],
    };
    const emulator = await emulatorForTest({ fixtures });
    const hidden = await checkOf(emulator, lambda('hidden'), 'idp-lambda');
    expect(hidden).toMatchObject({ status: 'not-checked' });
    expect(hidden.reason).toContain('lambda:GetPolicy');
    const odd = await checkOf(emulator, lambda('odd'), 'idp-lambda');
    expect(odd).toMatchObject({ status: 'not-checked' });
    expect(odd.reason).toContain('DateGreaterThan aws:CurrentTime');
  });
});

describe.skipIf(!HAS_OPENSSL)('SMART metadata against the issuer (HTTPS, private CA)', () => {
  let server: SmartIssuer;
  let issuer: string;
  let ca: { caPath: string };

  beforeAll(async () => {
    server = await startSmartIssuer();
    issuer = server.url;
    ca = server;
  });
  afterAll(() => server.stop());

  const metadataRequest = (fields: Record<string, unknown>) => smart({ Metadata: JSON.stringify({ issuer, ...fields }) });
  const config = () => ({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, capabilities: ['launch-standalone', 'client-public'] });

  it('passes when the metadata agrees with the issuer (trusting the private CA through --ca-bundle)', async () => {
    server.publish(config());
    const result = await checkOf(await emulatorForTest(), metadataRequest({ token_endpoint: `${issuer}/token`, capabilities: ['client-public', 'launch-standalone'] }), 'smart-metadata', { options: { caBundle: ca.caPath } });
    expect(result).toMatchObject({ status: 'passed', summary: `The metadata agrees with ${issuer}/.well-known/smart-configuration (3 fields compared).` });
  });

  it('fails where an endpoint disagrees, naming each field and the value to use', async () => {
    server.publish(config());
    const result = await checkOf(await emulatorForTest(), metadataRequest({ token_endpoint: 'https://elsewhere.example.com/token', capabilities: ['launch-standalone'] }), 'smart-metadata', { options: { caBundle: ca.caPath } });
    expect(result.status).toBe('failed');
    expect(result.details).toEqual([
      'capabilities: the metadata says ["launch-standalone"]; the issuer says ["launch-standalone","client-public"]',
      `token_endpoint: the metadata says "https://elsewhere.example.com/token"; the issuer says "${issuer}/token"`,
    ]);
    expect(result.fix).toMatchObject({ field: 'token_endpoint', value: JSON.stringify(`${issuer}/token`) });
  });

  it('only warns when a capability list differs', async () => {
    server.publish(config());
    const result = await checkOf(await emulatorForTest(), metadataRequest({ capabilities: ['launch-standalone'] }), 'smart-metadata', { options: { caBundle: ca.caPath } });
    expect(result.status).toBe('warning');
  });

  it('is not checked when the issuer\'s certificate is not trusted, and says how to trust it', async () => {
    server.publish(config());
    const result = await checkOf(await emulatorForTest(), metadataRequest({}), 'smart-metadata');
    expect(result.status).toBe('not-checked');
    expect(result.reason).toContain('--ca-bundle');
  });

  it('warns when the issuer publishes no smart-configuration', async () => {
    server.publish(undefined);
    const result = await checkOf(await emulatorForTest(), metadataRequest({}), 'smart-metadata', { options: { caBundle: ca.caPath } });
    expect(result).toMatchObject({ status: 'warning' });
    expect(result.summary).toContain('HTTP 404');
  });

  it('goes through HTTPS_PROXY (a CONNECT tunnel, the issuer\'s certificate still checked), even for the sandbox', async () => {
    server.publish(config());
    const proxy = await startCountingProxy();
    try {
      await withEnv({ HTTPS_PROXY: proxy.url }, async () => {
        const url = `${issuer}/.well-known/smart-configuration`;
        expect(await createSmartConfigurationFetcher({ caBundle: ca.caPath, sandbox: true }, {})(url)).toMatchObject({ ok: true, document: { issuer } });
        expect(proxy.through.connect).toBe(1);
        expect(await createSmartConfigurationFetcher({}, {})(url)).toMatchObject({ ok: false, kind: 'tls' });
        expect(proxy.through.connect).toBe(2);
      });
    } finally {
      await proxy.stop();
    }
  });

  it('is not checked when the metadata names no issuer', async () => {
    const result = await checkOf(await emulatorForTest(), smart({ Metadata: JSON.stringify({ token_endpoint: 'https://x.example.com/token' }) }), 'smart-metadata');
    expect(result).toMatchObject({ status: 'not-checked', summary: 'The metadata names no issuer.' });
  });
});

describe('account checks', () => {
  it('passes the quota below the default of 10 and warns at it; warns for a name already in use', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 0 });
    const { runner, gateway } = await preflightFor(emulator);
    for (let index = 0; index < 9; index += 1) await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: `store-${index}` });
    let report = await runner.report({ DatastoreTypeVersion: 'R4', DatastoreName: 'fresh' });
    expect(report.results.find((result) => result.id === 'quota')).toMatchObject({ status: 'passed', summary: '9 data stores (creating, active or deleting) of the default quota of 10.' });
    expect(report.results.find((result) => result.id === 'same-name')).toMatchObject({ status: 'passed' });
    await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'fresh' });
    report = await runner.report({ DatastoreTypeVersion: 'R4', DatastoreName: 'fresh' });
    expect(report.results.find((result) => result.id === 'quota')).toMatchObject({ status: 'warning' });
    const same = report.results.find((result) => result.id === 'same-name');
    expect(same).toMatchObject({ status: 'warning' });
    expect(same?.summary).toContain('Names need not be unique.');
    expect(report.ok).toBe(true);
  });

  it('says whether HealthLake is offered in the Region (a warning only behind an endpoint override)', async () => {
    const context = (region: string, endpointOverride: boolean) => ({ region, endpointOverride }) as Parameters<typeof checkRegion>[0];
    expect(checkRegion(context('us-east-1', false)).status).toBe('passed');
    expect(checkRegion(context('eu-central-1', false))).toMatchObject({ status: 'failed', fix: { text: expect.stringContaining('us-east-2, us-east-1, us-west-2') } });
    expect(checkRegion(context('eu-central-1', true)).status).toBe('warning');
  });

  it("a Region without HealthLake: the command line's fix names --region, the wizard's its target picker; data output only the first", async () => {
    const failed = checkRegion({ region: 'eu-central-1', endpointOverride: false } as Parameters<typeof checkRegion>[0]);
    const cli = resultLines(failed);
    expect(cli).toMatch(/Fix: Choose one of us-east-2, us-east-1, [^\n]*\(--region\)\./);
    expect(cli).not.toContain('Ctrl+T');
    // The wizard's words name its key from the key table (test/ui/target-first.test.tsx draws them).
    expect(failed.fix!.wizardFix).toMatch(/^Press \{key:changeTarget\} to choose one of us-east-2, us-east-1, [^\n]*; every answer is kept\.$/);
    const wizard = resultLines(failed, (fix) => fix.wizardFix!.replace('{key:changeTarget}', 'Ctrl+T'));
    expect(wizard).toMatch(/Fix: Press Ctrl\+T to choose one of us-east-2, us-east-1, [^\n]*; every answer is kept\./);
    expect(wizard).not.toContain('--region');
    // `create --dry-run --preflight` and the stderr report before sending: the command line's words.
    expect(reportText({ results: [failed], ok: false }, 'eu-central-1')).toContain('(--region).');
    const data = JSON.parse(await preflightData({ results: [failed], ok: false }, { output: 'json' })) as { results: PreflightResult[] };
    expect(data.results[0]!.fix).toEqual({ text: failed.fix!.text });
  });
});

describe('reporting as checks finish', () => {
  it('yields each result when it is ready: a slow issuer does not hold back the others', async () => {
    const emulator = await emulatorForTest();
    const env = home.files('');
    const options = { endpointUrl: emulator.url, region: emulator.region };
    const clients = await createServiceClients(options, { credentials: { ...SANDBOX_CREDENTIALS }, env, maxAttempts: 1 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const context = checkContext({
      region: 'us-east-1',
      endpointOverride: true,
      clients,
      gateway: createGateway(options, { credentials: { ...SANDBOX_CREDENTIALS }, env, maxAttempts: 1 }),
      fetchSmartConfiguration: async () => {
        await released;
        return { ok: false, kind: 'network', message: 'gone' };
      },
    });
    const seen: string[] = [];
    const request = { ...withKey('alias/sandbox-usable'), IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR' as const, Metadata: JSON.stringify({ issuer: 'https://idp.example.com' }) } };
    for await (const result of runPreflight(request, context)) {
      seen.push(result.id);
      // Every other check has reported before the issuer answers.
      if (seen.length === 3) release();
    }
    clients.destroy();
    expect(seen.slice(0, 3).sort()).toEqual(['kms-key', 'quota', 'region']);
    expect(seen[3]).toBe('smart-metadata');
  });

  it('prints the report with marks, the reason and the fix', async () => {
    const { runner } = await preflightFor(await emulatorForTest());
    const text = reportText(await runner.report({ ...withKey('alias/sandbox-no-grant'), DatastoreName: 'x' }), 'us-east-1');
    expect(text).toMatch(/^Pre-flight checks \(us-east-1\):\n {2}✓ Region: HealthLake is offered in us-east-1\.\n {2}✗ KMS key alias\/sandbox-no-grant: /);
    expect(text).toContain('    Fix: Add this statement to the key policy');
    expect(text).toContain('"kms:CreateGrant"');
    expect(text.endsWith('1 check failed: nothing was sent.\n')).toBe(true);
  });
});
