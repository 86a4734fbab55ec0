/**
 * The project folder `.healthlake-wizard/`: a team's presets and policy kept in its repository. It is found as git
 * finds `.git`: in the working directory, else in each parent up to the file-system root. A folder that is a
 * link, or that belongs to another user (one planted in a shared parent such as /tmp), is refused rather than
 * trusted: its policy and presets would decide what is created.
 */
import { lstatSync, mkdirSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { lstatIfPresent } from './regular-file.js';
import { StoreError } from './store-error.js';

/** The folder's name. */
export const PROJECT_FOLDER_NAME = '.healthlake-wizard';

/** The environment variable naming the project folder outright (no search, no ownership check). */
export const PROJECT_DIR_ENV = 'HEALTHLAKE_WIZARD_PROJECT_DIR';

/** A project folder found. */
export interface ProjectFolder {
  /** The folder itself (`…/.healthlake-wizard`). */
  path: string;
  /** The directory it was started from (paths in messages are shown relative to it). */
  cwd: string;
}

/** A path as messages show it: relative to the working directory when below or beside it, else absolute. */
export function displayPath(folder: Pick<ProjectFolder, 'cwd'>, path: string): string {
  const shown = relative(folder.cwd, path);
  return shown === '' || isAbsolute(shown) || shown.split(/[\\/]/).filter((part) => part === '..').length > 3 ? path : shown;
}

function refusal(path: string, message: string, fix: string): StoreError {
  return new StoreError(`${path}: ${message}`, fix);
}

/** Why a `.healthlake-wizard` entry cannot be trusted as the project folder, or undefined when it can. */
function untrusted(path: string, stats: Stats, checkOwner: boolean): StoreError | undefined {
  if (stats.isSymbolicLink()) {
    return refusal(path, 'the project folder is a symbolic link; healthlake-wizard reads its policy and presets only from a real directory.', `Replace the link with the folder itself, or name the folder outright: ${PROJECT_DIR_ENV}=PATH.`);
  }
  if (!stats.isDirectory()) {
    return refusal(path, 'is not a directory, so it cannot hold the project\'s presets and policy (it is not skipped: a team policy must never be passed over silently).', 'Move it out of the way, or make it the folder: mkdir -p .healthlake-wizard/presets');
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (checkOwner && uid !== undefined && stats.uid !== uid && stats.uid !== 0) {
    return refusal(
      path,
      `the project folder belongs to another user (uid ${stats.uid}); its policy and presets are not trusted, as git does not trust a repository of another user.`,
      `If it is yours to trust, name it outright (${PROJECT_DIR_ENV}=${path}) or take ownership of it; else remove it or work elsewhere.`,
    );
  }
  return undefined;
}

/**
 * The project folder for `cwd`: `HEALTHLAKE_WIZARD_PROJECT_DIR` when set, else the nearest `.healthlake-wizard`
 * from `cwd` upward; undefined when there is none. Throws StoreError (exit 253) for one that cannot be trusted.
 */
export function findProjectFolder(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ProjectFolder | undefined {
  const start = resolve(cwd);
  const named = env[PROJECT_DIR_ENV];
  if (named) {
    const path = resolve(start, named);
    const stats = lstatIfPresent(path);
    if (!stats) throw refusal(path, `${PROJECT_DIR_ENV} names a folder that does not exist.`, `Create it (mkdir -p ${path}/presets) or unset ${PROJECT_DIR_ENV}.`);
    const problem = untrusted(path, stats, false);
    if (problem) throw problem;
    return { path, cwd: start };
  }
  for (let directory = start; ; directory = dirname(directory)) {
    const path = join(directory, PROJECT_FOLDER_NAME);
    const stats = lstatIfPresent(path);
    if (stats) {
      const problem = untrusted(path, stats, true);
      if (problem) throw problem;
      return { path, cwd: start };
    }
    if (dirname(directory) === directory) return undefined;
  }
}

/** The project folder, created in `cwd` when none is found (for `presets save --project`); `created` says so. */
export function ensureProjectFolder(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): { folder: ProjectFolder; created: boolean } {
  const found = findProjectFolder(cwd, env);
  if (found) return { folder: found, created: false };
  const path = join(resolve(cwd), PROJECT_FOLDER_NAME);
  mkdirSync(path, { mode: 0o755 });
  return { folder: { path, cwd: resolve(cwd) }, created: true };
}

/** A subfolder of the project folder (`presets`): a real directory or absent; a link or a file there is refused. */
export function projectSubfolder(folder: ProjectFolder, name: string): string | undefined {
  const path = join(folder.path, name);
  const stats = lstatIfPresent(path);
  if (!stats) return undefined;
  if (stats.isDirectory()) return path;
  throw refusal(displayPath(folder, path), stats.isSymbolicLink() ? 'is a symbolic link; project files are read only from real directories.' : 'is not a directory.', `Make it a directory of its own: mv ${path} ${path}.aside && mkdir ${path}`);
}

/** Creates a subfolder of the project folder when missing; returns its path. */
export function ensureProjectSubfolder(folder: ProjectFolder, name: string): string {
  const existing = projectSubfolder(folder, name);
  if (existing) return existing;
  const path = join(folder.path, name);
  mkdirSync(path, { mode: 0o755 });
  // A race (another process made it a link meanwhile) is caught here, before anything is written into it.
  if (!lstatSync(path).isDirectory()) throw refusal(path, 'is not a directory.', 'Remove it and try again.');
  return path;
}
