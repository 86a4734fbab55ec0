/**
 * What a run can start from (pending submissions to resume, the last answers, presets, the sandbox when no
 * credentials exist), read from the store and the offline credentials check. No React: the wizard's hook and
 * the plain mode both read it here.
 */
import type { Answers } from '../request/answers.js';
import type { WizardStore } from '../store/types.js';
import type { StartChoices } from './state.js';

/** Answers to reuse, without the client token (every run gets a new one). */
export function withoutClientToken(answers: Answers): Answers {
  const { ClientToken: _token, ...rest } = answers;
  return rest;
}

/** The start choices; `detectCredentials` is undefined when the sandbox or an endpoint was forced. */
export async function loadStartChoices(
  store: Promise<WizardStore | undefined> | WizardStore | undefined,
  detectCredentials: (() => Promise<{ found: boolean }>) | undefined,
): Promise<StartChoices> {
  const [opened, credentials] = await Promise.all([store, detectCredentials ? detectCredentials() : Promise.resolve({ found: true })]);
  const last = opened?.lastAnswers.get();
  return {
    ...(last ? { lastAnswers: withoutClientToken(last) } : {}),
    presets: opened?.presets.list() ?? [],
    pending: opened?.journal.pending() ?? [],
    credentialsMissing: !credentials.found,
  };
}
