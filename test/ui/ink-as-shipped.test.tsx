/**
 * The component tests render the Ink that ships: vitest.config.ts applies the build's changes to Ink
 * (scripts/ink-patches.js) to the modules the tests load. Each change shows here on the Ink these tests import.
 */
import xterm from '@xterm/headless';
import { Box, render, Text } from 'ink';
import isInCi from 'is-in-ci';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { render as renderForTest } from 'ink-testing-library';

const { Terminal } = xterm;

/** A terminal-sized stdout whose writes go into a headless xterm, applied in order. */
class TerminalStdout extends Writable {
  readonly isTTY = true;
  readonly columns = 40;
  readonly rows = 12;
  // A terminal turns "\n" into CR LF on the way out (the pty's onlcr); xterm is told to do the same.
  readonly term = new Terminal({ cols: 40, rows: 12, allowProposedApi: true, convertEol: true });
  private applied = Promise.resolve();

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const data = String(chunk);
    this.applied = this.applied.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    callback();
  }

  /** The screen's lines, without trailing spaces, once every write so far is applied. */
  async screen(): Promise<string[]> {
    await this.applied;
    const buffer = this.term.buffer.active;
    return Array.from({ length: this.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
  }
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Text key={index}>{line}</Text>
      ))}
    </Box>
  );
}

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

/** Waits until the terminal shows `expected` from its first line (xterm and Ink's throttle are asynchronous). */
async function shows(stdout: TerminalStdout, expected: string[]): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const screen = await stdout.screen();
    if (expected.every((line, y) => screen[y] === line) || Date.now() - started > 3000) return screen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the Ink the component tests load is the Ink that ships', () => {
  it('redraws a changed frame in place with incremental rendering (the line-diff fix of log-update)', async () => {
    const stdout = new TerminalStdout();
    const instance = render(<Lines lines={['one', 'two', 'three']} />, { stdout: stdout as unknown as NodeJS.WriteStream, incrementalRendering: true, maxFps: 1000, patchConsole: false, exitOnCtrlC: false });
    unmounts.push(() => instance.unmount());
    expect((await shows(stdout, ['one', 'two', 'three'])).slice(0, 4)).toEqual(['one', 'two', 'three', '']);
    // Unpatched, the frame after one that ends in a newline starts a line too low: "one" stays, "two" is
    // written over "two", and the last line lands under the frame.
    instance.rerender(<Lines lines={['ONE', 'two', 'THREE']} />);
    expect((await shows(stdout, ['ONE', 'two', 'THREE'])).slice(0, 4)).toEqual(['ONE', 'two', 'THREE', '']);
  });

  it('draws on a terminal even with CI variables set (is-in-ci answers no)', () => {
    expect(isInCi).toBe(false);
    // Ink follows the terminal's size only when it thinks it is not in CI: with CI=true (as .ci/run sets it), the
    // unchanged Ink would not listen.
    const instance = renderForTest(<Text>hello</Text>);
    unmounts.push(() => instance.unmount());
    expect(instance.stdout.listenerCount('resize')).toBeGreaterThan(0);
  });
});
