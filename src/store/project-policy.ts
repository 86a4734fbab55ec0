/**
 * The project's team policy: `.healthlake-wizard/policy.yaml` (or `.yml`, or `policy.json`), read with the store's
 * rules (never through a link, never a FIFO) and compiled. Ajv and the YAML parser load only where a policy is:
 * a run in a folder without one (a dry run, say) pays for a few lstat calls.
 */
import { join } from 'node:path';
import type { TeamPolicy } from '../request/policy-types.js';
import { displayPath, findProjectFolder, type ProjectFolder } from './project-folder.js';
import { lstatIfPresent, readRegularFile } from './regular-file.js';

/** The names a policy file may have, in the project folder. */
export const POLICY_FILE_NAMES = ['policy.yaml', 'policy.yml', 'policy.json'] as const;

/** The project folder (when found) and its policy (when it has one). */
export interface ProjectPolicy {
  folder?: ProjectFolder;
  policy?: TeamPolicy;
}

/** The policy of this project folder, or undefined when it has none. Throws PolicyFileError or StoreError (253). */
export async function readProjectPolicy(folder: ProjectFolder): Promise<TeamPolicy | undefined> {
  const present = POLICY_FILE_NAMES.map((name) => join(folder.path, name)).filter((path) => lstatIfPresent(path));
  if (present.length === 0) return undefined;
  const { PolicyFileError, readPolicy } = await import('../request/policy-file.js');
  if (present.length > 1) {
    const shown = present.map((path) => displayPath(folder, path));
    throw new PolicyFileError(`${shown.join(' and ')}: the project has ${present.length} policy files; which one holds is not clear.`, `Keep one of them (git rm ${shown[1]}).`);
  }
  const path = present[0]!;
  const text = readRegularFile(path);
  return text === undefined ? undefined : readPolicy(text, displayPath(folder, path));
}

/** The project folder found from `cwd` upward and its policy. Throws PolicyFileError or StoreError (253). */
export async function loadProjectPolicy(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<ProjectPolicy> {
  const folder = findProjectFolder(cwd, env);
  if (!folder) return {};
  const policy = await readProjectPolicy(folder);
  return { folder, ...(policy ? { policy } : {}) };
}
