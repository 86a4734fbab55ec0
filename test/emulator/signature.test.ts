/** SigV4: requests signed wrongly, with an unknown key, or at a stale date are rejected as AWS rejects them. */
import { ListFHIRDatastoresCommand } from '@aws-sdk/client-healthlake';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { clientFor, emulatorForTest, rejectionOf } from './emulator-fixture.js';
import { sendRaw } from './raw-request.js';

const list = new ListFHIRDatastoresCommand({});

describe('SigV4 verification', () => {
  it('accepts the SDK signing with the configured credentials', async () => {
    const emulator = await emulatorForTest();
    const answer = await clientFor(emulator).send(list);
    expect(answer.DatastorePropertiesList).toEqual([]);
  });

  it('rejects a wrong secret with InvalidSignatureException (403)', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator, { credentials: { accessKeyId: SANDBOX_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    const error = await rejectionOf(client.send(list));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
  });

  it('rejects an unknown access key with UnrecognizedClientException (403)', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } });
    const error = await rejectionOf(client.send(list));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it('rejects a request signed for another region', async () => {
    const emulator = await emulatorForTest({ region: 'us-east-1' });
    const error = await rejectionOf(clientFor(emulator, { region: 'eu-west-1', maxAttempts: 1 }).send(list));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toContain("'eu-west-1'");
  });

  it('rejects a stale date ("Signature expired"); the SDK then corrects its clock from Date and succeeds', async () => {
    const emulator = await emulatorForTest();
    const once = clientFor(emulator, { systemClockOffset: -10 * 60 * 1000, maxAttempts: 1 });
    const error = await rejectionOf(once.send(list));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);

    const future = await rejectionOf(clientFor(emulator, { systemClockOffset: 10 * 60 * 1000, maxAttempts: 1 }).send(list));
    expect(future.message).toMatch(/^Signature not yet current/);

    const retrying = clientFor(emulator, { systemClockOffset: -10 * 60 * 1000 });
    const answer = await retrying.send(list);
    expect(answer.$metadata.attempts).toBe(2);
  });

  it('answers MissingAuthenticationTokenException without an Authorization header', async () => {
    const emulator = await emulatorForTest();
    const answer = await sendRaw(emulator, { target: 'HealthLake.ListFHIRDatastores', sign: false });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('rejects a body changed after signing', async () => {
    const emulator = await emulatorForTest();
    const answer = await sendRaw(emulator, {
      target: 'HealthLake.CreateFHIRDatastore',
      body: '{"DatastoreTypeVersion":"R4","DatastoreName":"a"}',
      afterSigning: (request) => {
        request.body = '{"DatastoreTypeVersion":"R4","DatastoreName":"b"}';
      },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.__type).toBe('InvalidSignatureException');
    expect(emulator.datastores()).toHaveLength(0);
  });

  it('rejects a signed header changed after signing', async () => {
    const emulator = await emulatorForTest();
    const answer = await sendRaw(emulator, {
      target: 'HealthLake.ListFHIRDatastores',
      afterSigning: (request) => {
        request.headers['x-amz-target'] = 'HealthLake.DescribeFHIRDatastore';
      },
    });
    expect(answer.body.__type).toBe('InvalidSignatureException');
  });

  it('accepts session credentials when configured, and only with their token', async () => {
    const session = { accessKeyId: 'ASIASESSIONEXAMPLE01', secretAccessKey: 'session-secret', sessionToken: 'session-token-1' };
    const emulator = await emulatorForTest({ credentials: [session] });
    expect((await clientFor(emulator, { credentials: { ...session } }).send(list)).DatastorePropertiesList).toEqual([]);
    const wrongToken = await rejectionOf(clientFor(emulator, { credentials: { ...session, sessionToken: 'other' } }).send(list));
    expect(wrongToken.name).toBe('UnrecognizedClientException');
    const noToken = await rejectionOf(clientFor(emulator, { credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey } }).send(list));
    expect(noToken.name).toBe('UnrecognizedClientException');
  });

  it('accepts anything with verifySignatures: false', async () => {
    const emulator = await emulatorForTest({ verifySignatures: false });
    const answer = await sendRaw(emulator, { target: 'HealthLake.ListFHIRDatastores', sign: false });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ DatastorePropertiesList: [] });
  });
});
