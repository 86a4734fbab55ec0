/** Follows a data store with the gateway's watcher, from the event that starts it: a submission's result, or the status command. */
import { useEffect, useRef, type Dispatch } from 'react';
import type { WizardEvent } from '../flow/state.js';
import type { Connection } from './app-deps.js';
import { friendlyOf } from './friendly-error.js';

/**
 * Returns `watch(datastoreId, sandbox)`, which dispatches a `status` event for each watcher event and calls
 * `onDone` with the outcome once the data store is ACTIVE or has failed. The watch stops when the app ends.
 */
export function useStatusWatch(
  dispatch: Dispatch<WizardEvent>,
  connection: (sandbox: boolean) => Promise<Connection>,
  now: () => number,
  onDone: (outcome: 'active' | 'failed') => void,
): (datastoreId: string, sandbox: boolean) => void {
  const stopped = useRef<AbortController>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    stopped.current = controller;
    return () => controller.abort();
  }, []);
  return (datastoreId, sandbox) => {
    const signal = stopped.current?.signal;
    if (!signal || signal.aborted) return;
    void (async () => {
      try {
        const { gateway } = await connection(sandbox);
        for await (const event of gateway.watch(datastoreId, { signal })) {
          if (signal.aborted) return;
          dispatch({ type: 'status', event });
          if (event.type === 'done') onDone(event.outcome === 'active' ? 'active' : 'failed');
        }
      } catch (error) {
        if (signal.aborted) return;
        // The watcher retries transient errors itself; what reaches here ends the watch, shown on the panel.
        const at = new Date(now());
        dispatch({ type: 'status', event: { type: 'transient-error', error: friendlyOf(error), at, nextCheckAt: at } });
      }
    })();
  };
}
