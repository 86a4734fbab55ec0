/**
 * The cross-field rules, checked by one walk over the spec and the request: whatever the parameter table declares
 * (`appliesWhen` with `required` and `otherwise`, `uniqueBy`, `arnInDatastoreRegion`, `documentRules`) is enforced
 * here, and nothing here names a field. The shape rules (types, lengths, patterns) run first, in validate.ts.
 */
import { PARAMETERS, type AppliesWhen, type ListNode, type RuleWords, type SpecNode, type StringNode, type StructureNode, type Wording } from '../parameter-model/index.js';
import { isPlainObject, reporter, type Worded } from './issue-reporter.js';
import type { FieldIssue } from './issues.js';
import { validateSmartMetadata } from './smart-metadata-rules.js';

/** What the validation knows besides the request: the Region the data store will be created in, when known. */
export interface ValidationContext {
  region?: string;
}

/** The JSON documents whose own rules a string member may declare (`documentRules`). */
const DOCUMENT_RULES: Record<NonNullable<StringNode['documentRules']>, (text: string) => FieldIssue[]> = {
  'smart-metadata': validateSmartMetadata,
};

/** Appends every cross-field issue of a request (a plain object; its shape is checked elsewhere). */
export function checkCrossFieldRules(input: Record<string, unknown>, context: ValidationContext, out: FieldIssue[]): void {
  for (const parameter of PARAMETERS) {
    const value = input[parameter.name];
    if (value !== undefined) walk(parameter, value, { flag: parameter.flag, field: parameter.name, context, out });
  }
}

interface Place {
  flag: string;
  field: string;
  context: ValidationContext;
  out: FieldIssue[];
}

function walk(node: SpecNode, value: unknown, place: Place): void {
  switch (node.kind) {
    case 'structure':
      if (!isPlainObject(value)) return;
      for (const member of node.members) {
        const at = { ...place, field: `${place.field}.${member.name}` };
        const applies = member.appliesWhen ? checkAppliesWhen(member, member.appliesWhen, value, node, at) : true;
        const memberValue = value[member.name];
        if (memberValue === undefined) continue;
        if (applies && member.kind === 'string' && member.documentRules && typeof memberValue === 'string') {
          place.out.push(...DOCUMENT_RULES[member.documentRules](memberValue));
        }
        walk(member, memberValue, at);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) return;
      if (node.uniqueBy) checkUnique(node, node.uniqueBy, value, place);
      value.forEach((item, index) => walk(node.member, item, { ...place, field: `${place.field}[${index}]` }));
      return;
    case 'string':
      checkArnRegion(node, value, place);
  }
}

/** `{value}` in the declared words replaced by the sibling's value. */
function filled(words: Wording, value: string): Worded {
  const fill = (text: string) => text.replaceAll('{value}', value);
  return typeof words === 'string' ? fill(words) : { cli: fill(words.cli), wizard: fill(words.wizard) };
}

function report(place: Place, words: RuleWords, siblingValue: string, value?: unknown, severity: FieldIssue['severity'] = 'error'): void {
  reporter(place.out, place.flag, place.field)('depends-on', filled(words.message, siblingValue), filled(words.fix, siblingValue), value, severity);
}

/**
 * A member's `appliesWhen`: required while it applies, refused or ignored while the sibling holds another of its
 * valid values. Returns whether it applies (a sibling left out or invalid is reported by the shape rules).
 */
function checkAppliesWhen(member: SpecNode, rule: AppliesWhen, parent: Record<string, unknown>, structure: StructureNode, place: Place): boolean {
  const sibling = parent[rule.sibling];
  const value = parent[member.name];
  const given = value !== undefined && value !== null;
  if (typeof sibling !== 'string') return false;
  if (rule.oneOf.includes(sibling)) {
    if (!given && rule.required) report(place, rule.required, sibling);
    return true;
  }
  const siblingNode = structure.members.find((candidate) => candidate.name === rule.sibling);
  const validSibling = siblingNode?.kind !== 'enum' || siblingNode.values.some((v) => v.value === sibling);
  if (validSibling && given && rule.otherwise && value !== rule.otherwise.harmless) {
    report(place, rule.otherwise, sibling, value, rule.otherwise.severity);
  }
  return false;
}

/** A list's `uniqueBy`: the second (and later) item holding a value already seen is reported. */
function checkUnique(list: ListNode, rule: NonNullable<ListNode['uniqueBy']>, items: unknown[], place: Place): void {
  const label = list.member.members.find((member) => member.name === rule.member)?.help.label ?? rule.member;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = isPlainObject(item) ? item[rule.member] : undefined;
    if (typeof key !== 'string') return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    reporter(place.out, place.flag, `${place.field}[${index}].${rule.member}`)(
      'duplicate',
      {
        cli: `${label} ${JSON.stringify(key)} is used twice (${place.field}[${first}] and ${place.field}[${index}]).`,
        wizard: `${label} ${JSON.stringify(key)} is used twice (${list.help.label.toLowerCase()} ${first + 1} and ${index + 1}).`,
      },
      rule.fix,
      key,
    );
  });
}

/** The Region of an ARN (`arn:PARTITION:SERVICE:REGION:...`); undefined for ids, aliases and ARNs without one. */
function arnRegion(value: string): string | undefined {
  return /^arn:[a-z-]+:[a-z0-9-]+:([a-z0-9-]+):/.exec(value)?.[1];
}

/** The spec's `arnInDatastoreRegion`: an ARN in another Region than the data store's is an error, named as such. */
function checkArnRegion(node: StringNode, value: unknown, { context, out, flag, field }: Place): void {
  if (!node.arnInDatastoreRegion || !context.region || typeof value !== 'string') return;
  const region = arnRegion(value);
  if (region === undefined || region === context.region) return;
  reporter(out, flag, field)(
    'region',
    `${node.help.label} is in Region ${region}, but the data store is created in ${context.region}; HealthLake needs it in the data store's Region.`,
    {
      cli: `Use one in ${context.region}, or create the data store in ${region} (--region ${region}).`,
      wizard: `Give one in ${context.region}, the Region the data store is created in.`,
    },
    value,
  );
}
