/**
 * Whose the credentials are, for the team policy's rules on accounts: STS GetCallerIdentity through the target
 * check. Loads the SDK: import it lazily.
 */
import type { GlobalOptions } from '../options.js';
import { checkTarget } from './target-check.js';
import type { FriendlyError } from './types.js';

/** The account of the credentials the options name; rejects with `{ friendly }` when STS cannot say. */
export async function callerAccount(options: GlobalOptions): Promise<string> {
  const checked = await checkTarget(options);
  if (checked.ok) return checked.identity.account;
  throw Object.assign(new Error(checked.problem.message), { friendly: checked.problem satisfies FriendlyError });
}
