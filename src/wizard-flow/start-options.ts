/**
 * What the start screen offers, in order; the sandbox comes first (highlighted) when no credentials exist, the
 * target's fix when its check failed.
 */
import type { Answers } from '../request/answers.js';
import type { PendingSubmission, Preset } from '../store/types.js';
import type { StartChoices } from './state.js';

/** One choice on the start screen. */
export type StartOption =
  | { kind: 'sandbox'; label: string; meaning: string }
  | { kind: 'fresh'; label: string; meaning: string }
  | { kind: 'last'; label: string; meaning: string; answers: Answers }
  | { kind: 'presets'; label: string; meaning: string }
  | { kind: 'resume'; label: string; meaning: string; submission: PendingSubmission }
  /** Opens the target picker (profile, Region, sandbox). */
  | { kind: 'target'; label: string; meaning: string }
  /** Checks the same target again (after `aws sso login` in another terminal, say). */
  | { kind: 'recheck'; label: string; meaning: string };

/**
 * Nothing is configured at all: no credentials were found, and the target's check says no more than that (or
 * only that no Region is set). Credentials that exist but fail (a credential_process, an expired SSO session)
 * are not this: their fix comes first.
 */
export function nothingConfigured(choices: StartChoices, sandbox: boolean, problems: readonly string[] = []): boolean {
  return choices.credentialsMissing && !sandbox && problems.every((problem) => problem === 'NoRegion' || problem === 'NoCredentials');
}

/**
 * The options for these choices; `problems` are the codes of what stops the target (see `targetProblems`);
 * `regionNotOffered`: the Region in use is not one of HealthLake's (see `regionWarning`).
 */
export function startOptions(choices: StartChoices, sandbox: boolean, problems: readonly string[] = [], regionNotOffered = false): StartOption[] {
  const options: StartOption[] = [];
  const nothing = nothingConfigured(choices, sandbox, problems);
  const problem = problems.length > 0;
  const noRegion = problems.includes('NoRegion');
  // What is wrong besides a Region still to choose: the credentials, mended outside (then checked again).
  const broken = problems.filter((code) => code !== 'NoRegion');
  if (nothing) {
    options.push({ kind: 'sandbox', label: 'Try it in the sandbox', meaning: 'a local emulator: nothing is sent to AWS or billed' });
  }
  if (regionNotOffered && !problem) options.push({ kind: 'target', label: 'Choose another Region…', meaning: 'HealthLake is not offered in the one in use' });
  if (problem) {
    options.push(
      noRegion
        ? { kind: 'target', label: 'Choose a Region…', meaning: 'where HealthLake is offered; or another profile, or the sandbox' }
        : { kind: 'target', label: 'Change the target…', meaning: 'another AWS profile or Region, or the sandbox' },
    );
    if (broken.length > 0) options.push({ kind: 'recheck', label: 'Check again', meaning: 'once it is fixed, e.g. in another terminal' });
    // No credentials, or none that work: the sandbox needs none (offered first already when none were found on
    // this machine; after the fix when credentials exist but fail).
    if ((broken.includes('NoCredentials') || choices.credentialsMissing) && !sandbox && !options.some((option) => option.kind === 'sandbox')) {
      options.push({ kind: 'sandbox', label: 'Try it in the sandbox', meaning: 'a local emulator: nothing is sent to AWS or billed' });
    }
  }
  for (const submission of choices.pending) {
    const name = submission.request.DatastoreName ? `"${submission.request.DatastoreName}"` : 'an unnamed data store';
    options.push({ kind: 'resume', label: `Resume ${name}`, meaning: `sent ${submission.startedAt.slice(0, 16).replace('T', ' ')}, answer never arrived`, submission });
  }
  options.push({ kind: 'fresh', label: 'Start fresh', meaning: 'answer every step from the defaults' });
  if (choices.lastAnswers) options.push({ kind: 'last', label: 'Start from the last answers', meaning: 'your previous run, with a new client token', answers: choices.lastAnswers });
  if (choices.presets.length > 0) {
    const fromProject = choices.presets.filter((preset) => preset.origin === 'project').length;
    options.push({ kind: 'presets', label: 'Start from a preset…', meaning: fromProject > 0 ? `${choices.presets.length}, ${fromProject} from the project` : `${choices.presets.length} saved` });
  }
  if (nothing) {
    options.push({ kind: 'fresh', label: 'Continue with AWS anyway', meaning: 'credentials are needed to create' });
  }
  if (!problem && !regionNotOffered) options.push({ kind: 'target', label: 'Change the target…', meaning: 'another AWS profile or Region, or the sandbox' });
  return options;
}

/** A preset's origin and what it is for: the project's file (and whether it hides yours), or your description. */
export function presetMeaning(preset: Preset): string {
  // The clash first: a long path is cut at the end of the line, and the clash must not be.
  if (preset.origin === 'project') return `project${preset.hidesPersonal ? ', wins over yours' : ''} · ${preset.file}`;
  return `personal · ${preset.description ?? (preset.updatedAt ? `saved ${preset.updatedAt.slice(0, 10)}` : 'no description')}`;
}
