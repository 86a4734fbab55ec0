/**
 * The submission itself, without React: the wizard's `useSubmission` and the plain mode both send through here.
 * The gateway journals the ClientToken before sending, so a lost answer is resumed, never sent twice.
 */
import type { CreateResult, HealthLakeGateway } from '../aws/types.js';
import { EXIT } from '../options.js';
import { policyIssues } from '../request/policy-check.js';
import type { WizardStore } from '../store/types.js';
import { requestFromAnswers } from './issues.js';
import type { WizardState } from './state.js';
import { withoutClientToken } from './start-choices.js';

/**
 * The team policy's rules on accounts, checked just before sending (the steps do not know the account): rejects
 * with the first broken rule, in the words of `create --no-interactive` (and the wizard's, for its review). Nothing
 * to ask in the sandbox.
 */
async function holdAccountRules(state: Pick<WizardState, 'answers' | 'policy' | 'preset' | 'sandbox'>, gateway: HealthLakeGateway, callerAccount: (() => Promise<string>) | undefined): Promise<void> {
  const policy = state.policy;
  if (!policy || state.sandbox || !callerAccount || !policy.rules.some((rule) => rule.accounts || rule.when?.accounts)) return;
  const [account, { region }] = await Promise.all([callerAccount(), gateway.target()]);
  const request = requestFromAnswers(state.answers);
  const [broken] = policyIssues(policy, request, { stage: 'creation', region, account, ...(state.preset ? { preset: state.preset } : {}) });
  // A FriendlyError carried on an Error (as FriendlyFailure does), which friendlyOf reads as it is.
  if (broken) {
    const friendly = { code: 'TeamPolicy', message: broken.message, fix: broken.fix, ...(broken.wizardFix ? { wizardFix: broken.wizardFix } : {}), exitCode: EXIT.usage, transient: false, ...(broken.field ? { field: broken.field } : {}) };
    throw Object.assign(new Error(broken.message), { friendly });
  }
}

/** Creates the data store the answers describe (or resumes the pending submission); keeps them as the last answers. */
export async function submitAnswers(
  state: Pick<WizardState, 'answers' | 'resuming' | 'policy' | 'preset' | 'sandbox'>,
  gateway: HealthLakeGateway,
  store: WizardStore | undefined,
  options: { signal?: AbortSignal; /** Whose the credentials are (STS), for the policy's rules on accounts. */ callerAccount?: () => Promise<string> } = {},
): Promise<CreateResult> {
  if (!state.resuming) await holdAccountRules(state, gateway, options.callerAccount);
  const result = state.resuming ? await gateway.resume(state.resuming, options) : await gateway.create(requestFromAnswers(state.answers), options);
  store?.lastAnswers.set(withoutClientToken(state.answers));
  return result;
}
