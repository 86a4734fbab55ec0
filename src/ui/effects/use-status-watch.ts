/** Follows the data store with the gateway's watcher while the flow is `watching`. */
import { useEffect, type Dispatch } from 'react';
import type { WizardEvent, WizardState } from '../flow/state.js';
import type { Connection } from './app-deps.js';
import { friendlyOf } from './friendly-error.js';

/** Dispatches a `status` event for each watcher event; stops when the phase changes or the app ends. */
export function useStatusWatch(state: WizardState, dispatch: Dispatch<WizardEvent>, connection: () => Promise<Connection>, now: () => number): void {
  const datastoreId = state.phase === 'watching' ? state.watch?.result.DatastoreId : undefined;
  useEffect(() => {
    if (!datastoreId) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const { gateway } = await connection();
        for await (const event of gateway.watch(datastoreId, { signal: controller.signal })) {
          if (controller.signal.aborted) return;
          dispatch({ type: 'status', event });
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        // The watcher retries transient errors itself; what reaches here ends the watch, shown on the panel.
        const at = new Date(now());
        dispatch({ type: 'status', event: { type: 'transient-error', error: friendlyOf(error), at, nextCheckAt: at } });
      }
    })();
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one watch per data store
  }, [datastoreId]);
}
