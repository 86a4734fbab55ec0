/**
 * The sandbox: the local emulator started in-process on a free port of 127.0.0.1, with the published sandbox
 * credentials. Its data stores persist in the config dir (`sandbox-state.json`), so a later `status ID` finds
 * them. Nothing in sandbox mode reaches AWS: the endpoint, region and credentials are all given explicitly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION, StateFileError, startEmulator, type RunningEmulator } from '../emulator/index.js';
import { EXIT, type GlobalOptions } from '../options.js';
import type { StaticCredentials } from './config.js';
import { FriendlyFailure } from './errors.js';

/** Environment variable: the sandbox's CREATING -> ACTIVE delay in ms (for tests and demos). */
export const SANDBOX_CREATE_DELAY_ENV = 'HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS';

/** A running sandbox. */
export interface Sandbox {
  /** Options pointing a gateway at the sandbox (endpoint, region, `sandbox: true`). */
  options: GlobalOptions;
  /** The sandbox credentials (not a secret). */
  credentials: StaticCredentials;
  /** The emulator's URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** What the start worked around (sandbox state entries left out), one message each. */
  notices: readonly string[];
  stop(): Promise<void>;
}

/** The config dir: `HEALTHLAKE_WIZARD_CONFIG_DIR`, else the store's default directory. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  // The store's default (env-paths with no project suffix), so the sandbox state sits beside the history.
  return env.HEALTHLAKE_WIZARD_CONFIG_DIR || envPaths('healthlake-wizard', { suffix: '' }).config;
}

/** Where the sandbox keeps its data stores between runs. */
export function sandboxStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'sandbox-state.json');
}

function createDelay(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[SANDBOX_CREATE_DELAY_ENV];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Starts the sandbox emulator; call `stop()` when done. */
export async function startSandbox(env: NodeJS.ProcessEnv = process.env): Promise<Sandbox> {
  const statePath = sandboxStatePath(env);
  mkdirSync(join(statePath, '..'), { recursive: true, mode: 0o700 });
  const delay = createDelay(env);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: 0,
      region: SANDBOX_REGION,
      credentials: [SANDBOX_CREDENTIALS],
      statePath,
      ...(delay !== undefined ? { createDelayMs: delay } : {}),
    });
  } catch (error) {
    if (!(error instanceof StateFileError)) throw error;
    const fix = `Move ${statePath} away (the sandbox then starts with no data stores), or replace it with a regular file.`;
    throw new FriendlyFailure({ code: 'SandboxState', message: error.message, fix, exitCode: EXIT.config, transient: false }, error);
  }
  return {
    options: { endpointUrl: emulator.url, region: emulator.region, sandbox: true },
    // A copy: the SDK tags the credentials object it is given.
    credentials: { ...SANDBOX_CREDENTIALS },
    url: emulator.url,
    notices: emulator.notices,
    stop: () => emulator.stop(),
  };
}
