/** Fault injection, seen from the real SDK: throttling, 5xx, resets, latency and a lost create response. */
import {
  CreateFHIRDatastoreCommand,
  InternalServerException,
  ListFHIRDatastoresCommand,
  ThrottlingException,
} from '@aws-sdk/client-healthlake';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { clientFor, emulatorForTest, rejectionOf, waitFor } from './emulator-fixture.js';

const list = () => new ListFHIRDatastoresCommand({});

describe('fault injection', () => {
  it('throttles the next N requests of an operation; the SDK retries through them', async () => {
    const emulator = await emulatorForTest();
    emulator.faults.schedule('throttle', 2, 'CreateFHIRDatastore');
    await clientFor(emulator).send(list()); // another operation is not affected
    const created = await clientFor(emulator).send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    expect(created.$metadata.attempts).toBe(3);
    expect(emulator.faults.injected.throttle).toBe(2);
    expect(emulator.requests.CreateFHIRDatastore).toBe(3);
    expect(emulator.datastores()).toHaveLength(1);
  });

  it('answers ThrottlingException (400) and InternalServerException (500) as modeled classes', async () => {
    const emulator = await emulatorForTest({ faults: { schedule: [{ kind: 'throttle', count: 1 }, { kind: 'error', count: 1 }] } });
    const client = clientFor(emulator, { maxAttempts: 1 });
    const throttled = await rejectionOf(client.send(list()));
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect(throttled.$metadata?.httpStatusCode).toBe(400);
    const failed = await rejectionOf(client.send(list()));
    expect(failed).toBeInstanceOf(InternalServerException);
    expect(failed.$metadata?.httpStatusCode).toBe(500);
    expect((await client.send(list())).DatastorePropertiesList).toEqual([]);
  });

  it('rates are seeded: the same seed gives the same faults; rate 1 faults every request', async () => {
    const pattern = async (seed: number) => {
      const emulator = await emulatorForTest({ faults: { errorRate: 0.5, seed } });
      const client = clientFor(emulator, { maxAttempts: 1 });
      const outcomes: string[] = [];
      for (let index = 0; index < 12; index += 1) {
        outcomes.push(await client.send(list()).then(() => 'ok', (error: Error) => error.name));
      }
      return outcomes;
    };
    const first = await pattern(7);
    expect(await pattern(7)).toEqual(first);
    expect(first).toContain('ok');
    expect(first).toContain('InternalServerException');

    const emulator = await emulatorForTest({ faults: { throttleRate: 1 } });
    const error = await rejectionOf(clientFor(emulator, { maxAttempts: 2 }).send(list()));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(emulator.faults.injected.throttle).toBe(2);
    emulator.faults.clear();
    expect((await clientFor(emulator).send(list())).$metadata.attempts).toBe(1);
  });

  it('resets connections: the client sees a network error', async () => {
    const emulator = await emulatorForTest();
    emulator.faults.set({ schedule: [{ kind: 'reset', count: 1 }] });
    const error = await rejectionOf(clientFor(emulator, { maxAttempts: 1 }).send(list()));
    expect(error.name === 'TimeoutError' || /ECONNRESET|socket hang up/.test(`${error.code} ${error.message}`)).toBe(true);
    expect(emulator.faults.injected.reset).toBe(1);
    // With retries on, the SDK rides over a reset.
    emulator.faults.schedule('reset', 1);
    expect((await clientFor(emulator).send(list())).$metadata.attempts).toBe(2);
  });

  it('adds latency; a client read time-out shorter than it fails, and latency can be removed while running', async () => {
    const emulator = await emulatorForTest({ faults: { latencyMs: 400 } });
    const impatient = clientFor(emulator, { maxAttempts: 1, requestHandler: { socketTimeout: 100 } });
    const error = await rejectionOf(impatient.send(list()));
    expect(error.name).toBe('TimeoutError');
    const started = Date.now();
    await clientFor(emulator).send(list());
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    emulator.faults.set({ latencyMs: 0 });
    expect(emulator.faults.current().latencyMs).toBe(0);
    expect((await impatient.send(list())).DatastorePropertiesList).toEqual([]);
  });

  it('loses the response after creating; a retry with the same ClientToken finds the same single data store', async () => {
    const emulator = await emulatorForTest({ faults: { loseCreateResponse: 1 } });
    expect(emulator.faults.current().loseCreateResponse).toBe(1);
    const client = clientFor(emulator, { maxAttempts: 1 });
    const input = { DatastoreTypeVersion: 'R4' as const, DatastoreName: 'lost', ClientToken: 'lost-response-token' };
    const error = await rejectionOf(client.send(new CreateFHIRDatastoreCommand(input)));
    expect(error).not.toBeInstanceOf(InternalServerException);
    expect(error.$metadata?.httpStatusCode).toBeUndefined(); // a network error, not an HTTP answer
    expect(emulator.datastores()).toHaveLength(1);

    const retried = await client.send(new CreateFHIRDatastoreCommand(input));
    expect(retried.DatastoreId).toBe(emulator.datastores()[0]!.id);
    expect(emulator.datastores()).toHaveLength(1);
    expect(emulator.faults.injected['lose-create-response']).toBe(1);
  });

  it('with SDK retries, a lost create response still yields exactly one data store (same auto-generated token)', async () => {
    const emulator = await emulatorForTest({ faults: { loseCreateResponse: 2 } });
    const created = await clientFor(emulator).send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    expect(created.$metadata.attempts).toBe(3);
    expect(emulator.datastores().map((d) => d.id)).toEqual([created.DatastoreId]);
  });

  it('stop() closes promptly even with a request waiting on latency', async () => {
    const emulator = await startEmulator({ faults: { latencyMs: 60_000 } });
    const client = clientFor(emulator, { maxAttempts: 1 });
    const pending = client.send(list()).catch((error: Error) => error);
    await waitFor(() => emulator.requests.ListFHIRDatastores, 'the request to reach the emulator');
    const started = Date.now();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('rejects invalid fault settings', () => {
    return expect(startEmulator({ faults: { throttleRate: 2 } })).rejects.toThrow(/throttleRate must be between 0 and 1/);
  });
});
