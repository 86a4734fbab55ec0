/**
 * The local HealthLake emulator: `startEmulator()` runs a control-plane server on 127.0.0.1 that the unmodified
 * AWS SDK and AWS CLI talk to. See docs/emulator.md for the behaviours (failure trigger, idempotency, faults).
 */
import { creationFailure } from './creation-rules.js';
import { DatastoreRegistry } from './datastore-registry.js';
import { DEFAULT_FIXTURES } from './default-fixtures.js';
import { loadFixtures } from './fixtures.js';
import { FaultInjector } from './fault-injector.js';
import { createEmulatorServer } from './http-server.js';
import { KmsCatalog } from './kms.js';
import { LambdaCatalog } from './lambda.js';
import { SharedStateFile } from './state-file.js';
import type { EmulatorCredentials, EmulatorOptions, RunningEmulator } from './types.js';

export type * from './types.js';
export { DELETED_RETENTION_MS } from './datastore-registry.js';
export { StateFileError } from './state-file.js';
export { DEFAULT_FIXTURES } from './default-fixtures.js';
export { FixturesError, checkFixtures, type Fixtures, type FixtureKey, type FixtureFunction, type PolicyDocument } from './fixtures.js';

/**
 * The sandbox's credentials. NOT A SECRET: a fixed, made-up pair that only this emulator accepts, published here
 * so that `--sandbox`, the tests and the docs can sign requests to it. Not frozen: the SDK tags the credentials
 * object it is given.
 */
export const SANDBOX_CREDENTIALS: EmulatorCredentials = {
  accessKeyId: 'AKIDSANDBOXEXAMPLE00',
  secretAccessKey: 'sandbox/NotASecret/healthlake-wizard-emulator',
};

/** The sandbox's region. */
export const SANDBOX_REGION = 'us-east-1';

/** Default account id in ARNs. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** Default CREATING -> ACTIVE (and DELETING -> DELETED) delay. */
export const DEFAULT_DELAY_MS = 3000;

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const region = options.region ?? SANDBOX_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits; got ${JSON.stringify(accountId)}.`);
  if (!/^[a-z0-9-]+$/.test(region)) throw new RangeError(`region must look like us-east-1; got ${JSON.stringify(region)}.`);
  const now = options.now ?? Date.now;
  const fixtures = options.fixturesPath !== undefined ? loadFixtures(options.fixturesPath) : (options.fixtures ?? DEFAULT_FIXTURES);
  const kms = new KmsCatalog(fixtures, region, accountId);
  const lambda = new LambdaCatalog(fixtures, region, accountId);
  const stateFile = options.statePath ? new SharedStateFile(options.statePath) : undefined;
  const loaded = stateFile?.load();
  const registry = new DatastoreRegistry(
    {
      region,
      accountId,
      createDelayMs: options.createDelayMs ?? DEFAULT_DELAY_MS,
      deleteDelayMs: options.deleteDelayMs ?? DEFAULT_DELAY_MS,
      now,
      ...(stateFile ? { storage: stateFile } : {}),
      failureFor: (request, context) => creationFailure(request, { kms, lambda }, context),
    },
    loaded?.datastores ?? [],
  );
  const faults = new FaultInjector(options.faults);
  const requests: Record<string, number> = {};
  const { server, stop } = createEmulatorServer({
    registry,
    faults,
    now,
    requests,
    accountId,
    kms,
    lambda,
    defaultIdentity: options.credentials?.[0] ?? SANDBOX_CREDENTIALS,
    signatures:
      options.verifySignatures === false
        ? undefined
        : { credentials: [...(options.credentials ?? [SANDBOX_CREDENTIALS])], region, now },
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    region,
    accountId,
    stop,
    faults,
    datastores: () => {
      registry.settle();
      return registry.snapshot();
    },
    requests,
    notices: loaded?.problems ?? [],
  };
}
