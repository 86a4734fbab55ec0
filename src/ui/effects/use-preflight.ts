/**
 * The review screen's pre-flight checks: the planned list at once (pending), each result as it finishes. They run
 * after the review's first frame, again whenever the request changes (an edited row), and never block a key.
 */
import { useEffect, useState } from 'react';
import { plannedChecks } from '../../aws/preflight/planned-checks.js';
import type { PlannedCheck, PreflightResult } from '../../aws/preflight/types.js';
import type { CreateRequest } from '../../request/types.js';
import type { Connection } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';

/** The checks of the request: each planned one with its result once it arrived. */
export interface PreflightState {
  checks: { planned: PlannedCheck; result?: PreflightResult }[];
  /** The checks could not run at all (settings, credentials); the sentence says why and what to do. */
  failure?: string;
}

/** Where the checks come from: the connection's runner, or `skipped` (--no-preflight). */
export type PreflightSource = (() => Promise<Connection['preflight']>) | 'skipped';

/** The request's planned checks, all pending. */
function pendingChecks(request: CreateRequest): PreflightState {
  return { checks: plannedChecks(request).map((check) => ({ planned: check })) };
}

/** Runs the checks of `request` (undefined while it is not valid: nothing runs). */
export function usePreflight(request: CreateRequest | undefined, source: PreflightSource | undefined): PreflightState | undefined {
  const key = request && source && source !== 'skipped' ? JSON.stringify(request) : undefined;
  const [state, setState] = useState<{ key: string; value: PreflightState }>();
  useEffect(() => {
    if (key === undefined || typeof source !== 'function') return;
    // Each change starts from what this request has so far (its planned checks, all pending, at first).
    const update = (change: (value: PreflightState) => PreflightState) => setState((before) => ({ key, value: change(before?.key === key ? before.value : pendingChecks(request!)) }));
    const controller = new AbortController();
    // The runner loads the SDK: after the review's first frame.
    const timer = setTimeout(() => {
      void (async () => {
        const runner = await source();
        // A connection without checks (none can run there): no list, rather than one that never fills in.
        if (!runner) return update(() => ({ checks: [] }));
        for await (const result of runner.run(request!, controller.signal)) {
          if (controller.signal.aborted) return;
          update((value) => ({ ...value, checks: value.checks.map((check) => (check.planned.id === result.id ? { ...check, result } : check)) }));
        }
      })().catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const friendly = friendlyOf(error);
        update((value) => ({ ...value, failure: `${friendly.message} ${friendly.fix}` }));
      });
    }, 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request (its JSON is the key)
  }, [key]);
  if (key === undefined) return undefined;
  // Until the effect ran for this request: its planned checks, all pending.
  return state?.key === key ? state.value : pendingChecks(request!);
}
