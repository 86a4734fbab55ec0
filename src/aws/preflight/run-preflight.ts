/**
 * The pre-flight checks of a request, run at once and reported as each finishes: `runPreflight` is an async
 * iterable (a screen fills its list in without waiting for the slowest), `collectPreflight` the whole report in
 * the planned order. `openPreflight` builds what they need from the options. Read-only calls only. Imports the
 * SDK: load lazily.
 */
import type { GlobalOptions } from '../../options.js';
import type { CreateRequest } from '../../request/types.js';
import { resolveEndpoint } from '../config.js';
import { loadProfileSettings } from '../profile-settings.js';
import { createServiceClients, type ServiceClients, type ServiceClientSettings } from '../service-clients.js';
import type { HealthLakeGateway } from '../types.js';
import { allDatastores, checkQuota, checkRegion, checkSameName } from './account-checks.js';
import { checkContext, type CheckContext, type CheckContextParts } from './check-context.js';
import { checkKmsKey } from './kms-key-check.js';
import { checkIdpLambda } from './lambda-check.js';
import { plannedChecks } from './planned-checks.js';
import { createSmartConfigurationFetcher } from './smart-configuration-fetch.js';
import { checkSmartMetadata } from './smart-metadata-check.js';
import type { PlannedCheck, PreflightReport, PreflightResult } from './types.js';

export { plannedChecks } from './planned-checks.js';

/** One promise per planned check, each resolving to its result (never rejecting). */
function startChecks(request: CreateRequest, context: CheckContext): { planned: PlannedCheck[]; running: Promise<PreflightResult>[] } {
  const planned = plannedChecks(request);
  let datastores: ReturnType<typeof allDatastores> | undefined;
  const listed = () => (datastores ??= allDatastores(context)).catch((error: unknown) => ({ error }));
  const running = planned.map(async (check): Promise<PreflightResult> => {
    try {
      switch (check.id) {
        case 'region':
          return checkRegion(context);
        case 'kms-key':
          return await checkKmsKey(request.SseConfiguration!.KmsEncryptionConfig!.KmsKeyId!, context);
        case 'idp-lambda':
          return await checkIdpLambda(request.IdentityProviderConfiguration!.IdpLambdaArn!, context);
        case 'smart-metadata':
          return await checkSmartMetadata(request.IdentityProviderConfiguration!.Metadata!, context);
        case 'quota':
          return checkQuota(await listed());
        case 'same-name':
          return checkSameName(request.DatastoreName!, await listed());
      }
    } catch (error) {
      // A check that broke did not check: never a pass.
      return { ...check, status: 'not-checked', summary: 'The check could not run.', reason: (error as Error)?.message ?? String(error) };
    }
  });
  return { planned, running };
}

/** Runs every check of the request at once; yields each result as it finishes. */
export async function* runPreflight(request: CreateRequest, context: CheckContext): AsyncGenerator<PreflightResult> {
  const { running } = startChecks(request, context);
  const pending = new Map(running.map((promise, index) => [index, promise.then((result) => ({ index, result }))]));
  while (pending.size > 0) {
    const { index, result } = await Promise.race(pending.values());
    pending.delete(index);
    yield result;
  }
}

/** Runs every check; `onResult` hears each as it finishes; resolves to the report in the planned order. */
export async function collectPreflight(request: CreateRequest, context: CheckContext, onResult?: (result: PreflightResult) => void): Promise<PreflightReport> {
  const { running } = startChecks(request, context);
  if (onResult) for (const promise of running) void promise.then(onResult);
  const results = await Promise.all(running);
  return { results, ok: results.every((result) => result.status !== 'failed') };
}

/** Runs the checks for one target; `close()` releases its connections. */
export interface PreflightRunner {
  /** Each result as it finishes. */
  run(request: CreateRequest, options?: { signal?: AbortSignal }): AsyncGenerator<PreflightResult>;
  /** The whole report; `onResult` hears each result as it finishes. */
  report(request: CreateRequest, options?: { signal?: AbortSignal; onResult?: (result: PreflightResult) => void }): Promise<PreflightReport>;
  close(): void;
}

/**
 * A runner for the target the options name (profile, Region, endpoint, proxy, CA bundle), reusing the gateway's
 * listing (and `shared` clients when given; they are then the caller's to close); `settings.credentials` are the
 * sandbox's when it runs. Rejects with a FriendlyFailure for bad settings.
 */
export async function openPreflight(options: GlobalOptions, gateway: Pick<HealthLakeGateway, 'list'>, settings: ServiceClientSettings = {}, shared?: ServiceClients): Promise<PreflightRunner> {
  const env = settings.env ?? process.env;
  const clients = shared ?? (await createServiceClients(options, settings));
  const profile = await loadProfileSettings(options, env);
  const parts: CheckContextParts = {
    region: clients.region,
    endpointOverride: resolveEndpoint(options, env, profile) !== undefined,
    clients,
    gateway,
    fetchSmartConfiguration: createSmartConfigurationFetcher(options, env, profile),
  };
  return {
    run: (request, { signal } = {}) => runPreflight(request, checkContext(parts, signal)),
    report: (request, { signal, onResult } = {}) => collectPreflight(request, checkContext(parts, signal), onResult),
    close: () => {
      if (!shared) clients.destroy();
    },
  };
}
