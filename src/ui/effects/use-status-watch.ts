/**
 * Follows a data store with the gateway's watcher, from the event that starts it: a submission's result, or the
 * status command; reads its expiry tag once.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import { expiryFromTags } from '../../request/expiry.js';
import type { WizardEvent } from '../../wizard-flow/state.js';
import type { Connection } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';

/**
 * Returns `watch(datastoreId)`, which dispatches a `status` event for each watcher event and calls `onDone` with
 * the outcome once the data store is ACTIVE or has failed. The watch stops when the app ends.
 */
export function useStatusWatch(
  dispatch: Dispatch<WizardEvent>,
  /** The connection of the target on hand. */
  connection: () => Promise<Connection>,
  now: () => number,
  onDone: (outcome: 'active' | 'failed') => void,
): (datastoreId: string) => void {
  const stopped = useRef<AbortController>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    stopped.current = controller;
    return () => controller.abort();
  }, []);
  return (datastoreId) => {
    const signal = stopped.current?.signal;
    if (!signal || signal.aborted) return;
    void (async () => {
      try {
        const { gateway } = await connection();
        let tagsAsked = false;
        for await (const event of gateway.watch(datastoreId, { signal })) {
          if (signal.aborted) return;
          dispatch({ type: 'status', event });
          // The ARN is known from the first description (the status command starts from the id alone).
          if (!tagsAsked && event.type !== 'transient-error' && event.properties.DatastoreArn) {
            tagsAsked = true;
            // The expiry is a detail of the panel: tags that cannot be read (a policy without ListTagsForResource)
            // leave it out rather than end the watch. Their answer may come after the watch ended (a data store
            // already ACTIVE): the panel still shows it.
            gateway.listTags(event.properties.DatastoreArn).then(
              (tags) => {
                const expiry = expiryFromTags(tags);
                if (expiry.kind === 'at') dispatch({ type: 'expiry', at: expiry.at.getTime() });
              },
              () => undefined,
            );
          }
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
