/**
 * The fix of a broken policy rule that gives none, derived from its schema: the value of the member that keeps the
 * rule, built from what the schema pins down (`const`, `enum`, `contains`, `properties`, `required`) and the
 * members the parameter model requires beside them, checked against the rule before it is offered. It is said
 * twice: for the command line as the flag with its shorthand, for the wizard as the step and what to choose or
 * type there. Nothing here names a field.
 */
import { parameterByName, STEPS, type SpecNode, type TopLevelParameter } from '../parameter-model/index.js';
import { isPlainObject } from './issue-reporter.js';
import { wizardKey } from './issues.js';
import type { CompiledSchema } from './policy-types.js';

type SchemaError = NonNullable<CompiledSchema['errors']>[number];

/** What the person supplies in a suggested value: a capitalised name in it (`YOUR_KMS_KEY`), described after it. */
class Hole {
  constructor(
    readonly node: SpecNode,
    /** The rule's own pattern for it, when the schema gives one. */
    readonly pattern: string | undefined,
  ) {}

  get name(): string {
    // YOUR_ sets it apart from the values around it (KMS_KEY is part of CUSTOMER_MANAGED_KMS_KEY).
    return `YOUR_${this.node.help.label.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  }

  /** What it stands for, e.g. "the key id, key ARN, alias (alias/name) or alias ARN of your KMS key". */
  get meaning(): string {
    if (this.pattern !== undefined) return `a ${this.node.help.label.toLowerCase()} matching ${this.pattern}`;
    const short = this.node.help.short.replace(/[.;].*$/s, '');
    return short.charAt(0).toLowerCase() + short.slice(1);
  }
}

/** The Ajv `u` flag: the team's patterns are matched as Ajv matches them. */
function matches(pattern: string, value: unknown): boolean {
  try {
    return typeof value === 'string' && new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

/**
 * A value of `node` the schema's positive rules accept, starting from the `current` one: its const or enum, the
 * members it names (and those the model then requires, such as KmsKeyId with a customer managed key), one more
 * item for `contains`; a Hole where only the person can say what (a name matching a pattern, a key id).
 */
function witness(schema: unknown, node: SpecNode, current: unknown): unknown {
  const rules = isPlainObject(schema) ? schema : {};
  if ('const' in rules) return rules.const;
  if (Array.isArray(rules.enum) && rules.enum.length > 0) return rules.enum.includes(current) ? current : rules.enum[0];
  switch (node.kind) {
    case 'structure': {
      const given = isPlainObject(current) ? current : {};
      const properties = isPlainObject(rules.properties) ? rules.properties : {};
      const required = Array.isArray(rules.required) ? rules.required : [];
      const value: Record<string, unknown> = {};
      for (const member of node.members) {
        if (member.name in properties || required.includes(member.name) || given[member.name] !== undefined) {
          value[member.name] = witness(properties[member.name], member, given[member.name]);
        }
      }
      for (const member of node.members) {
        const condition = member.appliesWhen;
        const needed = condition ? condition.required !== undefined && condition.oneOf.includes(value[condition.sibling] as string) : member.required;
        if (needed && value[member.name] === undefined) value[member.name] = witness(undefined, member, undefined);
      }
      return Object.fromEntries(node.members.filter((member) => value[member.name] !== undefined).map((member) => [member.name, value[member.name]]));
    }
    case 'list': {
      const items: unknown[] = Array.isArray(current) ? current : [];
      return rules.contains === undefined ? items : [...items, witness(rules.contains, node.member, undefined)];
    }
    default: {
      const pattern = typeof rules.pattern === 'string' ? rules.pattern : undefined;
      if (current !== undefined && (pattern === undefined || matches(pattern, current))) return current;
      return new Hole(node, pattern);
    }
  }
}

function holesIn(value: unknown): Hole[] {
  if (value instanceof Hole) return [value];
  if (Array.isArray(value)) return value.flatMap(holesIn);
  if (isPlainObject(value)) return Object.values(value).flatMap(holesIn);
  return [];
}

/** The value with each Hole filled by the first example of the model that suits it, or undefined when none does. */
function filled(value: unknown): unknown {
  if (value instanceof Hole) {
    const example = value.node.examples.find((candidate) => candidate !== '' && (value.pattern === undefined || matches(value.pattern, candidate)));
    return example === undefined ? undefined : value.node.kind === 'boolean' ? example === 'true' : example;
  }
  if (Array.isArray(value)) {
    const items = value.map(filled);
    return items.includes(undefined) ? undefined : items;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, member]) => [key, filled(member)] as const);
    return entries.some(([, member]) => member === undefined) ? undefined : Object.fromEntries(entries);
  }
  return value;
}

const SHORTHAND_WORD = /^[^\s,={}[\]"'\\]+$/;

/** A value in the AWS CLI's shorthand (`A=x,B={C=y}`), or undefined when a text would need quoting there. */
function shorthand(value: unknown, nested: boolean): string | undefined {
  if (value instanceof Hole) return value.name;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return SHORTHAND_WORD.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => shorthand(item, true));
    return items.includes(undefined) ? undefined : `[${items.join(',')}]`;
  }
  if (isPlainObject(value)) {
    const pairs = Object.entries(value).map(([key, member]) => {
      const shown = shorthand(member, true);
      return shown === undefined ? undefined : `${key}=${shown}`;
    });
    if (pairs.includes(undefined)) return undefined;
    return nested ? `{${pairs.join(',')}}` : pairs.join(',');
  }
  return undefined;
}

/** The flag's arguments for the value: shorthand (a list of structures as one word per item), else quoted JSON. */
function flagArguments(value: unknown): string {
  const words = Array.isArray(value) && value.every(isPlainObject) ? value.map((item) => shorthand(item, false)) : [shorthand(value, false)];
  if (!words.includes(undefined)) return words.join(' ');
  return `'${JSON.stringify(value, (_key, member: unknown) => (member instanceof Hole ? member.name : member))}'`;
}

/** The wizard's step that asks for the parameter, by its title ("Encryption"). */
function stepTitle(parameter: TopLevelParameter): string {
  return STEPS.find((step) => step.id === parameter.step)?.title ?? parameter.help.label;
}

/** What to do in the wizard to turn `current` into `value`: "choose X as the Key type", "add a tag: ...". */
function wizardActions(value: unknown, current: unknown, node: SpecNode): string[] {
  if (value instanceof Hole) return [value.pattern === undefined ? `give the ${node.help.label} (${value.meaning})` : `give the ${node.help.label} a value matching ${value.pattern}`];
  switch (node.kind) {
    case 'structure': {
      const given = isPlainObject(current) ? current : {};
      const members = isPlainObject(value) ? value : {};
      return node.members.flatMap((member) => (member.name in members ? wizardActions(members[member.name], given[member.name], member) : []));
    }
    case 'list': {
      const before = Array.isArray(current) ? current.length : 0;
      const added = Array.isArray(value) ? value.slice(before) : [];
      return added.map((item) => `press ${wizardKey('add')} to add a ${node.member.help.label.toLowerCase()}: ${wizardActions(item, undefined, node.member).join(' and ')}`);
    }
    default:
      if (value === current) return [];
      return [node.kind === 'string' ? `type ${String(value)} as the ${node.help.label}` : `choose ${String(value)} as the ${node.help.label}`];
  }
}

/** A fix in both wordings. */
export interface DerivedFix {
  cli: string;
  wizard: string;
}

/**
 * The value of the top-level member that keeps the rule, with both wordings, or undefined when the schema does
 * not pin one down or the value found (its Holes filled with the model's examples) still breaks the rule.
 */
export function valueThatKeeps(schema: CompiledSchema, request: object, member: string): DerivedFix | undefined {
  const parameter = parameterByName(member);
  const root = isPlainObject(schema.schema) ? schema.schema : undefined;
  const memberRules = root && isPlainObject(root.properties) ? root.properties[member] : undefined;
  if (!parameter || memberRules === undefined) return undefined;
  const current = (request as Record<string, unknown>)[member];
  const value = witness(memberRules, parameter, current);
  if (value instanceof Hole) {
    // One text to type: its pattern is the whole fix.
    if (value.pattern === undefined) return undefined;
    return { cli: `Give ${member} (${parameter.flag}) a value matching ${value.pattern}.`, wizard: `In ${stepTitle(parameter)}, give the ${parameter.help.label} a value matching ${value.pattern}.` };
  }
  const sample = filled(value);
  const errors = schema.errors; // the caller's complaint stays as it was
  const keeps = sample !== undefined && schema({ ...request, [member]: sample });
  schema.errors = errors;
  if (!keeps) return undefined;
  const holes = holesIn(value);
  const being = holes.length > 0 ? `, ${holes.map((hole) => `${hole.name} being ${hole.meaning}`).join(' and ')}` : '';
  const actions = wizardActions(value, current, parameter);
  if (actions.length === 0) return undefined;
  const sentence = actions.join(' and ');
  return {
    cli: `Give ${member} (${parameter.flag}) a value that keeps the rule: ${parameter.flag} ${flagArguments(value)}${being}.`,
    wizard: `In ${stepTitle(parameter)}, ${sentence}.`,
  };
}

/** The wizard's words for a complaint the value cannot be derived for: the field by its label, on its step. */
export function wizardWordsFor(error: SchemaError | undefined, field: string, label: string | undefined, rule: string): string {
  const top = parameterByName(field.split(/[.[]/)[0] ?? '');
  if (!top || label === undefined) return `Change the answers so that ${rule}.`;
  const params = error?.params ?? {};
  switch (error?.keyword) {
    case 'required':
      return `Give the ${label} in ${stepTitle(top)}.`;
    case 'const':
      return `In ${stepTitle(top)}, choose or type ${String(params.allowedValue)} as the ${label}.`;
    case 'enum':
      return `In ${stepTitle(top)}, choose or type ${(params.allowedValues as unknown[]).map(String).join(' or ')} as the ${label}.`;
    case 'pattern':
      return `In ${stepTitle(top)}, give the ${label} a value matching ${String(params.pattern)}.`;
    default:
      return `Change the ${label} in ${stepTitle(top)} so that ${rule}.`;
  }
}
