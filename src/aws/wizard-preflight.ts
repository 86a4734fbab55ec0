/**
 * The wizard's pre-flight checks: a runner for the session's target (the sandbox's emulator and credentials, or
 * the configured target), opened on the first run and reused, reporting each result as it finishes. Imports the
 * SDK: load lazily.
 */
import type { GlobalOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { openPreflight, type PreflightRunner } from './preflight/run-preflight.js';
import type { PreflightResult } from './preflight/types.js';
import type { ServiceClientSettings } from './service-clients.js';
import type { Session } from './session.js';

/** What the review screen runs. */
export interface WizardPreflight {
  /** Each result as it finishes; rejects with a FriendlyFailure when the checks cannot be set up (bad settings). */
  run(request: CreateRequest, signal: AbortSignal): AsyncIterable<PreflightResult>;
  close(): void;
}

/** The checks for a session's target; nothing is loaded or sent before the first run. */
export function wizardPreflightFor(options: GlobalOptions, session: Pick<Session, 'sandbox' | 'gateway'>, settings: ServiceClientSettings = {}): WizardPreflight {
  const target = session.sandbox ? { ...options, ...session.sandbox.options, profile: undefined, noSignRequest: false } : options;
  let runner: Promise<PreflightRunner> | undefined;
  const open = () => {
    runner ??= openPreflight(target, session.gateway, session.sandbox ? { ...settings, credentials: session.sandbox.credentials } : settings);
    // A runner that could not open is tried again on the next run (the settings may be fixed by then).
    runner.catch(() => (runner = undefined));
    return runner;
  };
  return {
    async *run(request, signal) {
      yield* (await open()).run(request, { signal });
    },
    close: () => void runner?.then((opened) => opened.close(), () => undefined),
  };
}
