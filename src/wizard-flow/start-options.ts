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

/** The options for these choices; `problem` is the code of what stops the target (see `targetProblem`). */
export function startOptions(choices: StartChoices, sandbox: boolean, problem?: string): StartOption[] {
  const options: StartOption[] = [];
  if (choices.credentialsMissing && !sandbox) {
    options.push({ kind: 'sandbox', label: 'Try it in the sandbox', meaning: 'a local emulator: nothing is sent to AWS or billed' });
  }
  if (problem) {
    options.push(
      problem === 'NoRegion'
        ? { kind: 'target', label: 'Choose a Region…', meaning: 'where HealthLake is offered; or another profile, or the sandbox' }
        : { kind: 'target', label: 'Change the target…', meaning: 'another AWS profile or Region, or the sandbox' },
    );
    if (problem !== 'NoRegion') options.push({ kind: 'recheck', label: 'Check again', meaning: 'once it is fixed, e.g. in another terminal' });
    // No credentials at all: the sandbox needs none (offered first already when none were found on this machine).
    if (problem === 'NoCredentials' && !options.some((option) => option.kind === 'sandbox')) {
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
  if (choices.credentialsMissing && !sandbox) {
    options.push({ kind: 'fresh', label: 'Continue with AWS anyway', meaning: 'credentials are needed to create' });
  }
  if (!problem) options.push({ kind: 'target', label: 'Change the target…', meaning: 'another AWS profile or Region, or the sandbox' });
  return options;
}

/** A preset's origin and what it is for: the project's file (and whether it hides yours), or your description. */
export function presetMeaning(preset: Preset): string {
  if (preset.origin === 'project') return `project · ${preset.file}${preset.hidesPersonal ? ' (wins over yours)' : ''}`;
  return `personal · ${preset.description ?? `saved ${preset.updatedAt.slice(0, 10)}`}`;
}
