/** Sends the request (or resumes a pending one) when the flow enters `submitting`; saves the last answers. */
import { useEffect, type Dispatch } from 'react';
import type { WizardStore } from '../../store/types.js';
import { requestFromAnswers } from '../flow/issues.js';
import type { WizardEvent, WizardState } from '../flow/state.js';
import type { AppDeps, Connection } from './app-deps.js';
import { friendlyOf } from './friendly-error.js';
import { withoutClientToken } from './use-start-choices.js';

/** Whether the journal still holds this token (the resend's outcome is unknown); unreadable counts as held. */
async function isStillPending(store: Promise<WizardStore | undefined>, clientToken: string): Promise<boolean> {
  try {
    const opened = await store;
    return opened ? opened.journal.pending().some((submission) => submission.clientToken === clientToken) : true;
  } catch {
    return true;
  }
}

/** Runs the submission side effect of the `submitting` phase. */
export function useSubmission(
  state: WizardState,
  dispatch: Dispatch<WizardEvent>,
  deps: AppDeps,
  connection: (sandbox: boolean) => Promise<Connection>,
  store: Promise<WizardStore | undefined>,
): void {
  const submitting = state.phase === 'submitting';
  useEffect(() => {
    if (!submitting) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const { gateway } = await connection(state.sandbox);
        const result = state.resuming
          ? await gateway.resume(state.resuming, { signal: controller.signal })
          : await gateway.create(requestFromAnswers(state.answers), { signal: controller.signal });
        (await store)?.lastAnswers.set(withoutClientToken(state.answers));
        if (!controller.signal.aborted) dispatch({ type: 'submitted', result, at: deps.now() });
      } catch (error) {
        const stillPending = state.resuming ? await isStillPending(store, state.resuming.clientToken) : false;
        if (!controller.signal.aborted) dispatch({ type: 'submitFailed', error: friendlyOf(error), stillPending });
      }
    })();
    // Leaving mid-request does not abort it: the journal keeps the token so the next start can resume.
    return () => undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per submission
  }, [submitting]);
}
