/**
 * The team policy at a preset's save in the wizard (the review's `s`, `--save-preset`): the rules `presets save`
 * holds a preset to, with the preset's own name (a rule may apply to some presets only, e.g. `prod-*`).
 */
import type { Answers } from '../request/answers.js';
import type { FieldIssue } from '../request/issues.js';
import { policyIssues } from '../request/policy-check.js';
import type { TeamPolicy } from '../request/policy-types.js';
import { inWizardWords, requestFromAnswers } from './issues.js';
import { withoutClientToken } from './start-choices.js';

/** The first rule of the policy a preset of these answers, named so, would break; undefined when none does. */
export function presetPolicyProblem(policy: TeamPolicy | undefined, answers: Answers, name: string): FieldIssue | undefined {
  if (!policy) return undefined;
  const request = requestFromAnswers(withoutClientToken(answers));
  return policyIssues(policy, request, { stage: 'document', preset: name }).find((issue) => issue.severity === 'error');
}

/** The problem for the wizard's save dialog and report: what is wrong, then the fix on a line of its own. */
export function presetPolicyLine(issue: FieldIssue): string {
  const { message, fix } = inWizardWords(issue);
  return `${message}\nFix: ${fix}`;
}
