/**
 * Drives the built binary in a real pseudo-terminal and reads the screen as a person sees it: the pty's output
 * is fed into a headless xterm, so cursor movements and erasures are applied, not just stripped.
 * Used by the end-to-end tests, the benchmarks and the media recorder.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testCodeCacheDir } from './code-cache-dir.js';

const { Terminal } = xterm;

/** The repository root: the nearest folder above this module with our package.json (works when bundled too). */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
/** The launcher of the built bundle. */
export const BIN = join(REPO_ROOT, 'bin', 'healthlake-wizard.cjs');

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'healthlake-wizard') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the healthlake-wizard package root');
  }
}

export { KEYS } from './keys.js';

/** One output chunk with its arrival time, for recordings. */
export interface OutputEvent {
  /** Milliseconds since spawn. */
  at: number;
  data: string;
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  cwd?: string;
  /** The executable; defaults to the running node with the built launcher as first argument. */
  file?: string;
}

type ScreenPredicate = string | RegExp | ((screen: string) => boolean);

function matches(screen: string, predicate: ScreenPredicate): boolean {
  if (typeof predicate === 'string') return screen.includes(predicate);
  if (predicate instanceof RegExp) return predicate.test(screen);
  return predicate(screen);
}

/** A program running in a pty, with its screen. */
export class PtyTerminal {
  readonly events: OutputEvent[] = [];
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;
  private readonly term: InstanceType<typeof Terminal>;
  private readonly started = performance.now();
  private pending = Promise.resolve();
  private listeners = new Set<() => void>();
  private exitInfo: { exitCode: number; signal?: number } | undefined;
  private syncTail = '';
  private syncOpen = false;
  private midFrame = false;

  constructor(args: string[], options: SpawnOptions = {}) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    const file = options.file ?? process.execPath;
    const argv = options.file ? args : [BIN, ...args];
    this.pty = spawn(file, argv, {
      // node-pty sets TERM from its name: a test's TERM (dumb) must survive.
      name: options.env?.TERM ?? 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? REPO_ROOT,
      env: cleanEnv(options.env),
    });
    this.pty.onData((data) => {
      this.events.push({ at: performance.now() - this.started, data });
      const midFrame = this.syncState(data);
      // xterm parses asynchronously; chain writes so listeners see the screen after each chunk is applied.
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
      void this.pending.then(() => {
        this.midFrame = midFrame;
        this.notify();
      });
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitInfo = { exitCode, signal };
        void this.pending.then(() => {
          this.notify();
          resolve({ exitCode, signal });
        });
      });
    });
  }

  /**
   * Whether the output stops inside a synchronized update (`ESC[?2026h` ... `ESC[?2026l`, which Ink wraps each
   * frame in). A terminal shows such a frame only once it is whole, and so do `waitFor` and `lines()` checks: with
   * only changed lines written, the unchanged footer is no sign that a frame has arrived.
   */
  private syncState(data: string): boolean {
    const window = this.syncTail + data;
    this.syncTail = window.slice(-8);
    const opened = window.lastIndexOf('\x1b[?2026h');
    const closed = window.lastIndexOf('\x1b[?2026l');
    if (opened === -1 && closed === -1) return this.syncOpen;
    this.syncOpen = opened > closed;
    return this.syncOpen;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The visible screen as text, one line per row, trailing spaces trimmed. */
  screen(): string {
    return this.lines().join('\n');
  }

  /** The visible rows as text. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return out;
  }

  /** Every line the terminal holds, the scrollback included, as text. */
  history(): string {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < buffer.length; y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return out.join('\n');
  }

  /** The headless terminal, for renderers that need colours (the media recorder). */
  get terminal(): InstanceType<typeof Terminal> {
    return this.term;
  }

  /** All output so far, raw. */
  output(): string {
    return this.events.map((event) => event.data).join('');
  }

  /** Resolves with the screen once it satisfies the predicate; rejects with the screen after `timeoutMs`. */
  waitFor(predicate: ScreenPredicate, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.midFrame && !this.exitInfo) return;
        const screen = this.screen();
        if (matches(screen, predicate)) {
          cleanup();
          resolve(screen);
        } else if (this.exitInfo && matches(this.history(), predicate)) {
          // The last frames and what the program printed on its way out can arrive in one read: a frame that
          // scrolled away as the program ended was still shown.
          cleanup();
          resolve(screen);
        } else if (this.exitInfo) {
          cleanup();
          reject(new Error(`program exited (${this.exitInfo.exitCode}) before ${String(predicate)}; screen:\n${screen}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(predicate)}; screen:\n${this.screen()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      void this.pending.then(check);
    });
  }

  /** Resolves once the program has written nothing for `quietMs` (a frame drawn in several writes is whole). */
  async settled(quietMs = 150, timeoutMs = 5_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await this.pending;
      const last = this.events.at(-1)?.at ?? 0;
      const quietFor = performance.now() - this.started - last;
      if (quietFor >= quietMs || performance.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
    }
  }

  /** Sends raw input. */
  write(data: string): void {
    this.pty.write(data);
  }

  /**
   * Sends keys one at a time, waiting after each until a whole frame shows a change (or the program has ended).
   * A key that changes nothing within `timeoutMs` fails, naming the key and showing the screen it left.
   */
  async press(...keys: string[]): Promise<void> {
    const timeoutMs = 5_000;
    for (const key of keys) {
      const before = this.screen();
      this.pty.write(key);
      try {
        await this.waitFor((screen) => screen !== before, timeoutMs);
      } catch {
        if (this.exitInfo) continue;
        throw new Error(`pressed ${JSON.stringify(key)}: the screen did not change within ${timeoutMs} ms; it shows:\n${this.screen()}`);
      }
    }
  }

  /** Types text as one write (a paste) or character by character. */
  type(text: string): void {
    this.pty.write(text);
  }

  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Sends a signal to the program (as a closed terminal sends SIGHUP, or `kill` SIGTERM). */
  signal(signal: NodeJS.Signals): void {
    process.kill(this.pty.pid, signal);
  }

  /** The program's process id. */
  get pid(): number {
    return this.pty.pid;
  }

  /** Closes the terminal, as closing its window does: the program gets SIGHUP and its writes fail. */
  hangUp(): void {
    (this.pty as IPty & { destroy(): void }).destroy();
  }

  /** Kills the process if it is still running and waits for it. */
  async close(): Promise<void> {
    if (!this.exitInfo) {
      try {
        this.pty.kill();
      } catch {
        // already gone
      }
    }
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    this.term.dispose();
  }
}

/** An environment with nothing of the developer's AWS setup, colours and terminal settings leaking in. */
function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|HEALTHLAKE_WIZARD_|NO_COLOR|FORCE_COLOR|CI$|TMUX)/.test(key)) continue;
    env[key] = value;
  }
  env.TERM = 'xterm-256color';
  env.AWS_EC2_METADATA_DISABLED = 'true';
  env.HEALTHLAKE_WIZARD_CACHE_DIR = testCodeCacheDir();
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Spawns `healthlake-wizard ARGS` (the built bundle) in a pty. */
export function spawnCli(args: string[], options: SpawnOptions = {}): PtyTerminal {
  return new PtyTerminal(args, options);
}
