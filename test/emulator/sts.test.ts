/** STS GetCallerIdentity and AssumeRole as the real STS client sees them: the identity of the key that signed, from no network. */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { emulatorForTest } from './emulator-fixture.js';

const clients: STSClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function stsFor(url: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): STSClient {
  const client = new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

describe('STS GetCallerIdentity', () => {
  it('answers the account id and an ARN for the access key the emulator was started with', async () => {
    const emulator = await emulatorForTest({ accountId: '210987654321' });
    const identity = await stsFor(emulator.url, { ...SANDBOX_CREDENTIALS }).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '210987654321', Arn: 'arn:aws:iam::210987654321:user/sandbox' });
    expect(identity.UserId).toMatch(/^AIDA/);
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.GetCallerIdentity).toBe(1);
  });

  it('names the user given with the credentials; a session token makes it an assumed role', async () => {
    const keys = [
      { accessKeyId: 'AKIDALICEEXAMPLE0000', secretAccessKey: 'alice-secret', userName: 'alice' },
      { accessKeyId: 'ASIAROLEEXAMPLE00000', secretAccessKey: 'role-secret', sessionToken: 'role-token', userName: 'Deployer' },
    ];
    const emulator = await emulatorForTest({ credentials: keys });
    expect((await stsFor(emulator.url, keys[0]!).send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/alice');
    expect((await stsFor(emulator.url, keys[1]!).send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/healthlake-wizard');
  });

  it('rejects a key it does not know, with the error STS clients parse', async () => {
    const emulator = await emulatorForTest();
    const error = await stsFor(emulator.url, { accessKeyId: 'AKIDUNKNOWNEXAMPLE00', secretAccessKey: 'x' })
      .send(new GetCallerIdentityCommand({}))
      .then(() => undefined, (caught: unknown) => caught as { name: string; $metadata: { httpStatusCode: number } });
    expect(error?.name).toBe('InvalidClientTokenId');
    expect(error?.$metadata.httpStatusCode).toBe(403);
  });

  it('a wrong secret fails the SigV4 check scoped to sts (SignatureDoesNotMatch, as STS names it)', async () => {
    const emulator = await emulatorForTest();
    const error = await stsFor(emulator.url, { ...SANDBOX_CREDENTIALS, secretAccessKey: 'wrong' })
      .send(new GetCallerIdentityCommand({}))
      .then(() => undefined, (caught: unknown) => caught as { name: string });
    expect(error?.name).toBe('SignatureDoesNotMatch');
  });
});

describe('STS AssumeRole', () => {
  it('issues temporary credentials for a role of the account, accepted afterwards as that role', async () => {
    const emulator = await emulatorForTest();
    const assumed = await stsFor(emulator.url, { ...SANDBOX_CREDENTIALS }).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Deployer', RoleSessionName: 'ci-run', DurationSeconds: 900 }));
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/ci-run');
    const issued = assumed.Credentials!;
    expect(issued.AccessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(issued.Expiration!.getTime() - Date.now()).toBeGreaterThan(800_000);
    const asRole = stsFor(emulator.url, { accessKeyId: issued.AccessKeyId!, secretAccessKey: issued.SecretAccessKey!, sessionToken: issued.SessionToken! });
    expect((await asRole.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/ci-run');
    expect(emulator.requests).toMatchObject({ AssumeRole: 1, GetCallerIdentity: 1 });
  });

  it("refuses a role of another account, naming RoleArn and the account's own form", async () => {
    const emulator = await emulatorForTest();
    const error = await stsFor(emulator.url, { ...SANDBOX_CREDENTIALS })
      .send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::999999999999:role/Other', RoleSessionName: 'ci-run' }))
      .then(() => undefined, (caught: unknown) => caught as { name: string; message: string });
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain('RoleArn must be a role of account 123456789012, such as arn:aws:iam::123456789012:role/NAME');
  });
});
