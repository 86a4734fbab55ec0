/**
 * Shared set-up of the wizard's end-to-end tests: a temp HOME and config dir, an emulator in this process,
 * and the built binary in a pty pointed at it with the emulator's credentials.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { KEYS, REPO_ROOT, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';

/** A temp HOME and config dir, removed by `cleanup()`. */
export interface Sandboxed {
  home: string;
  configDir: string;
  cleanup(): void;
}

/** Fails early with a clear message when the bundle is missing. */
export function requireBuild(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'app.cjs'))) throw new Error('dist/app.cjs is missing: run `npm run build` first.');
}

/** Temp directories for one run. */
export function tempHome(): Sandboxed {
  const root = mkdtempSync(join(tmpdir(), 'hlw-e2e-'));
  return { home: join(root, 'home'), configDir: join(root, 'config'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** An emulator on 127.0.0.1 with a short creation delay. */
export function emulatorForTests(createDelayMs = 200): Promise<RunningEmulator> {
  return startEmulator({ createDelayMs });
}

/** The environment of a run against the emulator: the throwaway home, the emulator's credentials and Region. */
export function emulatorEnv(emulator: RunningEmulator, dirs: Sandboxed): Record<string, string> {
  return {
    HOME: dirs.home,
    HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir,
    AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
    AWS_REGION: emulator.region,
  };
}

/** The wizard in an 80x24 pty, talking to the emulator with its credentials; in `cwd` when given. */
export function spawnWizard(emulator: RunningEmulator, dirs: Sandboxed, args: string[] = [], cwd?: string): PtyTerminal {
  return spawnCli(['--endpoint-url', emulator.url, ...args], { cols: 80, rows: 24, ...(cwd ? { cwd } : {}), env: emulatorEnv(emulator, dirs) });
}

/** Whether the output leaves the terminal usable: the cursor shown again after it was last hidden. */
export function cursorRestored(output: string): boolean {
  const hidden = output.lastIndexOf('\x1b[?25l');
  return hidden === -1 || output.lastIndexOf('\x1b[?25h') > hidden;
}

/**
 * The rows of the review's current preview tab, read by scrolling it one line at a time (the pane shows a
 * window of them): what a person would copy from the screen, row by row. `ready` tells that the tab is shown.
 */
export async function readPreviewRows(term: PtyTerminal, ready: (screen: string) => boolean): Promise<string[]> {
  const lines: string[] = [];
  await term.waitFor((screen) => ready(screen) && screen.includes('Ctrl+C quit'));
  for (let offset = 0; offset < 200; offset++) {
    const rows = term.lines();
    const tabs = rows.findIndex((row) => row.includes('CloudFormation'));
    const pane = rows.slice(tabs + 2);
    const start = pane[0]?.startsWith('↑ ') ? 1 : 0;
    const end = pane.findIndex((row) => row.startsWith('↓ ') && row.endsWith('more lines'));
    if (end === -1) {
      const last = pane.findIndex((row, index) => index >= start && (row === '' || row.startsWith('… a line longer than the pane') || row.startsWith('✓ Wrote ')));
      lines.push(...pane.slice(start, last === -1 ? undefined : last));
      break;
    }
    lines.push(pane[start]!);
    term.write('\x1b[B');
    // The whole frame for the next offset is on screen once its "↑ N more lines" marker and the footer are.
    await term.waitFor((screen) => screen.includes(`↑ ${offset + 1} more lines`) && screen.includes('Ctrl+C quit'), 5000);
  }
  return lines;
}

/** Reads the review's JSON tab as a person would copy it from the screen, and parses it. */
export async function readJsonPreview(term: PtyTerminal): Promise<unknown> {
  const lines = await readPreviewRows(term, (screen) => screen.includes('"DatastoreTypeVersion"'));
  // The pane breaks a long line only between JSON tokens, where a line break is white space.
  return JSON.parse(lines.join('\n'));
}

/** On review: opens the confirmation and confirms, waiting for each screen (a loaded machine can be slow). */
export async function confirmCreate(term: PtyTerminal): Promise<void> {
  term.write('c');
  await term.waitFor('billed per hour', 20_000);
  term.write('y');
  await term.waitFor((screen) => !screen.includes('billed per hour'), 20_000);
}

/** At a step: Ctrl+C, waits for the quit question, answers yes; resolves with the exit code. */
export async function quitAndDiscard(term: PtyTerminal): Promise<number> {
  await term.press(KEYS.ctrlC);
  await term.waitFor('Quit and discard your answers?');
  term.write('y');
  return (await term.exited).exitCode;
}

/** What a wizard e2e file works with: its emulator, and per test temp dirs and the pty (closed after each test). */
export interface WizardFixture {
  readonly emulator: RunningEmulator;
  /** New temp dirs for this test (removed after it). */
  tempHome(): Sandboxed;
  /** Registers a pty to close after this test; returns it. */
  track(term: PtyTerminal): PtyTerminal;
  /** The wizard pointed at the emulator, with new temp dirs. */
  spawn(args?: string[]): PtyTerminal;
}

/** Registers the hooks every wizard e2e file needs and returns the fixture. */
export function useWizardFixture(createDelayMs?: number): WizardFixture {
  let emulator: RunningEmulator | undefined;
  const dirs: Sandboxed[] = [];
  const terms: PtyTerminal[] = [];
  beforeAll(async () => {
    requireBuild();
    emulator = await emulatorForTests(createDelayMs);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  afterEach(async () => {
    for (const term of terms.splice(0)) await term.close();
    for (const made of dirs.splice(0)) made.cleanup();
  });
  const fixture: WizardFixture = {
    get emulator() {
      if (!emulator) throw new Error('the emulator starts in beforeAll');
      return emulator;
    },
    tempHome() {
      const made = tempHome();
      dirs.push(made);
      return made;
    },
    track(term) {
      terms.push(term);
      return term;
    },
    spawn(args = []) {
      return fixture.track(spawnWizard(fixture.emulator, fixture.tempHome(), args));
    },
  };
  return fixture;
}
