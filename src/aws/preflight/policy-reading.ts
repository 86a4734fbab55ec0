/**
 * Reading IAM policy documents (key policies, function policies) for the pre-flight checks, with three answers:
 * yes, no, or "cannot tell" (an operator or condition key this reader does not know). The checks never turn
 * "cannot tell" into a pass.
 */

/** A statement, loosely typed: policies come from the network as JSON. */
export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Yes, no, or cannot tell. */
export type Tri = true | false | 'unknown';

/** The statements of a policy document given as JSON text; undefined when it is not a policy document. */
export function statementsOf(policyText: string): Statement[] | undefined {
  try {
    const document = JSON.parse(policyText) as { Statement?: unknown };
    const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement ? [document.Statement] : undefined;
    return statements?.filter((statement): statement is Statement => typeof statement === 'object' && statement !== null);
  } catch {
    return undefined;
  }
}

/** A value or list of values as strings. */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** IAM's glob: `*` any run, `?` one character. */
export function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(text);
}

/** True when the statement's Action covers `action` (NotAction: cannot tell, as it needs the whole action list). */
export function actionCovers(statement: Statement, action: string): Tri {
  if (statement.NotAction !== undefined) return listOf(statement.NotAction).some((pattern) => globMatches(pattern, action, true)) ? false : 'unknown';
  return listOf(statement.Action).some((pattern) => globMatches(pattern, action, true));
}

/**
 * Evaluates a statement's conditions with `context` (condition keys in lower case, each with the values the
 * request could carry: any one satisfying the condition satisfies it). Unknown operators or keys: cannot tell.
 */
export function conditionsHold(statement: Statement, context: Record<string, readonly string[]>): { holds: Tri; unknown: string[] } {
  const unknown: string[] = [];
  let holds: Tri = true;
  for (const [rawOperator, entries] of Object.entries(statement.Condition ?? {})) {
    const operator = rawOperator.replace(/IfExists$/, '');
    for (const [key, expected] of Object.entries(entries ?? {})) {
      const actual = context[key.toLowerCase()];
      const values = listOf(expected);
      let result: Tri;
      if (actual === undefined) result = 'unknown';
      else if (operator === 'StringEquals' || operator === 'ArnEquals') result = actual.some((value) => values.includes(value));
      else if (operator === 'StringEqualsIgnoreCase') result = actual.some((value) => values.some((wanted) => wanted.toLowerCase() === value.toLowerCase()));
      else if (operator === 'StringLike' || operator === 'ArnLike') result = actual.some((value) => values.some((pattern) => globMatches(pattern, value)));
      else if (operator === 'StringNotEquals' || operator === 'ArnNotEquals') result = actual.every((value) => !values.includes(value));
      else if (operator === 'StringNotLike' || operator === 'ArnNotLike') result = actual.every((value) => !values.some((pattern) => globMatches(pattern, value)));
      else result = 'unknown';
      if (result === 'unknown') unknown.push(`${rawOperator} ${key}`);
      if (result === false) holds = false;
      else if (result === 'unknown' && holds === true) holds = 'unknown';
    }
  }
  return { holds, unknown };
}
