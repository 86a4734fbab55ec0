/**
 * The pickers' source: the target's KMS keys and Lambda functions, listed with the SDK on first use and kept for
 * the session (a step visited again shows them at once). Pointed where the session's gateway is (the sandbox's
 * emulator and credentials, or the configured target). Imports the SDK: load lazily.
 */
import type { GlobalOptions } from '../options.js';
import { toFriendlyError } from './errors.js';
import { listKmsKeys } from './kms-key-list.js';
import { listLambdaFunctions } from './lambda-function-list.js';
import { createServiceClients, type ServiceClients, type ServiceClientSettings } from './service-clients.js';
import type { Session } from './session.js';
import type { KmsKeyChoice, LambdaFunctionChoice, ResourceListing } from './types.js';

/** What the pickers list, each at most once per session. */
export interface ResourceLister {
  kmsKeys(): Promise<ResourceListing<KmsKeyChoice>>;
  lambdaFunctions(): Promise<ResourceListing<LambdaFunctionChoice>>;
  /** Closes the clients' connections. */
  close(): void;
}

/**
 * The lister for a session's target; nothing is loaded or sent before the first listing is asked for. `settings`
 * as for the gateway (explicit credentials, the environment); the sandbox's credentials win.
 */
export function resourceListerFor(options: GlobalOptions, session: Pick<Session, 'sandbox'>, settings: ServiceClientSettings = {}): ResourceLister {
  const where = session.sandbox ? { ...options, ...session.sandbox.options, profile: undefined, noSignRequest: false } : options;
  let clients: Promise<ServiceClients> | undefined;
  const open = () => (clients ??= createServiceClients(where, session.sandbox ? { ...settings, credentials: session.sandbox.credentials } : settings));
  const once = <T>(list: (opened: ServiceClients) => Promise<ResourceListing<T>>) => {
    let listing: Promise<ResourceListing<T>> | undefined;
    return () =>
      (listing ??= open().then(list, (error: unknown): ResourceListing<T> => ({ ok: false, problem: toFriendlyError(error, {}), accessDenied: false })));
  };
  return {
    kmsKeys: once(listKmsKeys),
    lambdaFunctions: once(listLambdaFunctions),
    close: () => void clients?.then((opened) => opened.destroy(), () => undefined),
  };
}
