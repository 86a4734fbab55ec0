/** The wizard's state and events. One `phase` chooses the screen; everything else is derived where it can be. */
import type { CreateResult, DatastoreProperties, FriendlyError, StatusEvent, TargetChoice, TargetReport } from '../aws/types.js';
import type { Answers } from '../request/answers.js';
import type { TeamPolicy } from '../request/policy-types.js';
import type { PendingSubmission, Preset } from '../store/types.js';

/** Which screen is shown. */
export type Phase = 'start' | 'editing' | 'review' | 'submitting' | 'watching' | 'done' | 'failed';

/** A dialog over the current screen. */
export type Dialog = 'none' | 'confirm-submit' | 'save-preset' | 'confirm-quit' | 'confirm-skip' | 'change-target';

/** What the start screen can offer, learned after the first frame (store and credentials load lazily). */
export interface StartChoices {
  lastAnswers?: Answers;
  presets: Preset[];
  pending: PendingSubmission[];
  /** No AWS credentials were found (and the sandbox was not forced). */
  credentialsMissing: boolean;
}

/** The status panel's data. */
export interface WatchState {
  result: CreateResult;
  /** When the submission was answered (ms since epoch). */
  startedAt: number;
  properties?: DatastoreProperties;
  lastCheckAt?: number;
  nextCheckAt?: number;
  transientError?: FriendlyError;
  /** What its tags say of its expiry: not asked yet (undefined), asked, or their answer. */
  expiry?: ExpiryAnswer;
}

/**
 * The expiry as the panel knows it: `asked` until the tags are answered, then the tag's time (`at`), no tag
 * (`none`), a tag that holds no time (`unreadable`), or tags that could not be read (`failed`, with why).
 */
export type ExpiryAnswer =
  | { kind: 'asked' }
  | { kind: 'none' }
  | { kind: 'at'; at: number }
  | { kind: 'unreadable'; value: string }
  | { kind: 'failed'; reason: string };

/** The whole flow state. */
export interface WizardState {
  phase: Phase;
  dialog: Dialog;
  answers: Answers;
  /** Paths given on the command line (or by a preset): asked only when missing or invalid. */
  given: readonly string[];
  /** The prompt being edited. */
  cursor: string;
  /** Prompts visited before the current one, for Esc. */
  trail: string[];
  /** Prompts the person has confirmed with Enter. */
  visited: string[];
  /** Fields edited or left (Enter, Esc): their errors are shown; before that a field is not blamed. */
  touchedFields: string[];
  /** Steps skipped with the skip key. */
  skipped: string[];
  /** Editing a field from review: Enter goes back to review. */
  returnToReview: boolean;
  longHelp: boolean;
  /** Run against the in-process emulator. */
  sandbox: boolean;
  /** The profile chosen in the target picker; undefined: as configured (--profile, AWS_PROFILE, default). */
  chosenProfile?: string;
  /** The Region chosen in the target picker; undefined: as configured (--region, AWS_REGION, the profile). */
  chosenRegion?: string;
  /** Counts target choices: each one (the same again too) is connected and checked afresh. */
  targetVersion: number;
  /** The target's check, once back: the Region, profile and account, or the problem with its fix. */
  targetReport?: TargetReport;
  /** The target's Region once resolved: ARNs (KMS key, Lambda) must be in it. */
  region?: string;
  /** The project's team policy (`.healthlake-wizard/policy.yaml`): its rules are issues like the service model's. */
  policy?: TeamPolicy;
  /** The preset the run started from, by name (a policy rule may apply to some presets only). */
  preset?: string;
  /** `--dry-run`: the review's action prints the request; nothing is ever sent. */
  dryRun: boolean;
  /** A key was pressed: start-screen choices arriving late no longer interrupt. */
  touched: boolean;
  start?: StartChoices;
  /** A submission error, shown on review with its field highlighted. */
  submitError?: FriendlyError;
  /**
   * Resuming a pending submission instead of creating. It stays set after a failed resend while the journal
   * still holds the submission (its outcome unknown): review then resends it, never edits or re-targets it.
   */
  resuming?: PendingSubmission;
  watch?: WatchState;
  /** A short message to show once (e.g. "preset saved"). */
  notice?: string;
}

/** Everything that can happen to the flow. */
export type WizardEvent =
  | { type: 'answer'; path: string; value: Answers[string] }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'skip' }
  /** Skip the step even though it has answers (after the question `skip` asked). */
  | { type: 'confirmSkip' }
  | { type: 'jumpTo'; path: string }
  | { type: 'toggleHelp' }
  /** The target picker's choice (also the same one again, to check it afresh); answers are kept. */
  | { type: 'chooseTarget'; choice: TargetChoice }
  /** Check the same target again (fixed outside the wizard, e.g. `aws sso login`). */
  | { type: 'recheckTarget' }
  /** The target's check came back (after the first frame, in the background). */
  | { type: 'targetChecked'; report: TargetReport; /** The `targetVersion` it was made for: a late answer for an older choice is dropped. */ version: number }
  | { type: 'review' }
  /** A fresh ClientToken (InitialFlow's newClientToken, after the first frame): taken when the run has none. */
  | { type: 'clientTokenMade'; token: string }
  | { type: 'startChoices'; choices: StartChoices }
  | { type: 'startFresh' }
  | { type: 'startFrom'; answers: Answers; label: string; /** A preset: every parameter counts as given, so only what is missing (required) or invalid is asked. */ asGiven?: boolean; /** The preset's name. */ preset?: string }
  | { type: 'useSandbox' }
  | { type: 'resume'; submission: PendingSubmission }
  | { type: 'openDialog'; dialog: Exclude<Dialog, 'none'> }
  | { type: 'closeDialog' }
  | { type: 'presetSaved'; name: string }
  | { type: 'submit' }
  | { type: 'submitted'; result: CreateResult; at: number }
  | { type: 'submitFailed'; error: FriendlyError; /** The journal still holds the submission: its outcome is unknown. */ stillPending?: boolean }
  | { type: 'status'; event: StatusEvent }
  /** The data store's tags say it expires at this time (ms since epoch). */
  | { type: 'expiry'; expiry: ExpiryAnswer };

/** The target the flow is on: the sandbox, or AWS with the profile and Region chosen (undefined: as configured). */
export function targetChoiceOf(state: Pick<WizardState, 'sandbox' | 'chosenProfile' | 'chosenRegion'>): TargetChoice {
  if (state.sandbox) return { sandbox: true };
  return { sandbox: false, ...(state.chosenProfile ? { profile: state.chosenProfile } : {}), ...(state.chosenRegion ? { region: state.chosenRegion } : {}) };
}

/**
 * The problem that stops creating: the target's check failed. A dry run sends nothing, and a pending resend goes
 * to its own recorded target, so nothing stops those.
 */
export function targetBlocker(state: Pick<WizardState, 'dryRun' | 'targetReport' | 'resuming'>): FriendlyError | undefined {
  return !state.dryRun && !state.resuming && state.targetReport?.ok === false ? state.targetReport.problem : undefined;
}
