/** What `create` hands to the wizard and to the plain mode. */
import type { CreateOptions } from '../options.js';
import type { Answers } from '../request/answers.js';
import type { TeamPolicy } from '../request/policy-types.js';

/** What `create` hands to the wizard. */
export interface RunWizardInput {
  /** Defaults and given values (flags, `--cli-input-*`, `--preset`), keyed by spec path. */
  initial: Answers;
  /** Top-level request keys (or leaf paths) given explicitly: asked again only when missing or invalid. */
  given: string[];
  options: CreateOptions;
  /** The project's team policy, read before the wizard starts (a broken one stops `create` first). */
  policy?: TeamPolicy;
}
