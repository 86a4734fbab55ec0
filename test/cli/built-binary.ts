/**
 * The built binary as a child process, for every test folder: run it to its end, start it and wait for a line,
 * and a throwaway HOME. Asynchronous, so an emulator in the test's own process keeps answering meanwhile.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from '../support/pty-terminal.js';
import { testCodeCacheDir } from '../support/code-cache-dir.js';

/** What the child printed and how it ended. */
export interface BinaryResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run the binary: `umask` (octal text such as "000") runs it through sh with that umask. */
export interface BinaryOptions {
  umask?: string;
  timeoutMs?: number;
  /** Run as this user id (and its group id), e.g. 65534 (nobody); only root may. */
  uid?: number;
  /** The working directory (default: this process's). */
  cwd?: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** What `--debug` says of a script loaded on its first start (an empty user cache), by the built launcher. */
export function cachedOutcome(): string {
  const launcher = createRequire(import.meta.url)('../../dist/launcher.cjs') as { shippedCacheFits(distDir: string): boolean };
  // On a Node the build warmed no cache for, none is shipped: the first start compiles, then caches.
  return launcher.shippedCacheFits(fileURLToPath(new URL('../../dist', import.meta.url))) ? 'cached code' : 'no cache';
}

/** Fails early with a clear message when `npm run build` has not been run. */
export function requireBuild(): void {
  if (!existsSync(new URL('../../dist/app.cjs', import.meta.url))) throw new Error('dist/app.cjs is missing: run `npm run build` before these tests');
}

/** The child with exactly `env` (plus PATH, and NO_COLOR unless `env` says otherwise), collecting its output. */
function spawnBinary(args: string[], env: NodeJS.ProcessEnv, umask: string | undefined, uid?: number, cwd?: string) {
  const [file, argv] = umask
    ? ['/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const child = spawn(file, argv, { env: { PATH: process.env.PATH, NO_COLOR: '1', HEALTHLAKE_WIZARD_CACHE_DIR: testCodeCacheDir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(uid !== undefined ? { uid, gid: uid } : {}), ...(cwd ? { cwd } : {}) });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const ended = new Promise<BinaryResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...output }));
  });
  return { child, output, ended };
}

/** Runs `healthlake-wizard ...args` to its end; kills it and rejects after `timeoutMs`. */
export function runBinary(args: string[], env: NodeJS.ProcessEnv, options: BinaryOptions = {}): Promise<BinaryResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { child, output, ended } = spawnBinary(args, env, options.umask, options.uid, options.cwd);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`healthlake-wizard ${args.join(' ')} did not end within ${timeoutMs} ms\n${output.stderr}`));
    }, timeoutMs);
    ended.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** Starts the binary; resolves once stderr matches `ready`, with a handle to signal it and await its end. */
export async function startBinary(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const { child, output, ended } = spawnBinary(args, env, undefined);
  // A last resort so that no child outlives the test; the test signals it long before.
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  void ended.finally(() => clearTimeout(timer));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => {
      if (ready.test(output.stderr)) resolve();
    });
    ended.then((result) => reject(new Error(`ended before ${ready}: ${result.stderr}`)), reject);
  });
  return { child, ended };
}

/** A throwaway HOME and config dir with no AWS configuration; `remove()` deletes it. */
export function emptyHome(): { home: string; env: NodeJS.ProcessEnv; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'hlw-home-'));
  return {
    home,
    env: {
      HOME: home,
      USERPROFILE: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config'),
      // The credential chain must never reach the network: no instance metadata, no container endpoints.
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
