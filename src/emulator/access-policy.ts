/**
 * A small IAM policy evaluation for the emulator's key policies and function policies: an explicit Deny wins,
 * then any matching Allow. It knows Principal (AWS, Service, `*`), Action, Resource (with `*` and `?`), and the
 * condition operators StringEquals, StringLike, ArnEquals and ArnLike; a statement with any other operator, or
 * with NotAction or NotPrincipal, never matches. See docs/emulator.md for what is assumed.
 */
import type { PolicyDocument, PolicyStatement } from './fixtures.js';

/** Who asks, for what, in which context. */
export interface AccessRequest {
  /** The caller's ARN (an IAM user, an assumed-role session) or a service principal such as healthlake.amazonaws.com. */
  principal: { arn: string; accountId: string } | { service: string };
  action: string;
  resource: string;
  /** Condition keys, lower-case names (`kms:viaservice`, `aws:sourceaccount`). */
  context: Record<string, string>;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Glob with `*` and `?`, as IAM matches actions, resources and StringLike values. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(text);
}

/** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` is matched by the role's ARN `arn:aws:iam::ACCOUNT:role/ROLE`. */
function principalNames(arn: string): string[] {
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? [arn, `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`] : [arn];
}

function principalMatches(statement: PolicyStatement, principal: AccessRequest['principal']): boolean {
  const given = statement.Principal;
  if (given === undefined) return false;
  if (given === '*') return true;
  if ('service' in principal) return list(given.Service).includes(principal.service);
  const names = principalNames(principal.arn);
  return list(given.AWS).some((entry) => {
    if (entry === '*') return true;
    // The account (or its root) as principal: the account's IAM policies decide. The emulator has no IAM policies
    // and assumes they allow (see docs/emulator.md).
    if (entry === principal.accountId || entry === `arn:aws:iam::${principal.accountId}:root`) return true;
    return names.includes(entry);
  });
}

function conditionsHold(statement: PolicyStatement, context: Record<string, string>): boolean {
  for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const actual = context[key.toLowerCase()];
      if (actual === undefined) return false;
      const values = list(expected);
      switch (operator) {
        case 'StringEquals':
        case 'ArnEquals':
          if (!values.includes(actual)) return false;
          break;
        case 'StringLike':
        case 'ArnLike':
          if (!values.some((value) => globMatch(value, actual))) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

function statementMatches(statement: PolicyStatement, request: AccessRequest): boolean {
  return (
    principalMatches(statement, request.principal) &&
    list(statement.Action).some((action) => globMatch(action, request.action, true)) &&
    (statement.Resource === undefined || list(statement.Resource).some((resource) => globMatch(resource, request.resource))) &&
    conditionsHold(statement, request.context)
  );
}

/** True when the policy allows the request (an explicit Deny wins over any Allow). */
export function policyAllows(policy: PolicyDocument | undefined, request: AccessRequest): boolean {
  if (!policy) return false;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const matching = statements.filter((statement) => statementMatches(statement, request));
  return !matching.some((statement) => statement.Effect === 'Deny') && matching.some((statement) => statement.Effect === 'Allow');
}
