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
 * Returns `watch(datastoreId)`, which dispatches a `status` event for each watcher event and an `expiry` event for
 * its tags, and calls `onDone` with the outcome once the data store is ACTIVE or has failed and its tags have been
 * answered. The watch stops when the app ends.
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
        // The tags are read once, from the first description that names the ARN (the status command starts
        // from the id alone). The expiry is a detail of the panel: tags that cannot be read (a policy without
        // ListTagsForResource) are said on it rather than ending the watch.
        let tagsRead: Promise<void> | undefined;
        for await (const event of gateway.watch(datastoreId, { signal })) {
          if (signal.aborted) return;
          dispatch({ type: 'status', event });
          if (!tagsRead && event.type !== 'transient-error' && event.properties.DatastoreArn) {
            dispatch({ type: 'expiry', expiry: { kind: 'asked' } });
            tagsRead = gateway.listTags(event.properties.DatastoreArn).then(
              (tags) => {
                const expiry = expiryFromTags(tags);
                if (!signal.aborted) dispatch({ type: 'expiry', expiry: expiry.kind === 'at' ? { kind: 'at', at: expiry.at.getTime() } : expiry });
              },
              (error: unknown) => {
                if (!signal.aborted) dispatch({ type: 'expiry', expiry: { kind: 'failed', reason: friendlyOf(error).message } });
              },
            );
          }
          if (event.type === 'done') {
            // The panel's last frame stays on the terminal: it must hold the tags' answer, so the end waits for
            // it (a data store already ACTIVE ends the watch at its first description, before they are answered).
            // The call is bounded as every call is, by the connect and read timeouts and the retries.
            await tagsRead;
            if (!signal.aborted) onDone(event.outcome === 'active' ? 'active' : 'failed');
          }
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
