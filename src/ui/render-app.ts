/**
 * Renders the app with Ink and turns its end into an exit code. Colour is decided before Ink (and its colour
 * library) is loaded; the terminal (raw mode, cursor) is restored however the program ends.
 */
import { Writable } from 'node:stream';
import { EXIT, type GlobalOptions } from '../options.js';
import type { AppDeps } from './effects/app-deps.js';
import type { AppInput } from './app.js';

/** Applies `--color on|off|auto` and `NO_COLOR` for the colour library, which reads the environment on load. */
export function applyColorPreference(color: GlobalOptions['color'], env: NodeJS.ProcessEnv = process.env): void {
  if (color === 'off' || (color !== 'on' && env.NO_COLOR !== undefined && env.NO_COLOR !== '')) env.FORCE_COLOR = '0';
  else if (color === 'on') env.FORCE_COLOR = '1';
}

/** Collects what the lazily loaded layers would print while Ink owns the screen; shown after the last frame. */
export class LineCollector extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(String(chunk));
    callback();
  }
}

/** The parts of AppDeps that depend on the command; the rest is filled in here. */
export type CommandDeps = Omit<AppDeps, 'exit' | 'ring' | 'now'> & Partial<Pick<AppDeps, 'now'>>;

/** Renders until the app exits; returns its exit code. */
export async function renderApp(input: AppInput, commandDeps: CommandDeps, later: LineCollector): Promise<number> {
  applyColorPreference(input.options.color);
  const [{ render }, { createApp }] = await Promise.all([import('ink'), import('./app.js')]);
  const stdout = process.stdout;
  let resolveEnded: (outcome: { code: number; farewell?: string }) => void = () => undefined;
  const ended = new Promise<{ code: number; farewell?: string }>((resolve) => (resolveEnded = resolve));
  // The first ending wins (the app's own exit, then Ink's unmount, must not overwrite it).
  let finished = false;
  const finish = (outcome: { code: number; farewell?: string }) => {
    if (finished) return;
    finished = true;
    resolveEnded(outcome);
  };
  const deps: AppDeps = {
    now: Date.now,
    ...commandDeps,
    ring: () => stdout.write('\x07'),
    exit: (code, farewell) => finish({ code, ...(farewell ? { farewell } : {}) }),
  };
  const showCursor = () => stdout.isTTY && stdout.write('\x1b[?25h');
  process.once('exit', showCursor);
  const onSignal = (signal: NodeJS.Signals) => finish({ code: signal === 'SIGTERM' ? 143 : 129 });
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  const instance = render(createApp(deps, input), { exitOnCtrlC: false, patchConsole: false, stdout, stdin: process.stdin });
  // A crash inside the app (a render error) ends Ink on its own: report it and exit 255, never a silent 0.
  instance.waitUntilExit().then(
    () => finish({ code: EXIT.other, farewell: 'healthlake-wizard: the wizard ended unexpectedly.\n' }),
    (error: unknown) => finish({ code: EXIT.other, farewell: `healthlake-wizard: ${error instanceof Error ? error.message : String(error)}\n` }),
  );
  const outcome = await ended;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  showCursor();
  if (stdout.isTTY) stdout.write('\n');
  for (const line of later.lines) process.stderr.write(line);
  if (outcome.farewell) stdout.write(outcome.farewell);
  return outcome.code;
}
