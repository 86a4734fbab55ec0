/**
 * The pickers' lists, with the real KMS and Lambda clients against the emulator: keys with aliases and state,
 * usable first; functions by name; and AccessDenied as a value that sends the picker to free text.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccountResources } from '../../src/aws/account-resources.js';
import { listKmsKeys } from '../../src/aws/kms-key-list.js';
import { listLambdaFunctions } from '../../src/aws/lambda-function-list.js';
import { createServiceClients, type ServiceClients } from '../../src/aws/service-clients.js';
import { openSession } from '../../src/aws/session.js';
import { SANDBOX_CREDENTIALS, type Fixtures } from '../../src/emulator/index.js';
import { awsFilesHome } from '../support/aws-files.js';
import { emulatorForTest } from '../emulator/emulator-fixture.js';

const home = awsFilesHome('hlw-listing-');
afterAll(() => home.remove());
const opened: ServiceClients[] = [];
afterEach(() => {
  for (const clients of opened.splice(0)) clients.destroy();
});

async function clientsFor(fixtures?: Fixtures): Promise<ServiceClients> {
  const emulator = await emulatorForTest(fixtures ? { fixtures } : {});
  const clients = await createServiceClients({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: home.files(''), maxAttempts: 1 });
  opened.push(clients);
  return clients;
}

describe('listKmsKeys', () => {
  it('lists the Region\'s keys with aliases and state, usable ones first', async () => {
    const listing = await listKmsKeys(await clientsFor());
    expect(listing.ok).toBe(true);
    if (!listing.ok) return;
    expect(listing.truncated).toBe(false);
    expect(listing.items.map((key) => [key.aliases, key.usable, key.unusableBecause])).toEqual([
      [['alias/healthlake-wizard-fail', 'alias/sandbox-no-grant'], true, undefined],
      [['alias/sandbox-usable'], true, undefined],
      [['alias/sandbox-asymmetric'], false, 'asymmetric or HMAC (RSA_2048)'],
      [['alias/sandbox-disabled'], false, 'Disabled'],
    ]);
    expect(listing.items[1]).toMatchObject({ arn: 'arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-0000-4000-8000-000000000001', state: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyManager: 'CUSTOMER' });
  });

  it('reports AccessDenied on ListKeys as a value, for free text', async () => {
    const listing = await listKmsKeys(await clientsFor({ kmsKeys: [{ keyId: 'k1' }], lambdaFunctions: [], accessDenied: ['kms:ListKeys'] }));
    expect(listing).toMatchObject({ ok: false, accessDenied: true, problem: { code: 'AccessDenied' } });
    if (listing.ok) return;
    expect(listing.problem.fix).toBe('Type the ARN instead, or allow kms:ListKeys for your identity in us-east-1.');
  });
});

describe('listLambdaFunctions', () => {
  it('lists the Region\'s functions by name', async () => {
    const listing = await listLambdaFunctions(await clientsFor());
    expect(listing).toMatchObject({
      ok: true,
      truncated: false,
      items: [
        { name: 'sandbox-token-decoder', arn: 'arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder', runtime: 'nodejs20.x' },
        { name: 'sandbox-token-decoder-no-permission' },
      ],
    });
  });

  it('walks every page', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({ name: `fn-${String(index).padStart(3, '0')}` }));
    const listing = await listLambdaFunctions(await clientsFor({ kmsKeys: [], lambdaFunctions: many }));
    expect(listing.ok && listing.items.length).toBe(120);
  });

  it('reports AccessDenied as a value, for free text', async () => {
    const listing = await listLambdaFunctions(await clientsFor({ kmsKeys: [], lambdaFunctions: [], accessDenied: ['lambda:ListFunctions'] }));
    expect(listing).toMatchObject({ ok: false, accessDenied: true });
  });
});

describe('openAccountResources', () => {
  it('lists and checks against the sandbox\'s own emulator when the session is the sandbox', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'hlw-resources-'));
    const saved = process.env.HEALTHLAKE_WIZARD_CONFIG_DIR;
    process.env.HEALTHLAKE_WIZARD_CONFIG_DIR = configDir;
    const session = await openSession({ sandbox: true }, undefined, { stderr: process.stderr });
    try {
      // A profile and region of the machine must not matter: the sandbox's target wins.
      const resources = await openAccountResources(session, { sandbox: true, profile: 'not-there', region: 'eu-central-1' }, { env: home.files('') });
      try {
        const keys = await resources.listKmsKeys();
        expect(keys.ok && keys.items.map((key) => key.aliases[0])).toContain('alias/sandbox-usable');
        const functions = await resources.listLambdaFunctions();
        expect(functions.ok && functions.items.map((fn) => fn.name)).toEqual(['sandbox-token-decoder', 'sandbox-token-decoder-no-permission']);
        const seen: string[] = [];
        for await (const result of resources.preflight({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-no-grant' } } })) {
          seen.push(`${result.id}:${result.status}`);
        }
        expect(seen.sort()).toEqual(['kms-key:failed', 'quota:passed', 'region:passed']);
        expect(await resources.smartConfiguration('http://127.0.0.1:9/issuer')).toEqual({ ok: false, kind: 'network', message: 'http://127.0.0.1:9/issuer/.well-known/smart-configuration is not an https:// URL.' });
      } finally {
        resources.close();
      }
    } finally {
      await session.close();
      if (saved === undefined) delete process.env.HEALTHLAKE_WIZARD_CONFIG_DIR;
      else process.env.HEALTHLAKE_WIZARD_CONFIG_DIR = saved;
      rmSync(configDir, { recursive: true, force: true });
    }
  });
});
