/** The connection for the current mode (AWS or sandbox), opened once per mode after the first frame. */
import { useEffect, useRef, useState } from 'react';
import type { Target } from '../../aws/types.js';
import type { WizardStore } from '../../store/types.js';
import type { AppDeps, Connection } from './app-deps.js';

/** Returns a getter for the connection and the resolved target (for the header); `onResolved` hears of each target. */
export function useConnection(deps: AppDeps, sandbox: boolean, store: Promise<WizardStore | undefined>, onResolved: (target: Target) => void = () => undefined) {
  const connections = useRef(new Map<boolean, Promise<Connection>>());
  const [target, setTarget] = useState<Target | 'unresolved'>();
  const connection = (mode: boolean): Promise<Connection> => {
    let existing = connections.current.get(mode);
    if (!existing) {
      existing = store.then((opened) => deps.connect(mode, opened));
      existing.catch(() => connections.current.delete(mode));
      connections.current.set(mode, existing);
    }
    return existing;
  };
  useEffect(() => {
    let current = true;
    // Resolving the target loads the SDK: after the first frame, never before.
    const timer = setTimeout(() => {
      connection(sandbox)
        .then((opened) => opened.gateway.target())
        .then((resolved) => {
          if (!current) return;
          setTarget(resolved);
          onResolved(resolved);
        })
        .catch(() => current && setTarget('unresolved'));
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one connection per mode
  }, [sandbox]);
  const closeAll = async () => {
    await Promise.allSettled([...connections.current.values()].map((opened) => opened.then((c) => c.close())));
  };
  return { connection, target, closeAll };
}
