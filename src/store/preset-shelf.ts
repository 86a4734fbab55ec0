/**
 * Presets: named, validated answers without a ClientToken or anything credential-like. Every change re-reads the
 * file under its lock, so presets saved by another process meanwhile are kept.
 */
import { buildCreateRequest, answersFromRequest, type Answers } from '../request/answers.js';
import { errorsOnly, InputError, type FieldIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';
import { validateRequest } from '../request/validate.js';
import type { DocumentFile } from './document-file.js';
import type { PresetMap } from './document-kinds.js';
import { checkPresetName } from './preset-name.js';
import { credentialLikePaths, withoutClientToken } from './secret-guard.js';
import type { Preset, WizardStore } from './types.js';

/** Longest description kept with a preset. */
export const DESCRIPTION_MAX_LENGTH = 256;

function issue(rule: FieldIssue['rule'], message: string, fix: string, value?: unknown, flag = 'preset'): FieldIssue {
  return { field: '', flag, rule, message, fix, ...(value === undefined ? {} : { value }), severity: 'error' };
}

function requireName(name: string): void {
  const problem = checkPresetName(name);
  if (problem) throw new InputError([problem]);
}

function checkDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const trimmed = description.trim();
  if (trimmed.length > DESCRIPTION_MAX_LENGTH || /[\r\n]/.test(trimmed)) {
    throw new InputError([issue('max-length', `A preset description is one line of at most ${DESCRIPTION_MAX_LENGTH} characters.`, 'Shorten it to a single line.', description)]);
  }
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The answers a preset may keep: known request fields only, no ClientToken, nothing credential-like, and valid
 * as a request (warnings allowed). Throws InputError listing every problem.
 */
export function presetAnswers(answers: Answers): Answers {
  const kept = answersFromRequest(buildCreateRequest(withoutClientToken(answers)));
  const credentials = credentialLikePaths(kept).map((path) =>
    issue('pattern', `${path} looks like an AWS credential; presets never hold credentials.`, 'Remove the credential from this field (credentials belong in your AWS profile).'),
  );
  const errors = errorsOnly(validateRequest(buildCreateRequest(kept)));
  if (credentials.length + errors.length > 0) throw new InputError([...credentials, ...errors]);
  return kept;
}

function missing(name: string, names: readonly string[], flag?: string): InputError {
  const fix = names.length > 0 ? 'Run healthlake-wizard presets list to see the saved presets.' : 'No presets are saved yet; save one with healthlake-wizard presets save NAME, create --save-preset NAME, or the wizard.';
  return new InputError([issue('unknown', `There is no preset named ${JSON.stringify(name)}.${didYouMean(name, names)}`, fix, name, flag)]);
}

/**
 * The preset with this name; else throws InputError (252) naming the closest saved name. `flag` is what the
 * message names as the source of the name (`--preset` for `create --preset NAME`).
 */
export function requirePreset(presets: WizardStore['presets'], name: string, flag?: string): Preset {
  const preset = presets.get(name);
  if (!preset) throw missing(name, presets.list().map((known) => known.name), flag);
  return preset;
}

/** The presets part of the store, over presets.json. */
export function presetShelf(file: DocumentFile<PresetMap>, now: () => Date): WizardStore['presets'] {
  return {
    list: () => Object.values(file.read()).sort((a, b) => a.name.localeCompare(b.name)),
    get: (name) => {
      const presets = file.read();
      return Object.hasOwn(presets, name) ? presets[name] : undefined;
    },
    save(name, answers, description) {
      requireName(name);
      const text = checkDescription(description);
      const kept = presetAnswers(answers);
      let saved: Preset | undefined;
      file.update((presets) => {
        const at = now().toISOString();
        const createdAt = Object.hasOwn(presets, name) ? presets[name]!.createdAt : at;
        saved = { name, ...(text ? { description: text } : {}), answers: kept, clientTokenPolicy: 'generate', createdAt, updatedAt: at };
        presets[name] = saved;
      });
      return saved!;
    },
    delete(name) {
      let existed = false;
      file.update((presets) => {
        existed = Object.hasOwn(presets, name);
        delete presets[name];
      });
      return existed;
    },
    rename(from, to) {
      requireName(to);
      let renamed: Preset | undefined;
      file.update((presets) => {
        if (!Object.hasOwn(presets, from)) throw missing(from, Object.keys(presets));
        if (from === to) {
          renamed = presets[from];
          return;
        }
        if (Object.hasOwn(presets, to)) {
          throw new InputError([issue('duplicate', `A preset named ${JSON.stringify(to)} exists already.`, `Choose another name, or delete it first: healthlake-wizard presets delete ${to}`, to)]);
        }
        renamed = { ...presets[from]!, name: to, updatedAt: now().toISOString() };
        delete presets[from];
        presets[to] = renamed;
      });
      return renamed!;
    },
  };
}
