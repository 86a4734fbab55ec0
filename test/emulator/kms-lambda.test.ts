/**
 * KMS and Lambda on the emulator's port, as the real SDK clients see them: the read-only calls over the default
 * fixtures (and a fixture file), the SigV4 check scoped to each service, AccessDenied where the fixtures say,
 * and creations that end CREATE_FAILED by the same rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, ListAliasesCommand, ListGrantsCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetFunctionCommand, GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CreateFHIRDatastoreCommand, DescribeFHIRDatastoreCommand } from '@aws-sdk/client-healthlake';
import { afterEach, describe, expect, it } from 'vitest';
import { FixturesError, SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { clientFor, emulatorForTest, rejectionOf } from './emulator-fixture.js';

const clients: { destroy(): void }[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function kmsFor(emulator: RunningEmulator, credentials = { ...SANDBOX_CREDENTIALS }): KMSClient {
  const client = new KMSClient({ endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

function lambdaFor(emulator: RunningEmulator, credentials = { ...SANDBOX_CREDENTIALS }): LambdaClient {
  const client = new LambdaClient({ endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

describe('KMS', () => {
  it('describes a key by alias, id or ARN, with its state and spec', async () => {
    const emulator = await emulatorForTest();
    const kms = kmsFor(emulator);
    const byAlias = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sandbox-usable' }));
    expect(byAlias.KeyMetadata).toMatchObject({ KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', KeyManager: 'CUSTOMER', Enabled: true });
    expect(byAlias.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    const arn = byAlias.KeyMetadata!.Arn!;
    expect(arn).toBe(`arn:aws:kms:us-east-1:123456789012:key/${byAlias.KeyMetadata!.KeyId}`);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata?.KeyId).toBe(byAlias.KeyMetadata?.KeyId);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sandbox-disabled' }))).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sandbox-asymmetric' }))).KeyMetadata).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(emulator.requests.DescribeKey).toBe(4);
  });

  it('answers NotFoundException for an unknown alias and for a key of another Region', async () => {
    const emulator = await emulatorForTest();
    const kms = kmsFor(emulator);
    const alias = await rejectionOf(kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' })));
    expect(alias.name).toBe('NotFoundException');
    expect(alias.message).toContain('alias/nope is not found');
    const elsewhere = await rejectionOf(kms.send(new DescribeKeyCommand({ KeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1b2c3d4e-0000-4000-8000-000000000001' })));
    expect(elsewhere.name).toBe('NotFoundException');
  });

  it('lists keys and aliases, page by page', async () => {
    const emulator = await emulatorForTest();
    const kms = kmsFor(emulator);
    const keys = await kms.send(new ListKeysCommand({}));
    expect(keys.Keys).toHaveLength(4);
    const first = await kms.send(new ListAliasesCommand({ Limit: 2 }));
    expect(first.Aliases).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const rest = await kms.send(new ListAliasesCommand({ Limit: 10, Marker: first.NextMarker }));
    expect(rest.Truncated).toBe(false);
    const names = [...first.Aliases!, ...rest.Aliases!].map((alias) => alias.AliasName);
    expect(names).toEqual(['alias/healthlake-wizard-fail', 'alias/sandbox-asymmetric', 'alias/sandbox-disabled', 'alias/sandbox-no-grant', 'alias/sandbox-usable']);
    const usable = keys.Keys!.find((key) => key.KeyId === '1b2c3d4e-0000-4000-8000-000000000001');
    expect((await kms.send(new ListAliasesCommand({ KeyId: usable!.KeyId }))).Aliases?.map((alias) => alias.TargetKeyId)).toEqual([usable!.KeyId]);
  });

  it('gives the key policy and grants to a caller the policy allows, and AccessDenied to one it does not', async () => {
    const stranger = { accessKeyId: 'AKIDSTRANGEREXAMPLE0', secretAccessKey: 'stranger-secret', userName: 'stranger' };
    const emulator = await emulatorForTest({ credentials: [SANDBOX_CREDENTIALS, stranger] });
    const policy = await kmsFor(emulator).send(new GetKeyPolicyCommand({ KeyId: '1b2c3d4e-0000-4000-8000-000000000004', PolicyName: 'default' }));
    const document = JSON.parse(policy.Policy!) as { Statement: { Action: string[] }[] };
    expect(document.Statement.flatMap((statement) => statement.Action)).not.toContain('kms:CreateGrant');
    expect((await kmsFor(emulator).send(new ListGrantsCommand({ KeyId: '1b2c3d4e-0000-4000-8000-000000000004' }))).Grants).toEqual([]);
    const denied = await rejectionOf(kmsFor(emulator, stranger).send(new GetKeyPolicyCommand({ KeyId: '1b2c3d4e-0000-4000-8000-000000000004' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('arn:aws:iam::123456789012:user/stranger is not authorized to perform: kms:GetKeyPolicy');
  });

  it('checks the signature for service kms', async () => {
    const emulator = await emulatorForTest();
    const error = await rejectionOf(kmsFor(emulator, { ...SANDBOX_CREDENTIALS, secretAccessKey: 'wrong' }).send(new ListKeysCommand({})));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});

describe('Lambda', () => {
  it('gets and lists functions, and gives the resource policy that lets HealthLake invoke', async () => {
    const emulator = await emulatorForTest();
    const lambda = lambdaFor(emulator);
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'sandbox-token-decoder' }));
    expect(fn.Configuration).toMatchObject({ FunctionName: 'sandbox-token-decoder', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder', State: 'Active' });
    const byArn = await lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder:$LATEST' }));
    expect(byArn.Configuration?.FunctionName).toBe('sandbox-token-decoder');
    const listed = await lambda.send(new ListFunctionsCommand({ MaxItems: 1 }));
    expect(listed.Functions).toHaveLength(1);
    const next = await lambda.send(new ListFunctionsCommand({ Marker: listed.NextMarker }));
    expect([...listed.Functions!, ...next.Functions!].map((f) => f.FunctionName)).toEqual(['sandbox-token-decoder', 'sandbox-token-decoder-no-permission']);
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: fn.Configuration!.FunctionArn }))).Policy!) as { Statement: { Principal: unknown }[] };
    expect(policy.Statement[0]!.Principal).toEqual({ Service: 'healthlake.amazonaws.com' });
    expect(emulator.requests).toMatchObject({ GetFunction: 2, ListFunctions: 2, GetPolicy: 1 });
  });

  it('answers ResourceNotFoundException for a missing function or policy, and for another account', async () => {
    const emulator = await emulatorForTest();
    const lambda = lambdaFor(emulator);
    const missing = await rejectionOf(lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
    expect((await rejectionOf(lambda.send(new GetPolicyCommand({ FunctionName: 'sandbox-token-decoder-no-permission' })))).name).toBe('ResourceNotFoundException');
    expect((await rejectionOf(lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:sandbox-token-decoder' })))).name).toBe('ResourceNotFoundException');
  });

  it('checks the signature for service lambda', async () => {
    const emulator = await emulatorForTest();
    const error = await rejectionOf(lambdaFor(emulator, { accessKeyId: 'AKIDUNKNOWNEXAMPLE00', secretAccessKey: 'x' }).send(new ListFunctionsCommand({})));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});

describe('fixtures', () => {
  it('reads a fixture file: keys, functions, placeholders and AccessDenied where it says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlw-fixtures-'));
    const path = join(dir, 'fixtures.json');
    writeFileSync(path, JSON.stringify({
      kmsKeys: [{ keyId: 'k1', aliases: ['alias/team'], accessDenied: ['kms:GetKeyPolicy'] }],
      lambdaFunctions: [{ name: 'decoder', accessDenied: ['lambda:GetPolicy'] }],
      accessDenied: ['kms:ListAliases'],
    }));
    const emulator = await emulatorForTest({ fixturesPath: path, accountId: '210987654321' });
    const kms = kmsFor(emulator);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/team' }))).KeyMetadata?.Arn).toBe('arn:aws:kms:us-east-1:210987654321:key/k1');
    expect((await rejectionOf(kms.send(new GetKeyPolicyCommand({ KeyId: 'k1' })))).name).toBe('AccessDeniedException');
    expect((await rejectionOf(kms.send(new ListAliasesCommand({})))).name).toBe('AccessDeniedException');
    const denied = await rejectionOf(lambdaFor(emulator).send(new GetPolicyCommand({ FunctionName: 'decoder' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses a fixture file with a mistake, naming the entry and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlw-fixtures-'));
    const path = join(dir, 'fixtures.json');
    writeFileSync(path, JSON.stringify({ kmsKeys: [{ keyId: 'k1', keyState: 'Off' }] }));
    const error = await startEmulator({ fixturesPath: path }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FixturesError);
    expect((error as Error).message).toContain('kmsKeys[0]: keyState must be one of Enabled, Disabled');
  });
});

describe('creation follows the same rules', () => {
  async function createdWith(emulator: RunningEmulator, request: Record<string, unknown>) {
    const client = clientFor(emulator);
    const created = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', ...request } as never));
    return created.DatastoreId!;
  }

  it.each([
    ['alias/sandbox-usable', undefined],
    ['alias/sandbox-disabled', 'is Disabled'],
    ['alias/sandbox-asymmetric', 'HealthLake needs a symmetric encryption key'],
    ['alias/sandbox-no-grant', 'does not allow kms:CreateGrant, kms:GenerateDataKey, kms:Decrypt for arn:aws:iam::123456789012:user/sandbox'],
    ['alias/not-there', 'was not found in account 123456789012, Region us-east-1'],
  ])('a key %s: %s', async (KmsKeyId, failure) => {
    const emulator = await emulatorForTest({ createDelayMs: 0 });
    const id = await createdWith(emulator, { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId } } });
    const { DatastoreProperties } = await clientFor(emulator).send(new DescribeFHIRDatastoreCommand({ DatastoreId: id }));
    if (failure === undefined) {
      expect(DatastoreProperties?.DatastoreStatus).toBe('ACTIVE');
    } else {
      expect(DatastoreProperties?.DatastoreStatus).toBe('CREATE_FAILED');
      expect(DatastoreProperties?.ErrorCause).toMatchObject({ ErrorCategory: 'NON_RETRYABLE_ERROR' });
      expect(DatastoreProperties?.ErrorCause?.ErrorMessage).toContain(failure);
    }
  });

  it.each([
    ['sandbox-token-decoder', undefined],
    ['sandbox-token-decoder-no-permission', 'does not allow lambda:InvokeFunction for healthlake.amazonaws.com'],
    ['missing', 'was not found'],
  ])('a token Lambda %s: %s', async (name, failure) => {
    const emulator = await emulatorForTest({ createDelayMs: 0 });
    const metadata = JSON.stringify({ issuer: 'https://idp.example.com', authorization_endpoint: 'https://idp.example.com/authorize', token_endpoint: 'https://idp.example.com/token', capabilities: ['launch-standalone'], grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'] });
    const id = await createdWith(emulator, {
      IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR_V1', FineGrainedAuthorizationEnabled: false, Metadata: metadata, IdpLambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}` },
    });
    const { DatastoreProperties } = await clientFor(emulator).send(new DescribeFHIRDatastoreCommand({ DatastoreId: id }));
    expect(DatastoreProperties?.DatastoreStatus).toBe(failure === undefined ? 'ACTIVE' : 'CREATE_FAILED');
    if (failure !== undefined) expect(DatastoreProperties?.ErrorCause?.ErrorMessage).toContain(failure);
  });
});
