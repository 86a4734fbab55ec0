/** Runs the built binary as a child process (asynchronously, so an emulator in this process keeps answering). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../support/pty-terminal.js';

/** What the child printed and how it ended. */
export interface BinaryResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `healthlake-wizard ...args` with exactly `env` (plus PATH); kills it after `timeoutMs`. */
export function runBinary(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<BinaryResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`healthlake-wizard ${args.join(' ')} did not end within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the binary; resolves once stderr matches `ready`, with a handle to signal it and await its end. */
export async function startBinary(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 20_000) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const ended = new Promise<BinaryResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  ended.finally(() => clearTimeout(timer));
  await new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (ready.test(stderr)) resolve();
    });
    ended.then((result) => reject(new Error(`ended before ${ready}: ${result.stderr}`)));
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
