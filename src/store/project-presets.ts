/**
 * Project presets: `.healthlake-wizard/presets/NAME.json` (or `.yaml`/`.yml`), each the document `presets export`
 * writes, so each is also a valid `--cli-input-json` (or `--cli-input-yaml`) as it stands. Read with the store's
 * rules (never through a link, never a FIFO), checked like any input, and written pretty with the keys in the
 * service model's order, so a change shows in a review as the lines that changed.
 */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Answers } from '../request/answers.js';
import { InputError, type FieldIssue } from '../request/issues.js';
import { orderRequest } from '../request/request-order.js';
import { stringifyPortableYaml } from '../request/portable-yaml.js';
import { checkPresetName } from './preset-name.js';
import { presetRequest, readImportedRequest, renderPresetExport } from './preset-document.js';
import { displayPath, ensureProjectSubfolder, projectSubfolder, type ProjectFolder } from './project-folder.js';
import { readRegularFile, writeRegularFile } from './regular-file.js';
import { StoreError } from './store-error.js';
import type { Preset } from './types.js';

/** The project folder's subfolder of presets. */
export const PROJECT_PRESETS_FOLDER = 'presets';

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** What the project's presets folder holds. */
export interface ProjectPresets {
  /** The readable presets, by name. */
  presets: Preset[];
  /** Names whose file cannot be used, with why (each issue names the file). */
  broken: Map<string, InputError>;
}

/** A project preset file: its name (the file's base name) and path. */
export interface ProjectPresetFile {
  name: string;
  path: string;
}

/** The preset files of the project, by name; names given by two files (dev.json and dev.yaml) are listed twice. */
export function projectPresetFiles(folder: ProjectFolder): ProjectPresetFile[] {
  const directory = projectSubfolder(folder, PROJECT_PRESETS_FOLDER);
  if (!directory) return [];
  return readdirSync(directory)
    .filter((entry) => EXTENSIONS.includes(extname(entry).toLowerCase()) && !entry.startsWith('.'))
    .sort()
    .map((entry) => ({ name: entry.slice(0, -extname(entry).length), path: join(directory, entry) }));
}

function fileIssue(file: string, message: string, fix: string): FieldIssue {
  return { field: '', flag: file, rule: 'file', message, fix, severity: 'error' };
}

/** One project preset file read into a preset; throws InputError (bad content) or StoreError (a link, a FIFO). */
export function readProjectPreset(folder: ProjectFolder, file: ProjectPresetFile): Preset {
  const shown = displayPath(folder, file.path);
  const nameProblem = checkPresetName(file.name, shown);
  if (nameProblem) throw new InputError([{ ...nameProblem, fix: `Rename the file: ${nameProblem.fix.replace(/^Use a name such as /, 'for example ')}` }]);
  const text = readRegularFile(file.path);
  if (text === undefined) throw new InputError([fileIssue(shown, 'The file is gone.', 'Check the presets folder.')]);
  const imported = readImportedRequest(text, shown);
  // No times: the file holds none, and its modification time is only when it was last checked out or edited here.
  return { name: file.name, answers: imported.answers, clientTokenPolicy: 'generate', origin: 'project', file: shown };
}

/** Reads every project preset; a file that cannot be used is kept in `broken` with its problems, never dropped silently. */
export function readProjectPresets(folder: ProjectFolder): ProjectPresets {
  const files = projectPresetFiles(folder);
  const presets: Preset[] = [];
  const broken = new Map<string, InputError>();
  for (const file of files) {
    const twins = files.filter((other) => other.name === file.name);
    if (twins.length > 1) {
      const shown = twins.map((twin) => displayPath(folder, twin.path));
      broken.set(file.name, new InputError([fileIssue(shown.join(' and '), `Two files define the project preset ${JSON.stringify(file.name)}.`, `Keep one of them: git rm ${shown[1]}`)]));
      continue;
    }
    try {
      presets.push(readProjectPreset(folder, file));
    } catch (error) {
      if (error instanceof InputError) broken.set(file.name, error);
      else if (error instanceof StoreError) broken.set(file.name, new InputError([fileIssue(displayPath(folder, file.path), error.message, error.fix)]));
      else throw error;
    }
  }
  return { presets, broken };
}

/** Where a saved project preset went. */
export interface SavedProjectPreset {
  /** As messages show it. */
  file: string;
  replaced: boolean;
}

/**
 * Writes the answers as the project preset `name`: over its existing file in that file's format (JSON or YAML),
 * else as `presets/NAME.json`. Mode 0644: the file is meant to be committed and read by the team.
 */
export function saveProjectPreset(folder: ProjectFolder, name: string, answers: Answers): SavedProjectPreset {
  const existing = projectPresetFiles(folder).filter((file) => file.name === name);
  if (existing.length > 1) throw new InputError([fileIssue(existing.map((file) => displayPath(folder, file.path)).join(' and '), `Two files define the project preset ${JSON.stringify(name)}.`, 'Keep one of them, then save again.')]);
  const path = existing[0]?.path ?? join(ensureProjectSubfolder(folder, PROJECT_PRESETS_FOLDER), `${name}.json`);
  const yaml = /\.ya?ml$/i.test(path);
  const text = yaml ? stringifyPortableYaml(orderRequest(presetRequest({ answers }))) : renderPresetExport({ answers });
  writeRegularFile(path, text, 0o644);
  return { file: displayPath(folder, path), replaced: existing.length > 0 };
}
