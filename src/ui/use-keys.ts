/**
 * Key handling for the whole app through one router. Ink subscribes each `useInput` handler in a passive effect,
 * which runs after the frame is written: a key arriving in that gap reached a stale handler, or none at all for a
 * dialog that had just opened (fast typists, pastes and pty tests lost keys). Here one `useInput` at the root
 * receives every key and hands it to the handlers registered in layout effects, which are in place before any
 * further input can be read, and always the latest render's.
 *
 * Ink also delivers text and a following Enter as one chunk ("data\r") when they arrive together; the router
 * splits it, and hands each key over only after the previous one has rendered. A line feed counts as Enter
 * (see `splitEnters`): Ink would report it as a key of its own that no binding knows.
 */
import { useInput, type Key } from 'ink';
import { createContext, createElement, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';

type Handler = (input: string, key: Key) => void;
interface Registration {
  handler: { current: Handler };
  active: { current: boolean };
}

/**
 * Splits "text\rtext" into text and Enter segments; undefined when there is nothing to split. A line feed is an
 * Enter too: keys typed before the program put the terminal in raw mode arrive with the terminal's CR -> LF
 * translation applied, and a pasted Windows line ends in CR LF (one Enter).
 */
export function splitEnters(input: string): string[] | undefined {
  if (input === '\r' || !/[\r\n]/.test(input)) return undefined;
  return input
    .split(/(\r\n|\r|\n)/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^[\r\n]+$/.test(segment) ? '\r' : segment));
}

const KeyRouterContext = createContext<Set<Registration> | undefined>(undefined);

/** Provides the router; mount once at the root of the app. */
export function KeyRouter({ children }: { children: ReactNode }) {
  const registrations = useMemo(() => new Set<Registration>(), []);
  // Keys are handed over one per turn of the event loop: a key's state change renders (and the next screen's
  // handlers register) before the next key is looked at, so keys typed ahead reach the screen they were meant for.
  const queue = useRef<{ input: string; key: Key }[]>([]);
  const draining = useRef(false);
  const drain = () => {
    const next = queue.current.shift();
    if (!next) {
      draining.current = false;
      return;
    }
    try {
      for (const registration of [...registrations]) {
        if (registration.active.current && registrations.has(registration)) registration.handler.current(next.input, next.key);
      }
    } finally {
      // Queued after the render React scheduled for this key (its scheduler also uses setImmediate), with one
      // more turn to spare, and even if a handler threw.
      setImmediate(() => setImmediate(drain));
    }
  };
  useInput((input, key) => {
    const segments = key.ctrl || key.meta ? undefined : splitEnters(input);
    if (!segments) queue.current.push({ input, key });
    else for (const segment of segments) queue.current.push({ input: segment, key: { ...key, return: segment === '\r' } });
    if (draining.current) return;
    draining.current = true;
    drain();
  });
  return createElement(KeyRouterContext.Provider, { value: registrations }, children);
}

/** Calls the handler for each key while `isActive`; registered at commit time, always the latest handler. */
export function useKeys(handler: Handler, options: { isActive?: boolean } = {}): void {
  const registrations = useContext(KeyRouterContext);
  const latest = useRef(handler);
  const active = useRef(options.isActive ?? true);
  useLayoutEffect(() => {
    latest.current = handler;
    active.current = options.isActive ?? true;
  });
  useLayoutEffect(() => {
    if (!registrations) return;
    const registration: Registration = { handler: latest, active };
    registrations.add(registration);
    return () => {
      registrations.delete(registration);
    };
  }, [registrations]);
  // Outside a router (a component rendered on its own), fall back to Ink's own subscription.
  useInput((input, key) => latest.current(input, key), { isActive: !registrations && (options.isActive ?? true) });
}
