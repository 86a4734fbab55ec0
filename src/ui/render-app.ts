/**
 * Renders the app with Ink and turns its end into an exit code. Colour is decided before Ink (and its colour
 * library) is loaded; the terminal (raw mode, cursor) is restored however the program ends.
 */
import { Writable } from 'node:stream';
import { EXIT, STOP_SIGNALS, type GlobalOptions } from '../options.js';
import type { AppDeps, Connection } from './effects/app-deps.js';
import type { AppInput } from './app.js';
import { loadInkAndApp } from './load-ink.js';
import { firstFrameShown } from '../startup-hooks.js';
import { writeNewFile } from '../store/write-new-file.js';

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
export type CommandDeps = Omit<AppDeps, 'exit' | 'ring' | 'now' | 'writeFile' | 'report' | 'renderDryRun'> & Partial<Pick<AppDeps, 'now'>>;

/** Renders until the app exits; returns its exit code. */
export async function renderApp(input: AppInput, commandDeps: CommandDeps, later: LineCollector): Promise<number> {
  applyColorPreference(input.options.color);
  const [{ render }, { createApp }] = await loadInkAndApp();
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
  const connections = new ConnectionTracker();
  const deps: AppDeps = {
    now: Date.now,
    ...commandDeps,
    connect: (choice, store, where) => connections.track(commandDeps.connect(choice, store, where)),
    ring: () => stdout.write('\x07'),
    writeFile: (fileName, text) => writeNewFile(process.cwd(), fileName, text),
    report: (line) => later.lines.push(line),
    renderDryRun: async (request) => (await import('../cli-output/render-output.js')).renderDryRun({ ...request }, input.options),
    exit: (code, farewell) => finish({ code, ...(farewell ? { farewell } : {}) }),
  };
  // Once the terminal is gone (SIGHUP, or a write failing with EIO first), nothing more is written to it and the
  // program ends quietly with SIGHUP's code.
  let hungUp = false;
  const terminalGone = () => {
    hungUp = true;
    finish({ code: STOP_SIGNALS.SIGHUP });
  };
  for (const stream of [stdout, process.stderr, process.stdin]) stream.on('error', terminalGone);
  const showCursor = () => !hungUp && stdout.isTTY && stdout.write('\x1b[?25h');
  process.once('exit', showCursor);
  const onSignal = (signal: 'SIGTERM' | 'SIGHUP') => (signal === 'SIGHUP' ? terminalGone() : finish({ code: STOP_SIGNALS.SIGTERM }));
  // `on`, not `once`: after a signal they stay (see below).
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // Raw mode before the first frame: Ink turns it on in an effect after that frame, and keys typed in between
  // would be echoed and line-buffered by the terminal (Ctrl+C even killing the process as SIGINT).
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const onInterrupt = () => finish({ code: EXIT.interrupted, farewell: 'Interrupted.\n' });
  process.once('SIGINT', onInterrupt);
  const instance = render(createApp(deps, input), {
    exitOnCtrlC: false,
    patchConsole: false,
    stdout,
    stdin: process.stdin,
    // A keystroke's echo must not wait for a 30 fps frame slot (Ink's default): renders follow state changes,
    // which only happen on keys, status events and the status panel's one-second clock.
    maxFps: 1000,
    // Only the lines that changed are written: a key rewrites its input line and the counter, not the frame.
    // (The bundle mends an off-by-one of Ink's in this mode: logUpdateWithLineDiffFix in scripts/ink-patches.js.)
    incrementalRendering: true,
  });
  // Ink has drawn the first frame inside render(); the effects, and the AWS SDK they load, come after.
  firstFrameShown();
  // A crash inside the app (a render error) ends Ink on its own: report it and exit 255, never a silent 0.
  instance.waitUntilExit().then(
    () => finish({ code: EXIT.other, farewell: 'healthlake-wizard: the wizard ended unexpectedly.\n' }),
    (error: unknown) => finish({ code: EXIT.other, farewell: `healthlake-wizard: ${error instanceof Error ? error.message : String(error)}\n` }),
  );
  const outcome = await ended;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  // The app closes its connections before its own exit; a signal or a crash skips that, and a sandbox left
  // listening would keep the process alive after the terminal is gone.
  await connections.closeAll();
  // After SIGTERM or SIGHUP the listeners stay: when-exit (the store's) sends the signal again to the process,
  // and a copy arriving with no listener of ours left would be re-raised by signal-exit (Ink's), killing the
  // process by the signal instead of letting it end with its exit code (seen on Node 24).
  if (outcome.code !== STOP_SIGNALS.SIGTERM && outcome.code !== STOP_SIGNALS.SIGHUP) {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  process.off('SIGINT', onInterrupt);
  if (hungUp) return outcome.code;
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  showCursor();
  if (stdout.isTTY) stdout.write('\n');
  for (const line of later.lines) process.stderr.write(line);
  if (outcome.farewell) stdout.write(outcome.farewell);
  return outcome.code;
}

/** Every connection the app opened, each closed once, however the render ends. */
class ConnectionTracker {
  private readonly opened: Promise<Connection>[] = [];

  track(opening: Promise<Connection>): Promise<Connection> {
    const once = opening.then((connection) => {
      let closing: Promise<void> | undefined;
      return { ...connection, close: () => (closing ??= connection.close()) };
    });
    this.opened.push(once);
    return once;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.opened.map((opening) => opening.then((connection) => connection.close())));
  }
}
