/**
 * The submission itself, without React: the wizard's `useSubmission` and the plain mode both send through here.
 * The gateway journals the ClientToken before sending, so a lost answer is resumed, never sent twice.
 */
import type { CreateResult, HealthLakeGateway } from '../../aws/types.js';
import type { WizardStore } from '../../store/types.js';
import { requestFromAnswers } from '../flow/issues.js';
import type { WizardState } from '../flow/state.js';
import { withoutClientToken } from './start-choices.js';

/** Creates the data store the answers describe (or resumes the pending submission); keeps them as the last answers. */
export async function submitAnswers(
  state: Pick<WizardState, 'answers' | 'resuming'>,
  gateway: HealthLakeGateway,
  store: WizardStore | undefined,
  options: { signal?: AbortSignal } = {},
): Promise<CreateResult> {
  const result = state.resuming ? await gateway.resume(state.resuming, options) : await gateway.create(requestFromAnswers(state.answers), options);
  store?.lastAnswers.set(withoutClientToken(state.answers));
  return result;
}
