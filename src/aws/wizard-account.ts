/**
 * The wizard's view of the target account: the pickers' listings (each once per run, so a step visited again
 * shows them at once) and the review's pre-flight checks, over `openAccountResources` for the session's target
 * (the sandbox's emulator and credentials when it runs). Opened on first use. Imports the SDK: load lazily.
 */
import type { GlobalOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { openAccountResources } from './account-resources.js';
import { toFriendlyError } from './errors.js';
import type { ServiceClientSettings } from './service-clients.js';
import type { Session } from './session.js';
import type { SmartConfigurationAnswer } from './preflight/types.js';
import type { AccountResources, KmsKeyChoice, LambdaFunctionChoice, PreflightResult, ResourceListing } from './types.js';

/** What the wizard asks of the account. */
export interface WizardAccount {
  kmsKeys: () => Promise<ResourceListing<KmsKeyChoice>>;
  lambdaFunctions: () => Promise<ResourceListing<LambdaFunctionChoice>>;
  /** Each result as it finishes; rejects with a FriendlyFailure when the checks cannot be set up (bad settings). */
  preflight: (request: CreateRequest, signal: AbortSignal) => AsyncIterable<PreflightResult>;
  /** An issuer's smart-configuration through the target's proxy and CA settings; a failure is a value. */
  smartConfiguration: (issuer: string, signal: AbortSignal) => Promise<SmartConfigurationAnswer>;
  close: () => void;
}

/** The account of the session's target; nothing is loaded or sent before the first question. */
export function wizardAccountFor(session: Pick<Session, 'gateway' | 'sandbox'>, options: GlobalOptions, extra: Pick<ServiceClientSettings, 'maxAttempts' | 'env'> = {}): WizardAccount {
  let opened: Promise<AccountResources> | undefined;
  const open = () => {
    opened ??= openAccountResources(session, options, extra);
    // Settings that could not be opened are tried again on the next question.
    opened.catch(() => (opened = undefined));
    return opened;
  };
  const once = <T>(list: (account: AccountResources) => Promise<ResourceListing<T>>) => {
    let listing: Promise<ResourceListing<T>> | undefined;
    return () => (listing ??= open().then(list, (error: unknown): ResourceListing<T> => ({ ok: false, problem: toFriendlyError(error, {}), accessDenied: false })));
  };
  return {
    kmsKeys: once((account) => account.listKmsKeys()),
    lambdaFunctions: once((account) => account.listLambdaFunctions()),
    smartConfiguration: (issuer, signal) =>
      open().then(
        (account) => account.smartConfiguration(issuer, { signal }),
        (error: unknown): SmartConfigurationAnswer => ({ ok: false, kind: 'network', message: toFriendlyError(error, {}).message }),
      ),
    async *preflight(request, signal) {
      yield* (await open()).preflight(request, { signal });
    },
    close: () => void opened?.then((account) => account.close(), () => undefined),
  };
}
