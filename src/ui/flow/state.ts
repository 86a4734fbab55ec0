/** The wizard's state and events. One `phase` chooses the screen; everything else is derived where it can be. */
import type { CreateResult, DatastoreProperties, FriendlyError, StatusEvent } from '../../aws/types.js';
import type { Answers } from '../../request/answers.js';
import type { PendingSubmission, Preset } from '../../store/types.js';

/** Which screen is shown. */
export type Phase = 'start' | 'editing' | 'review' | 'submitting' | 'watching' | 'done' | 'failed';

/** A dialog over the current screen. */
export type Dialog = 'none' | 'confirm-submit' | 'save-preset' | 'confirm-quit' | 'confirm-skip';

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
  /** When the data store expires (its tag healthlake-wizard:expires-at), once its tags were read. */
  expiresAt?: number;
}

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
  /** The target's Region once resolved: ARNs (KMS key, Lambda) must be in it. */
  region?: string;
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
  /** The target (region, credentials) was resolved after the first frame. */
  | { type: 'targetResolved'; region: string }
  | { type: 'review' }
  | { type: 'startChoices'; choices: StartChoices }
  | { type: 'startFresh' }
  | { type: 'startFrom'; answers: Answers; label: string; /** A preset: every parameter counts as given, so only what is missing (required) or invalid is asked. */ asGiven?: boolean }
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
  | { type: 'expiry'; at: number };
