/** Validation as the wizard needs it: every issue of the answers, and the ones that belong to a prompt or step. */
import { buildCreateRequest, type Answers } from '../request/answers.js';
import type { FieldIssue, WizardKey } from '../request/issues.js';
import { policyIssues } from '../request/policy-check.js';
import type { TeamPolicy } from '../request/policy-types.js';
import type { CreateRequest } from '../request/types.js';
import { validateRequest } from '../request/validate.js';
import { applicableAnswers, type Prompt } from './prompts.js';

/** What the answers are checked against besides the service model (a WizardState has each of these). */
export interface IssueChecks {
  /** The target's Region once resolved: ARNs must be in it, and the policy's Region rules apply. */
  region?: string;
  /** The project's team policy, when there is one. */
  policy?: TeamPolicy;
  /** The preset the run started from (a policy rule may apply to some presets only). */
  preset?: string;
}

/** The request the answers describe (answers that no longer apply are dropped). */
export function requestFromAnswers(answers: Answers): CreateRequest {
  return buildCreateRequest(applicableAnswers(answers));
}

// Answers objects are never mutated (the reducer copies on change), so their issues can be remembered by
// identity (and Region, policy, preset): a render asks several times (progress marks, the field, the review table).
const remembered = new WeakMap<Answers, Map<string, FieldIssue[]>>();
const policyIds = new WeakMap<TeamPolicy, number>();
let policiesSeen = 0;

function checksKey({ region, policy, preset }: IssueChecks): string {
  if (policy && !policyIds.has(policy)) policyIds.set(policy, ++policiesSeen);
  return [region ?? '', policy ? policyIds.get(policy) : '', preset ?? ''].join('\0');
}

/**
 * Every problem with the answers, as the service would see the request; with the target's Region (known once
 * resolved), ARNs in another Region are problems too; with a team policy, the rules the request breaks, in the
 * same words as `create --no-interactive` and `policy check`.
 */
export function answerIssues(answers: Answers, checks: IssueChecks = {}): FieldIssue[] {
  let byChecks = remembered.get(answers);
  if (!byChecks) {
    byChecks = new Map();
    remembered.set(answers, byChecks);
  }
  const key = checksKey(checks);
  let issues = byChecks.get(key);
  if (!issues) {
    const request = requestFromAnswers(answers);
    const { region, policy, preset } = checks;
    issues = validateRequest(request, region ? { region } : {});
    if (policy) {
      issues = [...issues, ...policyIssues(policy, request, { stage: 'creation', ...(region ? { region } : {}), ...(preset ? { preset } : {}) })];
    }
    byChecks.set(key, issues);
  }
  return issues;
}

/**
 * Whether an issue's field is the prompt's, or inside it (`Tags[1].Key`, `...Metadata.token_endpoint`); a team
 * policy rule about a whole structure (`SseConfiguration`) belongs to each of its prompts.
 */
export function belongsTo(issue: FieldIssue, prompt: Prompt): boolean {
  if (issue.rule === 'policy' && issue.field !== '' && prompt.path.startsWith(`${issue.field}.`)) return true;
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

/** How a screen writes the key of a command (`keyName` of src/ui/keys.ts). */
export type KeyNamer = (command: WizardKey) => string;

/**
 * The issue as the wizard says it: its own words where the CLI's name flags, syntax or JSON paths, with the keys
 * named by `keyName`. Without one (the plain mode has no such keys), a fix that names a key is said in the CLI's
 * words.
 */
export function inWizardWords(issue: FieldIssue, keyName?: KeyNamer): { message: string; fix: string } {
  return { message: issue.wizardMessage ?? issue.message, fix: fixInWizardWords(issue, keyName) };
}

/** A fix (an issue's, or a failed submission's) in the wizard's words as `inWizardWords` says it. */
export function fixInWizardWords(words: { fix: string; wizardFix?: string | undefined }, keyName?: KeyNamer): string {
  const wizardFix = words.wizardFix?.replace(/\{key:(\w+)\}/g, (token, command: string) => (keyName ? keyName(command as WizardKey) : token));
  return wizardFix === undefined || /\{key:\w+\}/.test(wizardFix) ? words.fix : wizardFix;
}
