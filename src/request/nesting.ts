/**
 * How deeply a parameter value may nest lists and objects. The deepest CreateFHIRDatastore parameter needs two
 * levels (Tags: a list of objects); MAX_NESTING leaves ample room, and refusing anything deeper, with a message
 * that says so, keeps recursive code (validation, JSON.stringify, the YAML parser) from exhausting the stack and
 * reporting something else. docs/parameters.md documents the limit.
 */
import { PARAMETERS, type SpecNode } from '../parameter-model/index.js';
import type { FieldIssue } from './issues.js';

/** The most lists and objects a parameter value may nest (its own level counts as one). */
export const MAX_NESTING = 32;

function specDepth(node: SpecNode): number {
  if (node.kind === 'structure') return 1 + Math.max(0, ...node.members.map(specDepth));
  if (node.kind === 'list') return 1 + specDepth(node.member);
  return 0;
}

/** How deep the deepest parameter of the spec nests (2: Tags, a list of objects). */
export const SPEC_NESTING = Math.max(...PARAMETERS.map(specDepth));

/** Where a value nests too deeply, or contains itself (only YAML aliases can do that). */
interface NestingProblem {
  kind: 'too-deep' | 'contains-itself';
  /** The JSON path of the list or object where it happened, e.g. `Tags[0][0]`. */
  path: string;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

// Recursion is safe here: it never goes deeper than MAX_NESTING + 1.
function findProblem(value: unknown, path: string, depth: number, ancestors: Set<object>): NestingProblem | undefined {
  if (!isContainer(value)) return undefined;
  if (ancestors.has(value)) return { kind: 'contains-itself', path };
  if (depth > MAX_NESTING) return { kind: 'too-deep', path };
  ancestors.add(value);
  const entries = Array.isArray(value) ? value.map((item, index) => [`${path}[${index}]`, item] as const) : Object.entries(value).map(([key, item]) => [`${path}.${key}`, item] as const);
  for (const [childPath, child] of entries) {
    const problem = findProblem(child, childPath, depth + 1, ancestors);
    if (problem) return problem;
  }
  ancestors.delete(value);
  return undefined;
}

/** A path shortened for a message: `Tags[0][0]…[0]` rather than 33 levels of it. */
function shortPath(path: string): string {
  const parts = path.match(/\[\d+\]|\.[^.[]+|^[^.[]+/g) ?? [path];
  return parts.length <= 6 ? path : `${parts.slice(0, 3).join('')}…${parts.at(-1)}`;
}

/**
 * The issue with a parameter's value (`field` is the parameter's name) when it nests more than MAX_NESTING
 * lists and objects, or contains itself; undefined when it is fine.
 */
export function nestingIssue(value: unknown, field: string, flag: string): FieldIssue | undefined {
  const problem = findProblem(value, field, 1, new Set());
  if (!problem) return undefined;
  if (problem.kind === 'contains-itself') {
    return {
      field,
      flag,
      rule: 'nesting',
      message: `The value contains itself at ${shortPath(problem.path)}: a YAML alias (*name) is used inside its own anchor (&name).`,
      fix: 'Write the value out in full instead of the alias.',
      severity: 'error',
    };
  }
  return {
    field,
    flag,
    rule: 'nesting',
    message: `The value nests lists and objects more than ${MAX_NESTING} levels deep (${shortPath(problem.path)} is level ${MAX_NESTING + 1}); no parameter of CreateFHIRDatastore needs more than ${SPEC_NESTING}.`,
    fix: `Check the brackets: each extra [ or { (or YAML indentation step) nests the value one level deeper. --generate-cli-skeleton input shows the shape.`,
    severity: 'error',
  };
}
