/** The interactive wizard's entry point — a placeholder until the wizard is built. */
import type { CreateOptions } from '../options.js';
import type { Answers } from '../request/answers.js';

/** What `create` hands the wizard: answers pre-filled from presets, cli-input and flags, and which keys were given. */
export interface RunWizardInput {
  initial: Answers;
  /** Top-level request keys given explicitly on the command line (the wizard does not ask for them again). */
  given: string[];
  options: CreateOptions;
}

/** Runs the wizard; returns the exit code. Not available yet. */
export async function runWizard(_input: RunWizardInput): Promise<number> {
  process.stderr.write('healthlake-wizard: the interactive wizard is not available yet; use --no-interactive.\n');
  return 255;
}
