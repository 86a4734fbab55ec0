/**
 * `useInput` with a handler that always sees the latest render. Ink subscribes handlers in a passive effect,
 * which runs after the frame is written: a key arriving in between would reach the previous handler and its
 * stale values (fast typing and pastes lost characters). The latest handler is kept in a ref updated in a
 * layout effect, which runs before any further input can be read.
 */
import { useInput, type Key } from 'ink';
import { useCallback, useLayoutEffect, useRef } from 'react';

/** Subscribes the handler while `isActive`. */
export function useKeys(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: options.isActive ?? true });
}
