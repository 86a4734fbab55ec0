/**
 * Reading a team policy: JSON or YAML text, its shape checked against POLICY_FILE_SCHEMA, each rule's request
 * schema compiled by Ajv (JSON Schema 2020-12, strict: an unknown keyword is an error, not a rule that never
 * fires) and its member names checked against the parameter model. Anything wrong is a PolicyFileError naming
 * the file and the line: a broken policy never passes silently.
 */
import Ajv2020Import, { type ErrorObject } from 'ajv/dist/2020.js';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { PARAMETERS, type SpecNode } from '../parameter-model/index.js';
import { isPlainObject } from './issue-reporter.js';
import { POLICY_FILE_SCHEMA } from './policy-file-schema.js';
import type { CompiledSchema, PolicyRule, TeamPolicy } from './policy-types.js';
import { didYouMean } from './suggest.js';

// The CommonJS package exposes its class as `default` once bundled, and as the module itself under tsc.
const Ajv2020 = (Ajv2020Import as unknown as { default?: typeof Ajv2020Import }).default ?? Ajv2020Import;

/** A policy file that cannot be used: exits 253 (configuration), naming the file, the line and the fix. */
export class PolicyFileError extends Error {
  readonly exitCode = 253;
  constructor(
    /** `FILE line N: what is wrong`. */
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'PolicyFileError';
  }
}

type Path = Array<string | number>;

/** The line (1-based) of a position, from the text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Finds where a path of the document starts, for messages. */
class Locator {
  private readonly lines = new LineCounter();
  private readonly document;
  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
  }

  /** The line of the deepest part of `path` that exists: a key's own line, an item's first line (1 when none). */
  line(path: Path): number {
    for (let length = path.length; length > 0; length--) {
      const parent = this.document.getIn(path.slice(0, length - 1), true) as YamlNode | undefined;
      const last = path[length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
        const range = (pair?.key as YamlNode | undefined)?.range;
        if (range) return this.lines.linePos(range[0]).line;
      } else if (isSeq(parent) && typeof last === 'number') {
        const range = (parent.items[last] as YamlNode | undefined)?.range;
        if (range) return this.lines.linePos(range[0]).line;
      }
    }
    return 1;
  }
}

/** The document in the file: JSON for `.json`, else YAML (which also reads JSON). */
function parseText(text: string, file: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      // V8 gives the position of most mistakes; for the others, the YAML parser (JSON is YAML) finds the line.
      const position = /position (\d+)/.exec(message)?.[1];
      const line = position === undefined ? parseDocument(text).errors[0]?.linePos?.[0]?.line ?? 1 : lineAt(text, Number(position));
      throw new PolicyFileError(`${file} line ${line}: the policy is not valid JSON (${message.replace(/ \(line \d+ column \d+\)$/, '')}).`, 'Fix the JSON at that line (a missing comma or quote, or one too many).');
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? 1;
    const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new PolicyFileError(`${file} line ${line}: the policy is not valid YAML (${what}).`, 'Fix the YAML at that line (indentation, a missing colon or quote).');
  }
  return document.toJS();
}

/** A path as the policy's author reads it: `rules[2].request.properties`. */
function showPath(path: Path): string {
  return path.reduce<string>((shown, part) => (typeof part === 'number' ? `${shown}[${part}]` : shown ? `${shown}.${part}` : part), '') || 'the document';
}

function pathOf(error: ErrorObject): Path {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** An Ajv complaint about the policy's own shape, in words, with the path it is at. */
function shapeProblem(error: ErrorObject): { path: Path; message: string } {
  const path = pathOf(error);
  const where = showPath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `${where} needs "${String(params.missingProperty)}"${params.missingProperty === 'reason' ? ': every rule gives the team\'s reason' : ''}` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: [...path, key], message: `${where} has an unknown key "${key}".${didYouMean(key, known)}` };
    }
    case 'anyOf':
      return { path, message: `${where} states no rule: give it "request" (a JSON Schema), "regions", "accounts" or "expiryTag"` };
    case 'const':
      return { path, message: `${where} must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
    case 'type': {
      // The schema's description says it in words ("must be a Region code such as us-east-1").
      const described = (error.parentSchema as { description?: string } | undefined)?.description;
      return { path, message: `${where} ${described ?? error.message ?? 'is not valid'}` };
    }
    default:
      return { path, message: `${where} ${error.message ?? 'is not valid'}` };
  }
}

/**
 * The member names a request schema uses (`properties`, `required`) that the request does not have: a typo there
 * would make a rule that never fires. Walks the schema beside the parameter model.
 */
function unknownMembers(schema: unknown, node: SpecNode | 'request' | undefined, path: Path, found: Array<{ path: Path; message: string }>): void {
  if (!isPlainObject(schema) || node === undefined) return;
  const members = node === 'request' ? PARAMETERS : node.kind === 'structure' ? node.members : node.kind === 'list' ? undefined : [];
  const named = (name: string) => members?.find((member) => member.name === name);
  const check = (name: string, at: Path) => {
    if (members && !named(name)) {
      const known = members.map((member) => member.name);
      found.push({ path: at, message: `${showPath(at)} names "${name}", which ${node === 'request' ? 'the request' : 'this part of the request'} does not have.${didYouMean(name, known)}` });
    }
  };
  if (isPlainObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      check(name, [...path, 'properties', name]);
      unknownMembers(sub, named(name), [...path, 'properties', name], found);
    }
  }
  if (Array.isArray(schema.required)) schema.required.forEach((name, index) => typeof name === 'string' && check(name, [...path, 'required', index]));
  const item = node !== 'request' && node.kind === 'list' ? node.member : undefined;
  for (const key of ['items', 'contains']) if (item) unknownMembers(schema[key], item, [...path, key], found);
  for (const key of ['not', 'if', 'then', 'else']) unknownMembers(schema[key], node, [...path, key], found);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, index) => unknownMembers(sub, node, [...path, key, index], found));
  }
}

function newAjv() {
  // Strict about the schema (an unknown keyword or format is an error), not about its style (a `properties`
  // without `type: object` is fine); nothing is logged.
  return new Ajv2020({ allErrors: true, verbose: true, strictSchema: true, strictNumbers: true, strictTypes: false, strictTuples: false, strictRequired: false, logger: false });
}

/**
 * Reads a policy from its text. `file` is how messages name it (its extension chooses JSON or YAML). Throws
 * PolicyFileError for bad syntax, a bad shape, a request schema Ajv cannot compile, or a member name the request
 * does not have; each names the line.
 */
export function readPolicy(text: string, file: string): TeamPolicy {
  const document = parseText(text, file);
  const locate = new Locator(text);
  const fail = (path: Path, message: string, fix: string) => new PolicyFileError(`${file} line ${locate.line(path)}: ${message}`, fix);
  const ajv = newAjv();
  const shape = ajv.compile(POLICY_FILE_SCHEMA);
  if (!shape(document)) {
    const errors = shape.errors ?? [];
    // The most telling complaint: the deepest one; an unknown key before a missing one (a misspelt key is both),
    // and the branches of "states no rule" (anyOf) last.
    const rank = (error: ErrorObject) => (error.schemaPath.includes('/anyOf/') ? 2 : error.keyword === 'additionalProperties' ? 0 : 1);
    const chosen = [...errors].sort((a, b) => pathOf(b).length - pathOf(a).length || rank(a) - rank(b))[0]!;
    const problem = shapeProblem(chosen);
 throw fail(problem.path, /[.?]$/.test(problem.message) ? problem.message : `${problem.message}.`, 'See docs/presets.md ("The team policy") for the format and a complete example.');
  }
  const rules = (document as { rules: Array<Record<string, unknown>> }).rules;
  const seen = new Set<string>();
  return {
    file,
    rules: rules.map((raw, index): PolicyRule => {
      const at: Path = ['rules', index];
      const id = raw.id as string;
      if (seen.has(id)) throw fail([...at, 'id'], `two rules have the id "${id}".`, 'Give each rule an id of its own.');
      seen.add(id);
      let request: CompiledSchema | undefined;
      if (raw.request !== undefined) {
        const found: Array<{ path: Path; message: string }> = [];
        unknownMembers(raw.request, 'request', [...at, 'request'], found);
        if (found[0]) throw fail(found[0].path, found[0].message, 'Use the member names of CreateFHIRDatastore (healthlake-wizard create --generate-cli-skeleton shows them).');
        if (!ajv.validateSchema(raw.request as object)) {
          const error = ajv.errors![0]!;
          throw fail([...at, 'request', ...pathOf(error)], `the request schema of rule "${id}" is not valid JSON Schema: ${showPath(pathOf(error)) === 'the document' ? '' : `${showPath(pathOf(error))} `}${error.message ?? ''}.`, 'Fix the schema (JSON Schema 2020-12).');
        }
        try {
          request = ajv.compile(raw.request as object);
        } catch (error) {
          throw fail([...at, 'request'], `the request schema of rule "${id}" cannot be used: ${(error as Error).message}.`, 'Fix the schema: only JSON Schema 2020-12 keywords (a misspelt keyword would make a rule that never fires).');
        }
      }
      const field = raw.field as string | undefined;
      if (field !== undefined && !PARAMETERS.some((parameter) => field === parameter.name || field.startsWith(`${parameter.name}.`) || field.startsWith(`${parameter.name}[`))) {
        throw fail([...at, 'field'], `rule "${id}" names the field "${field}", which the request does not have.${didYouMean(field, PARAMETERS.map((parameter) => parameter.name))}`, 'Name a top-level member of the request, such as Tags.');
      }
      return {
        id,
        rule: raw.rule as string,
        reason: raw.reason as string,
        line: locate.line(at),
        ...(raw.fix !== undefined ? { fix: raw.fix as string } : {}),
        ...(field !== undefined ? { field } : {}),
        ...(raw.when !== undefined ? { when: raw.when as PolicyRule['when'] } : {}),
        ...(request ? { request } : {}),
        ...(raw.regions !== undefined ? { regions: raw.regions as string[] } : {}),
        ...(raw.accounts !== undefined ? { accounts: raw.accounts as string[] } : {}),
        ...(raw.expiryTag !== undefined ? { expiryTag: 'required' as const } : {}),
      };
    }),
  };
}
