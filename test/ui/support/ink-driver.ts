/**
 * Drives an Ink element with ink-testing-library: `press()` writes keys and waits until the frame changes;
 * `waitFor()` polls a condition with a timeout (never a fixed sleep). Frames are ANSI-stripped.
 */
import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import type { ReactElement } from 'react';

/** Key sequences as a terminal sends them (the same table the pty tests use). */
export { KEYS as KEY } from '../../support/keys.js';

/** A rendered element with keys and waits. */
export interface InkDriver {
  frame(): string;
  /** Writes each key and waits until the frame changes after it. */
  press(...keys: string[]): Promise<string>;
  /** Types text one character at a time, each waiting for the frame to change. */
  type(text: string): Promise<string>;
  /** Writes without waiting (for keys that change nothing on screen). */
  write(data: string): void;
  waitFor(predicate: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  unmount(): void;
}

function check(frame: string, predicate: string | RegExp | ((frame: string) => boolean)): boolean {
  if (typeof predicate === 'string') return frame.includes(predicate);
  if (predicate instanceof RegExp) return predicate.test(frame);
  return predicate(frame);
}

/** Renders the element and returns the driver. */
export function drive(element: ReactElement): InkDriver {
  const instance = render(element);
  const frame = () => stripVTControlCharacters(instance.lastFrame() ?? '');
  const waitFor = (predicate: string | RegExp | ((frame: string) => boolean), timeoutMs = 5000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const current = frame();
        if (check(current, predicate)) return resolve(current);
        if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${String(predicate)}; the frame was:\n${current}`));
        setTimeout(poll, 5);
      };
      poll();
    });
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = frame();
      instance.stdin.write(key);
      await waitFor((current) => current !== before);
    }
    return frame();
  };
  return {
    frame,
    press,
    type: (text) => press(...text),
    write: (data) => instance.stdin.write(data),
    waitFor,
    unmount: () => instance.unmount(),
  };
}
