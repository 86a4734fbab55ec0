/**
 * Key handling for the whole app through one router. Ink subscribes each `useInput` handler in a passive effect,
 * which runs after the frame is written: a key arriving in that gap reached a stale handler, or none at all for a
 * dialog that had just opened (fast typists, pastes and pty tests lost keys). Here one `useInput` at the root
 * receives every key and hands it to the handlers registered in layout effects, which are in place before any
 * further input can be read, and always the latest render's.
 *
 * Ink also delivers keys that arrive together as one chunk: text and a following Enter ("data\r"), two
 * Backspaces from a held key or a slow link, Ctrl+E and Ctrl+U typed fast. The router splits such a chunk into
 * its keys (see `splitChunk`) and hands each over only after the previous one has rendered. A line feed counts
 * as Enter: Ink would report it as a key of its own that no binding knows.
 */
import { useInput, type Key } from 'ink';
import { createContext, createElement, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';

type Handler = (input: string, key: Key) => void;
interface Registration {
  handler: { current: Handler };
  active: { current: boolean };
}

/** A key of a chunk, as Ink would have reported it had it arrived alone. */
export interface ChunkKey {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * The control characters that are keys of their own. ESC is not among them: Ink cuts escape sequences out of a
 * chunk before it reaches a handler. A line feed is an Enter: keys typed before the program put the terminal in
 * raw mode arrive with the terminal's CR -> LF translation applied, and a pasted Windows line ends in CR LF.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const CONTROL = /[\u0000-\u001a\u001c-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const CONTROL_SPLIT = /([\u0000-\u001a\u001c-\u001f\u007f])/;

/** One control character as Ink reports it alone: DEL is `delete`, BS `backspace`, 0x01-0x1a Ctrl+letter. */
function controlKey(char: string): ChunkKey {
  if (char === '\r' || char === '\n') return { input: '\r', key: { ...NO_KEY, return: true } };
  if (char === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (char === '\x7f') return { input: '', key: { ...NO_KEY, delete: true } };
  if (char === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  // Other control characters (NUL, FS..US) have no binding; they pass as text, which inputs drop.
  return { input: char, key: NO_KEY };
}

/**
 * Splits a chunk Ink reported as one key into the keys it holds, in order: runs of text stay together (a paste
 * is one edit), each control character is a key of its own, CR LF is one Enter. Undefined when the chunk is a
 * single key (nothing to split). Escape sequences never reach here in a chunk: Ink cuts them out itself.
 */
export function splitChunk(input: string, key: Key): ChunkKey[] | undefined {
  // A single key Ink parsed itself (Ctrl+letter, Backspace, Tab, Enter) is left as it is.
  if (key.ctrl || key.meta || input === '' || input === '\r') return undefined;
  if (!CONTROL.test(input)) return undefined;
  const keys: ChunkKey[] = [];
  for (const piece of input.replace(/\r\n/g, '\r').split(CONTROL_SPLIT)) {
    if (piece !== '') keys.push(CONTROL.test(piece) ? controlKey(piece) : { input: piece, key: NO_KEY });
  }
  return keys;
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
    queue.current.push(...(splitChunk(input, key) ?? [{ input, key }]));
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
