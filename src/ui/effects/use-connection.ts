/**
 * The connection for the target chosen (AWS with a profile and Region, or the sandbox), opened after the first
 * frame, and its check in the background: the Region, the profile and who the credentials are, or the problem.
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, type Dispatch } from 'react';
import type { TargetChoice } from '../../aws/types.js';
import type { WizardStore } from '../../store/types.js';
import type { WizardEvent } from '../../wizard-flow/state.js';
import type { AppDeps, Connection } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';

/** One connection per target choice: `version` counts the choices, so choosing the same target again reconnects. */
export interface TargetOnHand {
  choice: TargetChoice;
  version: number;
}

/**
 * Returns a getter for the current target's connection, and `closeAll`. Each new target choice (a new `version`)
 * closes the previous connection (a sandbox it started) and dispatches `targetChecked` when its check is back.
 */
export function useConnection(
  deps: AppDeps,
  current: TargetOnHand,
  store: Promise<WizardStore | undefined>,
  dispatch: Dispatch<WizardEvent>,
  /** Ask STS who the credentials are; false for a dry run, which sends nothing (the target is still resolved). */
  identity: boolean,
) {
  const connections = useRef(new Map<number, Promise<Connection>>());
  // The getter below is called from events and effects, after the commit that made `current` the target on hand.
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  });
  const open = (wanted: TargetOnHand): Promise<Connection> => {
    let existing = connections.current.get(wanted.version);
    if (!existing) {
      existing = store.then((opened) => deps.connect(wanted.choice, opened));
      existing.catch(() => connections.current.delete(wanted.version));
      connections.current.set(wanted.version, existing);
    }
    return existing;
  };
  // The check of the target on hand; it reads the latest props, but only a new choice (`version`) starts one.
  const check = useEffectEvent((isLive: () => boolean) => {
    const version = current.version;
    for (const [older, connection] of connections.current) {
      if (older === version) continue;
      connections.current.delete(older);
      void connection.then((opened) => opened.close()).catch(() => undefined);
    }
    void open(current)
      .then((opened) => opened.checkTarget({ identity }))
      .catch((error: unknown) => ({ ok: false as const, problem: friendlyOf(error) }))
      .then((report) => {
        if (isLive()) dispatch({ type: 'targetChecked', report, version });
      });
  });
  useEffect(() => {
    let live = true;
    // Checking the target loads the SDK: after the first frame, never before.
    const timer = setTimeout(() => check(() => live), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [current.version]);
  const closeAll = async () => {
    await Promise.allSettled([...connections.current.values()].map((opened) => opened.then((c) => c.close())));
  };
  /** The connection of the target on hand now. */
  const connection = (): Promise<Connection> => open(latest.current);
  return { connection, closeAll };
}
