/**
 * `openAccountResources`: the KMS and Lambda listings and the pre-flight checks for a session's target (the
 * sandbox's emulator, endpoint and credentials when it runs, as for its gateway), behind the plain
 * `AccountResources` contract of types.ts. Imports the SDK: load lazily, after a first frame.
 */
import type { GlobalOptions } from '../options.js';
import { listKmsKeys } from './kms-key-list.js';
import { listLambdaFunctions } from './lambda-function-list.js';
import { smartConfigurationUrl } from './preflight/planned-checks.js';
import { openPreflight } from './preflight/run-preflight.js';
import { createSmartConfigurationFetcher } from './preflight/smart-configuration-fetch.js';
import { loadProfileSettings } from './profile-settings.js';
import { createServiceClients, type ServiceClientSettings } from './service-clients.js';
import type { Session } from './session.js';
import type { AccountResources } from './types.js';

/** The options a session's target really uses: the sandbox's endpoint, Region and credentials win over the rest. */
export function sessionTarget(session: Pick<Session, 'sandbox'>, options: GlobalOptions): { options: GlobalOptions; settings: ServiceClientSettings } {
  if (!session.sandbox) return { options, settings: {} };
  return { options: { ...options, ...session.sandbox.options, profile: undefined, noSignRequest: false }, settings: { credentials: session.sandbox.credentials } };
}

/** Opens the listings and checks for the session's target; rejects with a FriendlyFailure for bad settings. */
export async function openAccountResources(session: Pick<Session, 'gateway' | 'sandbox'>, options: GlobalOptions, extra: Pick<ServiceClientSettings, 'maxAttempts' | 'env'> = {}): Promise<AccountResources> {
  const target = sessionTarget(session, options);
  const settings = { ...target.settings, ...extra };
  const clients = await createServiceClients(target.options, settings);
  const runner = await openPreflight(target.options, session.gateway, settings, clients);
  const env = settings.env ?? process.env;
  const fetchSmartConfiguration = createSmartConfigurationFetcher(target.options, env, await loadProfileSettings(target.options, env));
  return {
    listKmsKeys: (listing = {}) => listKmsKeys(clients, listing),
    listLambdaFunctions: (listing = {}) => listLambdaFunctions(clients, listing),
    preflight: (request, run = {}) => runner.run(request, run),
    preflightReport: (request, run = {}) => runner.report(request, run),
    smartConfiguration: (issuer, fetch = {}) => fetchSmartConfiguration(smartConfigurationUrl(issuer), fetch.signal),
    close: () => clients.destroy(),
  };
}
