/**
 * A request held to the team policy: each broken rule is one FieldIssue (rule `policy`), worded the same in the
 * wizard, `create --no-interactive` and `policy check`: "team policy: RULE — REASON (rule ID, FILE line N)",
 * with the team's fix or one derived from the schema (the CLI's words name the flag, the wizard's the step and its
 * keys). Rules that need what is not known yet (the
 * Region, the account, the creation itself) are left for the moment it is.
 */
import { describeField, leafAt, parameterByName, type Wording } from '../parameter-model/index.js';
import { OPTION_FLAGS } from './create-flags.js';
import { isPlainObject } from './issue-reporter.js';
import { wizardKey, type FieldIssue } from './issues.js';
import { valueThatKeeps, wizardWordsFor } from './policy-fix.js';
import { EXPIRY_TAG_KEY, type CompiledSchema, type PolicyContext, type PolicyRule, type TeamPolicy } from './policy-types.js';

/** Whether a preset name matches a pattern where `*` stands for any characters. */
function globMatches(pattern: string, name: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/** Whether the rule applies here: true, false, or undefined when it depends on what is not known yet. */
export function ruleApplies(rule: PolicyRule, context: PolicyContext): boolean | undefined {
  const when = rule.when;
  if (!when) return true;
  if (when.presets && !(context.preset !== undefined && when.presets.some((pattern) => globMatches(pattern, context.preset!)))) return false;
  let unknown = false;
  if (when.regions) {
    if (context.region === undefined) unknown = true;
    else if (!when.regions.includes(context.region)) return false;
  }
  if (when.accounts) {
    if (context.account === undefined) unknown = true;
    else if (!when.accounts.includes(context.account)) return false;
  }
  return unknown ? undefined : true;
}

/** Whether the rule can be checked here at all (its target part needs a Region, an account or the creation). */
export function ruleCheckable(rule: PolicyRule, context: PolicyContext): boolean {
  if (ruleApplies(rule, context) !== true) return false;
  if (rule.regions && context.region === undefined) return false;
  if (rule.accounts && context.account === undefined) return false;
  if (rule.expiryTag && context.stage !== 'creation') return false;
  return true;
}

type SchemaError = NonNullable<NonNullable<PolicyRule['request']>['errors']>[number];

/** A JSON Pointer into the request as a field path: `/Tags/0/Key` -> `Tags[0].Key`. */
function fieldOf(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1);
  if (extra) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/**
 * The complaint that says most: not a combinator's "no branch matched", nor what one item of a list lacks when
 * the rule is that some item has it (`contains`), and else the deepest.
 */
function telling(all: readonly SchemaError[]): SchemaError | undefined {
  const lists = all.filter((error) => error.keyword === 'contains').map((error) => `${error.instancePath}/`);
  const errors = all.filter((error) => !lists.some((list) => error.instancePath.startsWith(list)));
  const direct = errors.filter((error) => !['if', 'anyOf', 'oneOf', 'allOf'].includes(error.keyword));
  return [...(direct.length > 0 ? direct : errors)].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

/** A fix derived from the schema's complaint, for a rule that gives none: the value that keeps it, where it can. */
function derivedFix(rule: PolicyRule, schema: CompiledSchema, error: SchemaError | undefined, complained: string, request: object): Wording {
  const params = error?.params ?? {};
  const member = complained.split(/[.[]/)[0] ?? '';
  const kept = member ? valueThatKeeps(schema, request, member) : undefined;
  if (kept) return kept;
  const at = (field: string) => (field ? `${field} (${describeField(field).flag})` : 'the request');
  const label = complained ? (leafAt(complained)?.node.help.label ?? parameterByName(complained)?.help.label) : undefined;
  const wizard = wizardWordsFor(error, complained, label, rule.rule);
  switch (error?.keyword) {
    case 'required':
      return { cli: `Give ${at(complained)}.`, wizard };
    case 'const':
      return { cli: `Set ${at(complained)} to ${JSON.stringify(params.allowedValue)}.`, wizard };
    case 'enum':
      return { cli: `Set ${at(complained)} to one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}.`, wizard };
    case 'pattern':
      return { cli: `Give ${at(complained)} a value matching ${String(params.pattern)}.`, wizard };
    default:
      return { cli: `Change ${at(complained)} so that ${rule.rule}.`, wizard };
  }
}

/** The FieldIssue of a broken rule, the same words everywhere (the fix in the wizard's words where they differ). */
function breach(policy: TeamPolicy, rule: PolicyRule, field: string, flag: string, fix: Wording, value?: unknown): FieldIssue {
  return {
    field,
    flag: field ? describeField(field).flag : flag,
    rule: 'policy',
    message: `team policy: ${rule.rule} — ${rule.reason} (rule ${rule.id}, ${policy.file} line ${rule.line})`,
    // The team's own fix is written for both (docs/presets.md says so).
    ...(rule.fix !== undefined ? { fix: rule.fix } : typeof fix === 'string' ? { fix } : { fix: fix.cli, wizardFix: fix.wizard }),
    ...(value === undefined ? {} : { value }),
    severity: 'error',
  };
}

/** The expiry tag's problem at creation, or undefined when it holds a time still to come. */
function expiryProblem(request: { Tags?: unknown }, now: Date): Wording | undefined {
  const tags = Array.isArray(request.Tags) ? request.Tags : [];
  const tag = tags.find((candidate) => isPlainObject(candidate) && candidate.Key === EXPIRY_TAG_KEY) as { Value?: unknown } | undefined;
  const example = new Date(now.getTime() + 4 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tagWay = `the tag ${EXPIRY_TAG_KEY} with an ISO 8601 UTC time, e.g. --tags Key=${EXPIRY_TAG_KEY},Value=${example}`;
  // The tags editor's key adds the tag (or opens the one there) and takes a duration, as --expires-in does.
  const inWizard = (what: string) => `Press ${wizardKey('expire')} on the Tags step and type a duration such as 4h: ${what}.`;
  // --expires-in is named only where this build has it. It adds the tag to the others; --tags would replace a
  // preset's tags (dropping, say, the owner tag another rule requires), so it is not offered beside it.
  if (!tag) {
    const cli = OPTION_FLAGS.some((option) => option.flag === '--expires-in') ? `Add --expires-in DURATION (e.g. 4h): it adds the tag ${EXPIRY_TAG_KEY} and keeps the other tags.` : `Add ${tagWay}.`;
    return { cli, wizard: inWizard(`it adds the tag ${EXPIRY_TAG_KEY} and keeps the other tags`) };
  }
  const value = typeof tag.Value === 'string' ? tag.Value : '';
  const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value) ? Date.parse(value) : Number.NaN;
  const retimed = inWizard(`the tag ${EXPIRY_TAG_KEY} then holds the time it ends`);
  if (Number.isNaN(time)) return { cli: `The tag ${EXPIRY_TAG_KEY} holds ${JSON.stringify(value)}, not an ISO 8601 UTC time such as ${example}: give it one.`, wizard: retimed };
  if (time <= now.getTime()) return { cli: `The tag ${EXPIRY_TAG_KEY} says ${value}, which has passed: give it a time still to come, such as ${example}.`, wizard: retimed };
  return undefined;
}

/** Every rule of the policy the request breaks, in the order of the file. */
export function policyIssues(policy: TeamPolicy, request: object, context: PolicyContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const rule of policy.rules) {
    if (ruleApplies(rule, context) !== true) continue;
    if (rule.request && !rule.request(request)) {
      const error = telling(rule.request.errors ?? []);
      const complained = error ? fieldOf(error.instancePath, error.keyword === 'required' ? String(error.params.missingProperty) : undefined) : '';
      // The wizard shows it on the prompt of that path (or, for a structure, on each of its prompts).
      const field = rule.field ?? complained;
      issues.push(breach(policy, rule, field, 'request', derivedFix(rule, rule.request, error, complained, request)));
    }
    if (rule.regions && context.region !== undefined && !rule.regions.includes(context.region)) {
      const regions = rule.regions.join(' or ');
      issues.push(breach(policy, rule, '', '--region', { cli: `Create it in ${regions} (--region ${rule.regions[0]}).`, wizard: `Press ${wizardKey('changeTarget')} and choose the Region ${regions}; every answer is kept.` }, context.region));
    }
    if (rule.accounts && context.account !== undefined && !rule.accounts.includes(context.account)) {
      const accounts = rule.accounts.join(' or ');
      issues.push(breach(policy, rule, '', '--profile', { cli: `Use a profile of account ${accounts} (--profile NAME).`, wizard: `Press ${wizardKey('changeTarget')} and choose a profile of account ${accounts}; every answer is kept.` }, context.account));
    }
    if (rule.expiryTag && context.stage === 'creation') {
      const problem = expiryProblem(request, context.now ?? new Date());
      if (problem) issues.push(breach(policy, rule, 'Tags', '--tags', problem));
    }
  }
  return issues;
}
