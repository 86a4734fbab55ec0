/** Sends the request (or resumes a pending one) when the flow enters `submitting`; saves the last answers. */
import { useEffect, type Dispatch } from 'react';
import type { WizardStore } from '../../store/types.js';
import type { WizardEvent, WizardState } from '../flow/state.js';
import type { AppDeps, Connection } from './app-deps.js';
import { friendlyOf } from './friendly-error.js';
import { submitAnswers } from './submit-answers.js';

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
        const result = await submitAnswers(state, gateway, await store, { signal: controller.signal });
        if (!controller.signal.aborted) dispatch({ type: 'submitted', result, at: deps.now() });
      } catch (error) {
        if (!controller.signal.aborted) dispatch({ type: 'submitFailed', error: friendlyOf(error) });
      }
    })();
    // Leaving mid-request does not abort it: the journal keeps the token so the next start can resume.
    return () => undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per submission
  }, [submitting]);
}
