/** After the first frame: open the store, detect credentials, and tell the flow what the start screen can offer. */
import { useEffect, type Dispatch } from 'react';
import type { Answers } from '../../request/answers.js';
import type { WizardStore } from '../../store/types.js';
import type { WizardEvent } from '../flow/state.js';
import type { AppDeps } from './app-deps.js';

/** Answers to reuse, without the client token (every run gets a new one). */
export function withoutClientToken(answers: Answers): Answers {
  const { ClientToken: _token, ...rest } = answers;
  return rest;
}

/** Dispatches `startChoices` once; `askCredentials` is false when the sandbox or an endpoint was forced. */
export function useStartChoices(deps: AppDeps, store: Promise<WizardStore | undefined>, askCredentials: boolean, enabled: boolean, dispatch: Dispatch<WizardEvent>): void {
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void (async () => {
      const [opened, credentials] = await Promise.all([store, askCredentials ? deps.detectCredentials() : Promise.resolve({ found: true })]);
      const last = opened?.lastAnswers.get();
      const choices = {
        ...(last ? { lastAnswers: withoutClientToken(last) } : {}),
        presets: opened?.presets.list() ?? [],
        pending: opened?.journal.pending() ?? [],
        credentialsMissing: !credentials.found,
      };
      if (current) dispatch({ type: 'startChoices', choices });
    })().catch(() => undefined);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, after the first frame
  }, []);
}
