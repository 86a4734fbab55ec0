/**
 * The built binary's `emulator` command as child processes: start one, read its URL from the listening line,
 * and kill whatever is left after each test. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { requireBuild } from '../cli/built-binary.js';
import { testCodeCacheDir } from '../support/code-cache-dir.js';
import { BIN } from '../support/pty-terminal.js';
import { waitFor } from './emulator-fixture.js';

/** A running `healthlake-wizard emulator` child. */
export interface EmulatorProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the child ended. */
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `healthlake-wizard emulator ...args` and resolves once it prints its listening line. */
export async function startEmulatorProcess(args: string[]): Promise<EmulatorProcess> {
  requireBuild();
  // This process's environment, with any code cache the program writes kept out of the user's cache folder.
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    env: { ...process.env, HEALTHLAKE_WIZARD_CACHE_DIR: testCodeCacheDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`the emulator exited with ${child.exitCode}: ${err}`);
    return /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1];
  }, 'the listening line', 15_000);
  return { child, url, stdout: () => out, stderr: () => err, exit };
}
