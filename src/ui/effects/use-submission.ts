/**
 * Sends the request (or resumes a pending one) when an event enters `submitting`; keeps the last answers, and
 * saves the `--save-preset` preset once the data store is created.
 */
import type { Dispatch } from 'react';
import type { CreateResult } from '../../aws/types.js';
import type { Answers } from '../../request/answers.js';
import type { WizardStore } from '../../store/types.js';
import type { WizardEvent, WizardState } from '../../wizard-flow/state.js';
import type { AppDeps, Connection } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';
import { presetPolicyLine, presetPolicyProblem } from '../../wizard-flow/preset-policy.js';
import { withoutClientToken } from '../../wizard-flow/start-choices.js';
import { submitAnswers } from '../../wizard-flow/submit-answers.js';

/** Whether the journal still holds this token (the resend's outcome is unknown); unreadable counts as held. */
async function isStillPending(store: Promise<WizardStore | undefined>, clientToken: string): Promise<boolean> {
  try {
    const opened = await store;
    return opened ? opened.journal.pending().some((submission) => submission.clientToken === clientToken) : true;
  } catch {
    return true;
  }
}

/**
 * Saves the answers (never the client token) as the named preset; tells `report` what happened, as
 * `--no-interactive --save-preset` does. True when saved.
 */
export function savePresetAs(store: WizardStore | undefined, name: string, { answers, policy }: Pick<WizardState, 'answers' | 'policy'>, report: (line: string) => void): boolean {
  if (!store) {
    report(`healthlake-wizard: the local store is not available; the preset ${JSON.stringify(name)} was not saved.\n`);
    return false;
  }
  const broken = presetPolicyProblem(policy, answers, name);
  if (broken) {
    report(`healthlake-wizard: the preset ${JSON.stringify(name)} was not saved: ${presetPolicyLine(broken).replace('\n', '\n  ')}\n`);
    return false;
  }
  try {
    store.presets.save(name, withoutClientToken(answers));
    report(`healthlake-wizard: saved preset ${JSON.stringify(name)}.\n`);
    return true;
  } catch (error) {
    report(`healthlake-wizard: the preset ${JSON.stringify(name)} cannot be saved: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

async function keepLastAnswers(store: Promise<WizardStore | undefined>, answers: Answers): Promise<void> {
  try {
    (await store)?.lastAnswers.set(withoutClientToken(answers));
  } catch {
    // The store reports its own problems when opened; a failed write must not hide the submission's error.
  }
}

/**
 * Returns `submit(state)`, called by the event that enters `submitting` (the confirmation's `submit`, the start
 * screen's `resume`) with the state it made: sends the request or resends the pending one, then dispatches
 * `submitted` (and calls `onSubmitted`, which starts the watch) or `submitFailed`.
 */
export function useSubmission(
  dispatch: Dispatch<WizardEvent>,
  deps: AppDeps,
  /** The connection of the target on hand. */
  connection: () => Promise<Connection>,
  store: Promise<WizardStore | undefined>,
  /** `--save-preset NAME`: saved when the data store is created. */
  presetName: string | undefined,
  onSubmitted: (result: CreateResult) => void,
): (state: WizardState) => void {
  // Leaving mid-request does not abort it: the journal keeps the token so the next start can resume.
  return (state) => {
    void (async () => {
      try {
        const { gateway, callerAccount } = await connection();
        const opened = await store;
        const result = await submitAnswers(state, gateway, opened, callerAccount ? { callerAccount } : {});
        if (presetName !== undefined && !state.resuming) savePresetAs(opened, presetName, state, deps.report);
        dispatch({ type: 'submitted', result, at: deps.now() });
        onSubmitted(result);
      } catch (error) {
        const stillPending = state.resuming ? await isStillPending(store, state.resuming.clientToken) : false;
        // The answers are kept for the next run too: a failure (no credentials, no region, a refused request)
        // must not cost the person what they typed.
        if (!state.resuming) await keepLastAnswers(store, state.answers);
        dispatch({ type: 'submitFailed', error: friendlyOf(error), stillPending });
      }
    })();
  };
}
