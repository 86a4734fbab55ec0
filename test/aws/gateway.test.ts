/** The gateway with the real SDK over real HTTP against the emulator on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createGateway, type GatewayDeps } from '../../src/aws/gateway.js';
import { FriendlyFailure } from '../../src/aws/errors.js';
import type { GlobalOptions } from '../../src/options.js';
import type { StatusEvent } from '../../src/aws/types.js';
import { memoryStore } from './memory-store.js';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, createDelayMs: 150, faults: { seed: 7 } });
});
afterEach(async () => {
  await emulator.stop();
});

const FAST = { afterCheck: () => 40, afterError: () => 40 };

function gatewayFor(options: GlobalOptions = {}, deps: GatewayDeps = {}) {
  const store = memoryStore();
  const gateway = createGateway(
    { endpointUrl: emulator.url, region: emulator.region, ...options },
    { credentials: { ...SANDBOX_CREDENTIALS }, env: {}, schedule: FAST, store, ...deps },
  );
  return { gateway, store };
}

async function collect(events: AsyncIterable<StatusEvent>): Promise<StatusEvent[]> {
  const out: StatusEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<FriendlyFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof FriendlyFailure)) throw new Error(`expected a FriendlyFailure, got ${String(error)}`);
  return error;
}

describe('gateway against the emulator', () => {
  it('creates, watches to ACTIVE, and records the journal, then the history, then clears the journal', async () => {
    const { gateway, store } = gatewayFor();
    expect(await gateway.target()).toEqual({ region: 'us-east-1', endpoint: emulator.url, sandbox: false });
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'first' });
    expect(created.DatastoreStatus).toBe('CREATING');
    expect(created.DatastoreId).toMatch(/^[a-f0-9]{32}$/);
    const events = await collect(gateway.watch(created.DatastoreId));
    expect(events[0]).toMatchObject({ type: 'status', properties: { DatastoreStatus: 'CREATING' } });
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'active', properties: { DatastoreStatus: 'ACTIVE', DatastoreName: 'first' } });
    const token = emulator.datastores()[0]!.clientToken!;
    expect(store.events).toEqual([`journal.begin ${token}`, `history.add ${created.DatastoreId}`, `journal.complete ${token}`]);
    expect(store.history.list()[0]).toMatchObject({ datastoreId: created.DatastoreId, datastoreName: 'first', sandbox: false, lastStatus: 'ACTIVE', serviceEndpoint: emulator.url });
  });

  it('ends CREATE_FAILED with its cause', async () => {
    const { gateway } = gatewayFor();
    const created = await gateway.create({
      DatastoreTypeVersion: 'R4',
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/healthlake-wizard-fail' } },
    });
    const last = (await collect(gateway.watch(created.DatastoreId))).at(-1);
    expect(last).toMatchObject({ type: 'done', outcome: 'failed', properties: { DatastoreStatus: 'CREATE_FAILED' } });
    expect(last?.type === 'done' && last.properties.ErrorCause?.ErrorMessage).toBeTruthy();
  });

  it('rides out a throttling storm and 5xx bursts during create (SDK retries with backoff, AWS_MAX_ATTEMPTS=5)', async () => {
    // Four faults need five attempts: more than the AWS CLI's default of three, so the user's setting is what saves it.
    const { gateway } = gatewayFor({}, { env: { AWS_MAX_ATTEMPTS: '5' } });
    emulator.faults.schedule('throttle', 2, 'CreateFHIRDatastore');
    emulator.faults.schedule('error', 2, 'CreateFHIRDatastore');
    const created = await gateway.create({ DatastoreTypeVersion: 'R4' });
    expect(emulator.faults.injected).toMatchObject({ throttle: 2, error: 2 });
    expect(emulator.datastores().map((store) => store.id)).toEqual([created.DatastoreId]);
  });

  it('reports throttling and 5xx during polling as transient-error events and still reaches ACTIVE', async () => {
    const { gateway } = gatewayFor({}, { maxAttempts: 1 });
    const created = await gateway.create({ DatastoreTypeVersion: 'R4' });
    emulator.faults.schedule('throttle', 2, 'DescribeFHIRDatastore');
    emulator.faults.schedule('error', 2, 'DescribeFHIRDatastore');
    const events = await collect(gateway.watch(created.DatastoreId));
    const transient = events.flatMap((event) => (event.type === 'transient-error' ? [event.error.code] : []));
    expect(transient).toEqual(['Throttling', 'Throttling', 'ServiceUnavailable', 'ServiceUnavailable']);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'active' });
  });

  it('survives connection resets during create and polling; one data store exists', async () => {
    const { gateway } = gatewayFor({}, { maxAttempts: 3 });
    emulator.faults.schedule('reset', 2);
    const created = await gateway.create({ DatastoreTypeVersion: 'R4' });
    emulator.faults.schedule('reset', 3, 'DescribeFHIRDatastore');
    const events = await collect(gateway.watch(created.DatastoreId));
    expect(events.some((event) => event.type === 'transient-error' && event.error.code === 'ConnectionReset')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'active' });
    expect(emulator.datastores()).toHaveLength(1);
  });

  it('turns latency over --cli-read-timeout into a friendly time-out, keeping the submission pending', async () => {
    const { gateway, store } = gatewayFor({ cliReadTimeout: 0.2 }, { maxAttempts: 1 });
    emulator.faults.set({ latencyMs: 1000 });
    const failure = await rejection(gateway.create({ DatastoreTypeVersion: 'R4' }));
    expect(failure.friendly).toMatchObject({ code: 'Timeout', exitCode: 255, transient: true });
    expect(failure.friendly.fix).toContain('--cli-read-timeout');
    expect(store.journal.pending()).toHaveLength(1);
  });

  it('after a lost response, resume() reuses the token: exactly one data store', async () => {
    const { gateway, store } = gatewayFor({}, { maxAttempts: 1 });
    emulator.faults.set({ loseCreateResponse: 1 });
    const failure = await rejection(gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'lost' }));
    expect(failure.friendly.transient).toBe(true);
    expect(emulator.datastores()).toHaveLength(1);
    const [pending] = store.journal.pending();
    expect(pending?.clientToken).toBe(emulator.datastores()[0]!.clientToken);
    const resumed = await gateway.resume(pending!);
    expect(resumed.DatastoreId).toBe(emulator.datastores()[0]!.id);
    expect(emulator.datastores()).toHaveLength(1);
    expect(store.journal.pending()).toEqual([]);
    expect(store.history.list().map((entry) => entry.datastoreId)).toEqual([resumed.DatastoreId]);
  });

  it("after a lost response, the SDK's own retry reuses the token: exactly one data store", async () => {
    const { gateway } = gatewayFor();
    emulator.faults.set({ loseCreateResponse: 1 });
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', ClientToken: 'given-token-1' });
    expect(emulator.datastores()).toEqual([expect.objectContaining({ id: created.DatastoreId, clientToken: 'given-token-1' })]);
  });

  it('a created data store is reported as created when the history cannot be written; its journal entry stays', async () => {
    const warnings: string[] = [];
    const { gateway, store } = gatewayFor({}, { warn: (message) => warnings.push(message) });
    store.history.add = () => {
      throw new Error('history.json was written by a newer healthlake-wizard');
    };
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', ClientToken: 'kept-token-1' });
    expect(emulator.datastores().map((d) => d.id)).toEqual([created.DatastoreId]);
    expect(warnings).toEqual([expect.stringContaining(`The data store ${created.DatastoreId} was created, but the history could not be updated`)]);
    // Not cleared before the outcome is recorded: resending the token returns the same data store.
    expect(store.journal.pending().map((entry) => entry.clientToken)).toEqual(['kept-token-1']);
    const again = await gateway.resume(store.journal.pending()[0]!);
    expect(again.DatastoreId).toBe(created.DatastoreId);
    expect(emulator.datastores()).toHaveLength(1);
  });

  it("with journal 'required' and no store, create sends nothing (JournalUnavailable, exit 253)", async () => {
    const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {}, journal: 'required' });
    const failure = await rejection(gateway.create({ DatastoreTypeVersion: 'R4' }));
    expect(failure.friendly).toMatchObject({ code: 'JournalUnavailable', exitCode: 253 });
    expect(failure.friendly.fix).toContain('--no-journal');
    expect(emulator.requests.CreateFHIRDatastore ?? 0).toBe(0);
  });

  it("with journal 'skip', create journals nothing but still records the history", async () => {
    const { gateway, store } = gatewayFor({}, { journal: 'skip' });
    const created = await gateway.create({ DatastoreTypeVersion: 'R4' });
    expect(store.events).toEqual([`history.add ${created.DatastoreId}`]);
  });

  it('never takes over a ClientToken pending for another target or request: the original entry is kept', async () => {
    const { gateway, store } = gatewayFor();
    const elsewhere = { clientToken: 'pending-token-1', request: { DatastoreTypeVersion: 'R4' as const, ClientToken: 'pending-token-1' }, target: { region: 'eu-west-1', sandbox: false }, startedAt: '2026-01-01T00:00:00.000Z' };
    store.journal.begin(elsewhere);
    const failure = await rejection(gateway.create({ DatastoreTypeVersion: 'R4', ClientToken: 'pending-token-1' }));
    expect(failure.friendly).toMatchObject({ code: 'ClientTokenPending', exitCode: 252, field: 'ClientToken' });
    expect(failure.friendly.message).toContain('eu-west-1');
    expect(store.journal.pending()).toEqual([elsewhere]);
    expect(emulator.requests.CreateFHIRDatastore ?? 0).toBe(0);
  });

  it('a validation error is final: friendly, mapped to a field, and not left pending', async () => {
    const { gateway, store } = gatewayFor();
    const failure = await rejection(gateway.create({ DatastoreTypeVersion: 'R5' as 'R4' }));
    expect(failure.friendly).toMatchObject({ code: 'Validation', exitCode: 254, field: 'DatastoreTypeVersion' });
    expect(store.journal.pending()).toEqual([]);
  });

  it('wrong credentials and an unknown id give friendly errors', async () => {
    const { gateway } = gatewayFor({}, { credentials: { accessKeyId: SANDBOX_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' } });
    expect((await rejection(gateway.describe('0'.repeat(32)))).friendly).toMatchObject({ code: 'InvalidCredentials', exitCode: 254 });
    const good = gatewayFor().gateway;
    expect((await rejection(good.describe('0'.repeat(32)))).friendly).toMatchObject({ code: 'NotFound', exitCode: 254 });
  });

  it('--no-sign-request sends no Authorization header and loads no credentials', async () => {
    const { gateway } = gatewayFor({ noSignRequest: true }, { credentials: undefined, maxAttempts: 1 });
    const failure = await rejection(gateway.describe('0'.repeat(32)));
    // The emulator checks signatures: an unsigned request is refused as AWS refuses it, not "no credentials".
    expect(failure.friendly.code).not.toBe('NoCredentials');
    expect(failure.friendly.exitCode).toBe(254);
    expect(failure.friendly.message).toMatch(/auth|sign|token/i);
  });

  it('an unreachable endpoint is named in the error (255)', async () => {
    const url = emulator.url;
    await emulator.stop();
    const { gateway } = gatewayFor({ endpointUrl: url }, { maxAttempts: 1 });
    const failure = await rejection(gateway.describe('0'.repeat(32)));
    expect(failure.friendly).toMatchObject({ code: 'EndpointUnreachable', exitCode: 255 });
    expect(failure.friendly.message).toContain(url);
    emulator = await startEmulator({ port: 0 });
  });

  it('refuses to resume a sandbox submission against AWS', async () => {
    const { gateway } = gatewayFor();
    const failure = await rejection(
      gateway.resume({ clientToken: 't', request: { DatastoreTypeVersion: 'R4' }, target: { region: 'us-east-1', sandbox: true }, startedAt: new Date().toISOString() }),
    );
    expect(failure.friendly.code).toBe('TargetMismatch');
    expect(emulator.requests.CreateFHIRDatastore ?? 0).toBe(0);
  });
});
