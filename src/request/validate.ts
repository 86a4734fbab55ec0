/**
 * Validation driven by the spec: shape rules from the service model (type, length, pattern, enum, list bounds,
 * required members, unknown keys), then the cross-field rules the spec declares (cross-field-rules.ts). Every
 * problem is reported at once, each naming the field, the rule, the value and the fix.
 */
import { PARAMETERS, STEPS, fullMatchPattern, leafAt, parameterByFlag, parameterByName, type ScalarNode, type SpecNode } from '../parameter-model/index.js';
import { checkCrossFieldRules, type ValidationContext } from './cross-field-rules.js';
import { isPlainObject, reporter, type Report } from './issue-reporter.js';
import type { FieldIssue } from './issues.js';
import { didYouMean } from './suggest.js';

export type { ValidationContext } from './cross-field-rules.js';
export { validateSmartMetadata } from './smart-metadata-rules.js';

/** Shape rules of one scalar value; used by the whole-request validator and by the wizard as you type. */
export function checkScalar(node: ScalarNode, value: unknown, report: Report): void {
  const label = node.help.label;
  switch (node.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') report('type', `${label} must be true or false.`, 'Use true or false.', value);
      return;
    case 'enum': {
      const allowed = node.values.map((v) => v.value);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
        report('enum', `${label} must be one of ${allowed.join(', ')}.${hint}`, `Use one of: ${allowed.join(', ')}.`, value);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        report('type', `${label} must be a string.`, `Give a text value, for example ${JSON.stringify(node.examples[0] ?? '')}.`, value);
        return;
      }
      // The service counts characters (code points), not UTF-16 units.
      const length = [...value].length;
      if (node.min !== undefined && length < node.min) {
        report(
          'min-length',
          node.min === 1 ? `${label} must not be empty.` : `${label} must be at least ${node.min} characters; it has ${length}.`,
          node.min === 1 ? `Give a value, or leave the field out.` : `Use a value of ${node.min} to ${node.max} characters.`,
          value,
        );
      } else if (node.max !== undefined && length > node.max) {
        report(
          'max-length',
          `${label} may have at most ${node.max} characters; it has ${length}.`,
          `Shorten it by ${length - node.max} ${length - node.max === 1 ? 'character' : 'characters'}.`,
          value,
        );
      }
      const pattern = fullMatchPattern(node);
      if (pattern && length > 0 && !pattern.test(value)) {
        const bad = badCharacters(node, value);
        report(
          'pattern',
          `${label} must be ${node.patternInWords ?? `in the form ${node.pattern}`}${bad ? `; ${bad.phrase} not allowed` : ''}.`,
          bad ? `Remove or replace ${bad.shown}.` : `Use a value like ${JSON.stringify(node.examples[0] ?? '')}.`,
          value,
        );
      }
      if (node.holdsJson && length > 0) {
        try {
          const parsed: unknown = JSON.parse(value);
          if (!isPlainObject(parsed)) report('json', `${label} must be a JSON object.`, 'Give a JSON object: {"key": ...}.', value);
        } catch (error) {
          // As in the AWS CLI, `Metadata=file://x` in shorthand is the text "file://x"; only `@=` reads the file.
          const fix = /^fileb?:\/\//.test(value)
            ? `To read the JSON from a file, write ${node.name}@=${value} (with @=); ${node.name}=${value} is that text itself.`
            : 'Fix the JSON syntax, or build it with the wizard.';
          report('json', `${label} is not valid JSON (${(error as Error).message}).`, fix, value);
        }
      }
      return;
    }
  }
}

/** For patterns that are a character class, names the characters the class rejects. */
function badCharacters(node: ScalarNode & { kind: 'string' }, value: string): { shown: string; phrase: string } | undefined {
  const match = /^\^\(\[(.*)\]\*\)\$$/.exec(node.pattern ?? '') ?? /^\^\[(.*)\]\+\$$/.exec(node.pattern ?? '');
  if (!match) return undefined;
  const single = new RegExp(`^[${match[1]}]$`, 'u');
  const bad = [...new Set([...value].filter((ch) => !single.test(ch)))];
  if (bad.length === 0) return undefined;
  const shown = bad.slice(0, 5).map((ch) => JSON.stringify(ch)).join(' ');
  return { shown, phrase: bad.length === 1 ? `the character ${shown} is` : `the characters ${shown} are` };
}

/** The wizard step that asks for what this flag sets, by its title ("Encryption"). */
function stepTitle(flag: string): string {
  const step = parameterByFlag(flag)?.step;
  return STEPS.find((candidate) => candidate.id === step)?.title ?? flag;
}

/** How the wizard asks for a missing value: choose one (an enum) or type one. */
function wizardAsk(node: SpecNode, flag: string): string {
  return node.kind === 'enum' ? `Choose one of ${node.values.map((v) => v.value).join(', ')} in ${stepTitle(flag)}.` : `Give the ${node.help.label} in ${stepTitle(flag)}.`;
}

function checkNode(node: SpecNode, value: unknown, flag: string, field: string, out: FieldIssue[]): void {
  const report = reporter(out, flag, field);
  switch (node.kind) {
    case 'structure': {
      if (!isPlainObject(value)) {
        report('type', `${node.help.label} must be a structure.`, `Use the form ${node.examples[0] ?? '{...}'}.`, value);
        return;
      }
      const names = node.members.map((m) => m.name);
      for (const key of Object.keys(value)) {
        if (!names.includes(key)) {
          reporter(out, flag, `${field}.${key}`)(
            'unknown',
            `${node.help.label} has no member ${key}.${didYouMean(key, names)}`,
            `Valid members: ${names.join(', ')}.`,
          );
        }
      }
      for (const member of node.members) {
        const memberValue = value[member.name];
        const memberField = `${field}.${member.name}`;
        // null is not "absent": the AWS CLI and the service reject it as a wrong type, and so do we.
        if (memberValue === undefined) {
          if (member.required) {
            reporter(out, flag, memberField)(
              'required',
              { cli: `${member.help.label} (${member.name}) is required in ${node.help.label}.`, wizard: `${member.help.label} is required.` },
              { cli: `Add ${member.name}, for example ${member.name}=${member.examples[0] ?? '...'}.`, wizard: wizardAsk(member, flag) },
            );
          }
          continue;
        }
        checkNode(member, memberValue, flag, memberField, out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        report('type', `${node.help.label} must be a list.`, `Use the form ${node.examples[0] ?? '[...]'}.`, value);
        return;
      }
      if (value.length < node.min) {
        report('min-items', `${node.help.label} needs at least ${node.min} items.`, `Add items.`);
      }
      if (value.length > node.max) {
        report('max-items', `${node.help.label} may have at most ${node.max} items; there are ${value.length}.`, `Remove ${value.length - node.max}.`);
      }
      value.forEach((item, index) => checkNode(node.member, item, flag, `${field}[${index}]`, out));
      return;
    }
    default:
      checkScalar(node, value, report);
  }
}

/**
 * Checks a request body (of unknown shape) against the spec and the documented cross-field rules; with the
 * target Region, also that ARNs are in it.
 */
export function validateRequest(input: unknown, context: ValidationContext = {}): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!isPlainObject(input)) {
    out.push({ field: '', flag: 'request', rule: 'type', message: 'The request must be a JSON object.', fix: 'Give an object such as {"DatastoreTypeVersion": "R4"}.', value: input, severity: 'error' });
    return out;
  }
  const names = PARAMETERS.map((p) => p.name);
  for (const key of Object.keys(input)) {
    if (!parameterByName(key)) {
      out.push({
        field: key,
        flag: key,
        rule: 'unknown',
        message: `CreateFHIRDatastore has no parameter ${key}.${didYouMean(key, names)}`,
        fix: `Valid parameters: ${names.join(', ')}.`,
        severity: 'error',
      });
    }
  }
  for (const parameter of PARAMETERS) {
    const value = input[parameter.name];
    if (value === undefined) {
      if (parameter.required) {
        reporter(out, parameter.flag, parameter.name)(
          'required',
          `${parameter.help.label} is required.`,
          { cli: `Add ${parameter.flag} ${parameter.examples[0] ?? ''}`.trim() + '.', wizard: wizardAsk(parameter, parameter.flag) },
        );
      }
      continue;
    }
    checkNode(parameter, value, parameter.flag, parameter.name, out);
  }
  checkCrossFieldRules(input, context, out);
  return out;
}

/** Validates one leaf value as the wizard's input is typed (shape rules only). */
export function validateField(path: string, value: unknown): FieldIssue[] {
  const leaf = leafAt(path);
  if (!leaf) return [];
  const out: FieldIssue[] = [];
  checkScalar(leaf.node, value, reporter(out, leaf.parameter.flag, path));
  return out;
}

