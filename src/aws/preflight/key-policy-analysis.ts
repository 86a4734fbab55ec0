/**
 * Does a key policy (and the key's grants) let the caller use the key through HealthLake? For each action the
 * HealthLake documentation requires ("Encryption at rest": kms:CreateGrant, kms:DescribeKey,
 * kms:GenerateDataKey, kms:Decrypt) the answer is: allowed, denied or missing (a failure), left to the account's
 * IAM policies (the key policy names the account; IAM is not read), or cannot tell.
 */
import { actionCovers, conditionsHold, globMatches, listOf, type Statement } from './policy-reading.js';

/** The actions HealthLake needs on a customer managed key, in the documentation's order. */
export const HEALTHLAKE_KEY_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt'] as const;

/** What the policy says of one action. */
export type ActionAnswer = 'allowed' | 'denied' | 'missing' | 'iam' | 'unknown';

/** Who asks: the caller's ARN and account, and the Region (for kms:ViaService). */
export interface KeyCaller {
  arn: string;
  accountId: string;
  region: string;
}

/** A grant as ListGrants reports it. */
export interface KeyGrant {
  granteePrincipal?: string;
  operations: string[];
}

/** The names a key policy may use for the caller: its ARN, and for an assumed-role session the role's ARN. */
export function callerPrincipals(arn: string): string[] {
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? [arn, `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`] : [arn];
}

/** The principal a statement should name for the caller: the role for an assumed-role session. */
export function policyPrincipalFor(arn: string): string {
  return callerPrincipals(arn).at(-1)!;
}

type PrincipalMatch = 'direct' | 'account' | false;

function principalMatch(statement: Statement, caller: KeyCaller): PrincipalMatch | 'unknown' {
  if (statement.NotPrincipal !== undefined) return 'unknown';
  const principal = statement.Principal;
  if (principal === '*') return 'direct';
  if (typeof principal !== 'object' || principal === null) return false;
  const names = callerPrincipals(caller.arn);
  let found: PrincipalMatch = false;
  for (const entry of listOf((principal as { AWS?: unknown }).AWS)) {
    if (entry === '*' || names.includes(entry)) return 'direct';
    if (entry === caller.accountId || entry === `arn:aws:iam::${caller.accountId}:root`) found = 'account';
  }
  return found;
}

/** The condition keys KMS sets when HealthLake uses the key for the caller. */
function contextFor(caller: KeyCaller): Record<string, readonly string[]> {
  return {
    // The HealthLake documentation's example names `healthlake.amazonaws.com`; KMS's own form is
    // `healthlake.REGION.amazonaws.com`. Either is taken to match (see docs/emulator.md).
    'kms:viaservice': ['healthlake.amazonaws.com', `healthlake.${caller.region}.amazonaws.com`],
    'kms:calleraccount': [caller.accountId],
    'aws:principalarn': callerPrincipals(caller.arn).slice(-1),
    'aws:principalaccount': [caller.accountId],
  };
}

/** What the policy and grants say of each required action, with the conditions this reader could not evaluate. */
export function analyseKeyPolicy(statements: readonly Statement[], grants: readonly KeyGrant[] | undefined, caller: KeyCaller): { answers: Record<string, ActionAnswer>; unknownConditions: string[] } {
  const context = contextFor(caller);
  const names = callerPrincipals(caller.arn);
  const answers: Record<string, ActionAnswer> = {};
  const unknownConditions = new Set<string>();
  for (const action of HEALTHLAKE_KEY_ACTIONS) {
    let denied: boolean | 'unknown' = false;
    let best: ActionAnswer = 'missing';
    for (const statement of statements) {
      const covers = actionCovers(statement, action);
      const who = principalMatch(statement, caller);
      if (covers === false || who === false) continue;
      const { holds, unknown } = conditionsHold(statement, context);
      for (const entry of unknown) unknownConditions.add(entry);
      if (holds === false) continue;
      const certain = covers === true && who !== 'unknown' && holds === true;
      if (statement.Effect === 'Deny') {
        if (certain) denied = true;
        else if (denied === false) denied = 'unknown';
        continue;
      }
      if (statement.Effect !== 'Allow') continue;
      if (certain && who === 'direct') best = 'allowed';
      else if (certain && who === 'account' && best !== 'allowed') best = 'iam';
      else if (best === 'missing') best = 'unknown';
    }
    const granted = (grants ?? []).some((grant) => grant.granteePrincipal !== undefined && names.includes(grant.granteePrincipal) && grant.operations.some((operation) => globMatches(operation, action.slice(4))));
    if (denied === true) answers[action] = 'denied';
    else if (best === 'allowed' || granted) answers[action] = denied === 'unknown' ? 'unknown' : 'allowed';
    else if (best === 'missing' && grants === undefined) answers[action] = 'unknown';
    else answers[action] = denied === 'unknown' && best !== 'missing' ? 'unknown' : best;
  }
  return { answers, unknownConditions: [...unknownConditions] };
}

/** The statement to add to the key policy: the documentation's example, for the caller, in this account. */
export function keyPolicyStatementFor(caller: KeyCaller): string {
  return JSON.stringify(
    {
      Sid: 'Allow use of the key through AWS HealthLake',
      Effect: 'Allow',
      Principal: { AWS: policyPrincipalFor(caller.arn) },
      Action: [...HEALTHLAKE_KEY_ACTIONS],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:ViaService': ['healthlake.amazonaws.com', `healthlake.${caller.region}.amazonaws.com`],
          'kms:CallerAccount': caller.accountId,
        },
      },
    },
    null,
    2,
  );
}
