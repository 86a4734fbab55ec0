/**
 * One request parameter's command-line value turned into request data, following the AWS CLI's order: a
 * `file://` value is loaded first; a value starting with `{` or `[` is JSON; anything else for a structure or
 * list is shorthand, then typed by the spec as the AWS CLI's back-compat pass does (`true`/`false` become
 * booleans for boolean members, a single item becomes a one-item list). Scalars are taken verbatim.
 */
import type { ListNode, SpecNode, StructureNode, TopLevelParameter } from '../parameter-model/index.js';
import { InputError, type FieldIssue } from './issues.js';
import { nestingIssue } from './nesting.js';
import { readParamFile } from './param-files.js';
import { DuplicateShorthandKeyError, ShorthandSyntaxError, parseShorthand, type ShorthandValue } from './shorthand.js';

function issue(parameter: TopLevelParameter, rule: FieldIssue['rule'], message: string, fix: string, value?: unknown): InputError {
  return new InputError([{ field: parameter.name, flag: parameter.flag, rule, message, fix, value, severity: 'error' }]);
}

/** JSON text (the whole value, or item `index` of a list given as one JSON object per argument). */
function parseJson(parameter: TopLevelParameter, text: string, index?: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw issue(parameter, 'json', `Invalid JSON: ${(error as Error).message}.`, 'Fix the JSON, or use the shorthand syntax (see --help).', text);
  }
  const tooDeep = nestingIssue(value, index === undefined ? parameter.name : `${parameter.name}[${index}]`, parameter.flag);
  if (tooDeep) throw new InputError([tooDeep]);
  return value;
}

function syntaxIssue(parameter: TopLevelParameter, error: ShorthandSyntaxError): InputError {
  const example = parameter.examples[0] ?? '';
  const fix =
    error instanceof DuplicateShorthandKeyError && parameter.kind === 'list'
      ? `Separate items with a space, not a comma: ${parameter.flag} ${example}`
      : `Write it as ${parameter.flag} ${example} (or JSON, or file://PATH); quote values holding , = { } [ ] or spaces, e.g. Key="a,b".`;
  return issue(parameter, 'syntax', `Shorthand syntax: ${error.message}\n${error.pointer()}`, fix);
}

function shorthand(parameter: TopLevelParameter, text: string): Record<string, ShorthandValue> {
  try {
    return parseShorthand(text, (value) => readParamFile(value, parameter.flag, parameter.name));
  } catch (error) {
    if (error instanceof ShorthandSyntaxError) throw syntaxIssue(parameter, error);
    throw error;
  }
}

/** Applies the spec's types to shorthand output, as the AWS CLI's BackCompatVisitor does. */
function typeShorthand(node: SpecNode, value: unknown): unknown {
  switch (node.kind) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      for (const member of node.members) {
        if (Object.hasOwn(record, member.name)) record[member.name] = typeShorthand(member, record[member.name]);
      }
      return record;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => typeShorthand(node.member, item)) : [typeShorthand(node.member, value)];
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') || trimmed.startsWith('[');
}

function parseStructure(parameter: TopLevelParameter & StructureNode, text: string): unknown {
  if (!looksLikeJson(text)) return typeShorthand(parameter, shorthand(parameter, text));
  if (text.trimStart().startsWith('{')) return parseJson(parameter, text);
  throw issue(parameter, 'json', 'Invalid JSON: a structure must be a JSON object ({...}), not a list.', `Use ${parameter.flag} '{...}' or the shorthand ${parameter.examples[0] ?? ''}.`, text);
}

function parseList(parameter: TopLevelParameter & ListNode, value: string | string[]): unknown {
  const first = Array.isArray(value) ? value[0] ?? '' : value;
  if (looksLikeJson(first)) {
    if (typeof value === 'string') return parseJson(parameter, value);
    if (value.length === 1 && first.trimStart().startsWith('[')) return parseJson(parameter, first);
    // Several JSON objects, one per argument: --tags '{"Key":"a","Value":"b"}' '{"Key":"c","Value":"d"}'.
    return value.map((item, index) => {
      if (item.trimStart().startsWith('{')) return parseJson(parameter, item, index);
      throw issue(parameter, 'json', 'Invalid JSON: when the first item is JSON, every item must be a JSON object.', 'Write every item as JSON, or every item as shorthand.', item);
    });
  }
  const parsed = typeof value === 'string' ? shorthand(parameter, value) : value.map((item) => shorthand(parameter, item));
  return typeShorthand(parameter, parsed);
}

/**
 * The request value of one parameter from its command-line arguments (several for a list parameter, one
 * otherwise). Throws InputError naming the flag for bad syntax or an unreadable file; shape rules are left to
 * `validateRequest`.
 */
export function parseParameterValue(parameter: TopLevelParameter, args: readonly string[]): unknown {
  const loaded = args.length === 1 ? readParamFile(args[0]!, parameter.flag, parameter.name) : undefined;
  if (parameter.kind === 'list') return parseList(parameter, loaded ?? [...args]);
  const text = loaded ?? args.join(' ');
  return parameter.kind === 'structure' ? parseStructure(parameter, text) : text;
}
