/** Validation as the wizard needs it: every issue of the answers, and the ones that belong to a prompt or step. */
import { buildCreateRequest, type Answers } from '../../request/answers.js';
import type { FieldIssue } from '../../request/issues.js';
import type { CreateRequest } from '../../request/types.js';
import { validateRequest } from '../../request/validate.js';
import { applicableAnswers, type Prompt } from './prompts.js';

/** The request the answers describe (answers that no longer apply are dropped). */
export function requestFromAnswers(answers: Answers): CreateRequest {
  return buildCreateRequest(applicableAnswers(answers));
}

// Answers objects are never mutated (the reducer copies on change), so their issues can be remembered by
// identity (and Region): a render asks several times (progress marks, the field, the review table).
const remembered = new WeakMap<Answers, Map<string, FieldIssue[]>>();

/**
 * Every problem with the answers, as the service would see the request; with the target's Region (known once
 * resolved), ARNs in another Region are problems too.
 */
export function answerIssues(answers: Answers, region?: string): FieldIssue[] {
  let byRegion = remembered.get(answers);
  if (!byRegion) {
    byRegion = new Map();
    remembered.set(answers, byRegion);
  }
  let issues = byRegion.get(region ?? '');
  if (!issues) {
    issues = validateRequest(requestFromAnswers(answers), region ? { region } : {});
    byRegion.set(region ?? '', issues);
  }
  return issues;
}

/** Whether an issue's field is the prompt's, or inside it (`Tags[1].Key`, `...Metadata.token_endpoint`). */
export function belongsTo(issue: FieldIssue, prompt: Prompt): boolean {
  return issue.field === prompt.path || issue.field.startsWith(`${prompt.path}.`) || issue.field.startsWith(`${prompt.path}[`);
}

/** The problems of one prompt. */
export function promptIssues(prompt: Prompt, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((issue) => belongsTo(issue, prompt));
}

/** Whether any of the issues blocks a submission. */
export function hasErrors(issues: readonly FieldIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** The issue as the wizard says it: its own words where the CLI's name flags, syntax or JSON paths. */
export function inWizardWords(issue: FieldIssue): { message: string; fix: string } {
  return { message: issue.wizardMessage ?? issue.message, fix: issue.wizardFix ?? issue.fix };
}
