/**
 * Where the store's files live. `HEALTHLAKE_WIZARD_CONFIG_DIR` (or an explicit directory) wins; otherwise conf
 * picks the platform's config directory for the project, which honours `XDG_CONFIG_HOME` on Linux.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';

/** The environment variable that moves the store (tests, CI, several profiles side by side). */
export const CONFIG_DIR_ENV = 'HEALTHLAKE_WIZARD_CONFIG_DIR';

/** conf's project name: the default directory is `<config home>/healthlake-wizard`. */
export const PROJECT_NAME = 'healthlake-wizard';

/** The directory override in force, or undefined to let conf choose. */
export function configuredDirectory(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (explicit) return explicit;
  const fromEnv = env[CONFIG_DIR_ENV];
  return fromEnv ? fromEnv : undefined;
}

/** Creates the directory if missing; a directory we create is private to the user (0700). */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
}

/** Makes the project's own directory private (0700) when group or others may read it. */
export function tightenDirectory(directory: string): void {
  if (existsSync(directory) && (statSync(directory).mode & 0o077) !== 0) chmodSync(directory, 0o700);
}
