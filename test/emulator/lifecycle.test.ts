/** Create, watch, fail, delete and idempotency, through the real SDK over HTTP. */
import {
  ConflictException,
  CreateFHIRDatastoreCommand,
  DeleteFHIRDatastoreCommand,
  DescribeFHIRDatastoreCommand,
  ResourceNotFoundException,
  ValidationException,
  waitUntilFHIRDatastoreActive,
} from '@aws-sdk/client-healthlake';
import { describe, expect, it } from 'vitest';
import { clientFor, emulatorForTest, rejectionOf, waitFor } from './emulator-fixture.js';

describe('data store lifecycle', () => {
  it('creates a data store that becomes ACTIVE, with the full properties and the request kept', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 100, accountId: '111122223333', region: 'eu-west-2' });
    const client = clientFor(emulator);
    const before = Date.now();
    const created = await client.send(
      new CreateFHIRDatastoreCommand({
        DatastoreName: 'Pacientes Ñandú',
        DatastoreTypeVersion: 'R4',
        PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
        ClientToken: 'token-1',
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    );
    expect(created.DatastoreStatus).toBe('CREATING');
    expect(created.DatastoreId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.DatastoreArn).toBe(`arn:aws:healthlake:eu-west-2:111122223333:datastore/fhir/${created.DatastoreId}`);
    expect(created.DatastoreEndpoint).toBe(`https://healthlake.eu-west-2.amazonaws.com/datastore/${created.DatastoreId}/r4/`);

    const active = await waitFor(async () => {
      const { DatastoreProperties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId: created.DatastoreId }));
      return DatastoreProperties?.DatastoreStatus === 'ACTIVE' ? DatastoreProperties : undefined;
    }, 'ACTIVE');
    expect(active).toMatchObject({
      DatastoreName: 'Pacientes Ñandú',
      DatastoreTypeVersion: 'R4',
      PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } },
      IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH' },
    });
    // CreatedAt travels as epoch seconds and the SDK turns it into a Date.
    expect(active.CreatedAt).toBeInstanceOf(Date);
    expect(active.CreatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(active.CreatedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const [kept] = emulator.datastores();
    expect(kept!.request).toEqual({
      DatastoreName: 'Pacientes Ñandú',
      DatastoreTypeVersion: 'R4',
      PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
      ClientToken: 'token-1',
      Tags: [{ Key: 'team', Value: 'data' }],
    });
  });

  it('works with the SDK waiter FHIRDatastoreActive', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 200 });
    const client = clientFor(emulator);
    const { DatastoreId } = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    const result = await waitUntilFHIRDatastoreActive({ client, maxWaitTime: 20, minDelay: 1, maxDelay: 1 }, { DatastoreId });
    expect(result.state).toBe('SUCCESS');
  });

  it('ends CREATE_FAILED with an ErrorCause for alias/healthlake-wizard-fail (a sandbox key whose policy lacks kms:CreateGrant)', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 50 });
    const client = clientFor(emulator);
    const { DatastoreId } = await client.send(
      new CreateFHIRDatastoreCommand({
        DatastoreTypeVersion: 'R4',
        SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/healthlake-wizard-fail' } },
      }),
    );
    const failed = await waitFor(async () => {
      const { DatastoreProperties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId }));
      return DatastoreProperties?.DatastoreStatus === 'CREATE_FAILED' ? DatastoreProperties : undefined;
    }, 'CREATE_FAILED');
    expect(failed.ErrorCause?.ErrorCategory).toBe('NON_RETRYABLE_ERROR');
    expect(failed.ErrorCause?.ErrorMessage).toContain('alias/healthlake-wizard-fail');
    expect(failed.SseConfiguration?.KmsEncryptionConfig?.KmsKeyId).toBe('alias/healthlake-wizard-fail');
  });

  it('a customer managed key HealthLake can use (a fixture key) does not fail', async () => {
    const emulator = await emulatorForTest({ createDelayMs: 0 });
    const client = clientFor(emulator);
    const { DatastoreId } = await client.send(
      new CreateFHIRDatastoreCommand({
        DatastoreTypeVersion: 'R4',
        SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-usable' } },
      }),
    );
    const { DatastoreProperties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId }));
    expect(DatastoreProperties?.DatastoreStatus).toBe('ACTIVE');
  });

  it('follows an injected clock: DELETING -> DELETED, and DELETED stays describable', async () => {
    let now = Date.now();
    const emulator = await emulatorForTest({ createDelayMs: 60_000, deleteDelayMs: 60_000, now: () => now });
    const client = clientFor(emulator, { systemClockOffset: 0 });
    const { DatastoreId } = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));

    const early = await rejectionOf(client.send(new DeleteFHIRDatastoreCommand({ DatastoreId })));
    expect(early).toBeInstanceOf(ConflictException);
    expect(early.message).toContain('CREATING');

    now += 60_000;
    const describe = async () => (await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId }))).DatastoreProperties?.DatastoreStatus;
    expect(await describe()).toBe('ACTIVE');
    const deleted = await client.send(new DeleteFHIRDatastoreCommand({ DatastoreId }));
    expect(deleted.DatastoreStatus).toBe('DELETING');
    expect(await describe()).toBe('DELETING');
    now += 60_000;
    expect(await describe()).toBe('DELETED');
    expect(emulator.datastores()[0]!.status).toBe('DELETED');
  });

  it('answers ResourceNotFoundException for an unknown id', async () => {
    const emulator = await emulatorForTest();
    const error = await rejectionOf(clientFor(emulator).send(new DescribeFHIRDatastoreCommand({ DatastoreId: 'a'.repeat(32) })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('ClientToken idempotency', () => {
  it('the same token and request return the same data store; only one exists', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const input = { DatastoreTypeVersion: 'R4' as const, DatastoreName: 'once', ClientToken: 'same-token' };
    const first = await client.send(new CreateFHIRDatastoreCommand(input));
    const second = await client.send(new CreateFHIRDatastoreCommand({ ...input }));
    expect(second.DatastoreId).toBe(first.DatastoreId);
    expect(emulator.datastores()).toHaveLength(1);
  });

  it('the same token with a different request is a ValidationException naming ClientToken', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'a', ClientToken: 'tok' }));
    const error = await rejectionOf(client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'b', ClientToken: 'tok' })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/ClientToken.*idempotency/);
    expect(emulator.datastores()).toHaveLength(1);
  });

  it('different tokens create different data stores', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const a = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    const b = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    expect(a.DatastoreId).not.toBe(b.DatastoreId);
    expect(emulator.datastores()).toHaveLength(2);
  });
});

describe('server-side validation', () => {
  it('maps spec validation errors to ValidationException with the field and rule', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const error = await rejectionOf(
      client.send(
        new CreateFHIRDatastoreCommand({
          DatastoreTypeVersion: 'R4',
          DatastoreName: 'bad#name',
          Tags: [{ Key: '', Value: 'x' }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/^2 validation errors detected/);
    expect(error.message).toContain('DatastoreName');
    expect(error.message).toContain('rule: pattern');
    expect(error.message).toContain('Tags[0].Key');
    expect(emulator.datastores()).toHaveLength(0);
  });

  it('rejects by the cross-field rules the spec declares (unique tag keys, what a SMART strategy needs)', async () => {
    const emulator = await emulatorForTest();
    const error = await rejectionOf(
      clientFor(emulator).send(
        new CreateFHIRDatastoreCommand({
          DatastoreTypeVersion: 'R4',
          Tags: [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }],
          IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', IdpLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder' },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain('Tags[1].Key: Tag key "team" is used twice (Tags[0] and Tags[1]). (rule: duplicate)');
    expect(error.message).toContain('IdentityProviderConfiguration.Metadata: SMART_ON_FHIR needs Metadata describing your authorization server. (rule: depends-on)');
    expect(emulator.datastores()).toHaveLength(0);
  });

  it('does not reject for warnings (a KMS key id with an AWS owned key)', async () => {
    const emulator = await emulatorForTest();
    const created = await clientFor(emulator).send(
      new CreateFHIRDatastoreCommand({
        DatastoreTypeVersion: 'R4',
        SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY', KmsKeyId: 'alias/ignored' } },
      }),
    );
    expect(created.DatastoreId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('checks DatastoreId against the model (1..32 characters)', async () => {
    const emulator = await emulatorForTest();
    const error = await rejectionOf(clientFor(emulator).send(new DescribeFHIRDatastoreCommand({ DatastoreId: 'x'.repeat(33) })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain('DatastoreId');
    expect(error.message).toContain('1 to 32');
  });
});
