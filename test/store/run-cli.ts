/** Runs the built binary as a child process with exactly the given environment (plus PATH), optionally under a umask. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN } from '../support/pty-terminal.js';

/** What the child printed and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails early with a clear message when `npm run build` has not been run. */
export function requireBuild(): void {
  if (!existsSync(new URL('../../dist/cli.js', import.meta.url))) throw new Error('dist/cli.js is missing: run `npm run build` before these tests');
}

/** `healthlake-wizard ...args`; `umask` (octal text such as "000") runs it through sh with that umask. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: { umask?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const [file, argv] = options.umask
    ? ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`healthlake-wizard ${args.join(' ')} did not end within ${options.timeoutMs ?? 20_000} ms\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
