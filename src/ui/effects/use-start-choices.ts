/** After the first frame: open the store, detect credentials, and tell the flow what the start screen can offer. */
import { useEffect, type Dispatch } from 'react';
import type { WizardStore } from '../../store/types.js';
import type { WizardEvent } from '../../wizard-flow/state.js';
import type { AppDeps } from './app-deps.js';
import { loadStartChoices } from '../../wizard-flow/start-choices.js';

export { withoutClientToken } from '../../wizard-flow/start-choices.js';

/** Dispatches `startChoices` once; `askCredentials` is false when the sandbox or an endpoint was forced. */
export function useStartChoices(deps: AppDeps, store: Promise<WizardStore | undefined>, askCredentials: boolean, enabled: boolean, dispatch: Dispatch<WizardEvent>): void {
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void loadStartChoices(store, askCredentials ? () => deps.detectCredentials() : undefined)
      .then((choices) => {
        if (current) dispatch({ type: 'startChoices', choices });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, after the first frame
  }, []);
}
