/** Follows the data store with the gateway's watcher while the flow is `watching`; reads its expiry tag once. */
import { useEffect, type Dispatch } from 'react';
import { expiryFromTags } from '../../request/expiry.js';
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
        let tagsAsked = false;
        for await (const event of gateway.watch(datastoreId, { signal: controller.signal })) {
          if (controller.signal.aborted) return;
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
