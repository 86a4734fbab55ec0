/**
 * Where the store's files live. `HEALTHLAKE_WIZARD_CONFIG_DIR` (or an explicit directory) wins; otherwise the
 * platform's config directory for the project (env-paths), which honours `XDG_CONFIG_HOME` on Linux.
 */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import envPaths from 'env-paths';

/** The environment variable that moves the store (tests, CI, several profiles side by side). */
export const CONFIG_DIR_ENV = 'HEALTHLAKE_WIZARD_CONFIG_DIR';

/** The project's name: the default directory is `<config home>/healthlake-wizard`. */
export const PROJECT_NAME = 'healthlake-wizard';

/** The platform's config directory for the project, e.g. `$XDG_CONFIG_HOME/healthlake-wizard` on Linux. */
export function defaultDirectory(): string {
  return envPaths(PROJECT_NAME, { suffix: '' }).config;
}

/** The directory override in force, or undefined for the default. */
export function configuredDirectory(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (explicit) return explicit;
  const fromEnv = env[CONFIG_DIR_ENV];
  return fromEnv ? fromEnv : undefined;
}

/** Creates the directory if missing; a directory we create is private to the user (0700). */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
}

/**
 * Makes the project's own directory private (0700) when group or others may read it. A link to a directory (a
 * person's dotfiles setup, say) is left as it is: chmod would change what it points to.
 */
export function tightenDirectory(directory: string): void {
  const stats = lstatSync(directory, { throwIfNoEntry: false });
  if (stats?.isDirectory() && (stats.mode & 0o077) !== 0) chmodSync(directory, 0o700);
}
