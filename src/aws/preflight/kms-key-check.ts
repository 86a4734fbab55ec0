/**
 * The KMS key check: the customer managed key exists in the target account and Region (aliases resolved by
 * DescribeKey), is Enabled, is a symmetric encryption key, and its policy or grants let the caller use it through
 * HealthLake (key-policy-analysis.ts). Read-only: DescribeKey, GetKeyPolicy, ListGrants, GetCallerIdentity.
 */
import { DescribeKeyCommand, GetKeyPolicyCommand, ListGrantsCommand, type GrantListEntry } from '@aws-sdk/client-kms';
import { errorName, errorText, isAccessDenied, type CheckContext } from './check-context.js';
import { analyseKeyPolicy, HEALTHLAKE_KEY_ACTIONS, keyPolicyStatementFor, policyPrincipalFor, type ActionAnswer } from './key-policy-analysis.js';
import { statementsOf } from './policy-reading.js';
import { kmsKeyCheck } from './planned-checks.js';
import type { PlannedCheck, PreflightResult } from './types.js';

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Runs the check. Never throws. */
export async function checkKmsKey(keyId: string, context: CheckContext): Promise<PreflightResult> {
  const planned = kmsKeyCheck(keyId);
  const { region } = context;
  const result = (rest: Omit<PreflightResult, keyof PlannedCheck>): PreflightResult => ({ ...planned, ...rest });
  const send = context.signal ? { abortSignal: context.signal } : {};

  const arn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):/.exec(keyId);
  if (arn && arn[1] !== region) {
    return result({
      status: 'failed',
      summary: `The key is in ${arn[1]}; HealthLake needs a key in the data store's Region, ${region}.`,
      fix: { text: `Choose a key in ${region} (aws kms list-aliases --region ${region}), or create the data store in ${arn[1]}.` },
    });
  }

  let metadata;
  try {
    metadata = (await context.clients.kms.send(new DescribeKeyCommand({ KeyId: keyId }), send)).KeyMetadata;
  } catch (error) {
    if (errorName(error) === 'NotFoundException') {
      return result({
        status: 'failed',
        summary: `No key ${keyId} in ${region}${context.endpointOverride ? '' : ' for this account'}: ${(error as Error).message}`,
        fix: { text: `Check the key id or alias (aws kms list-aliases --region ${region}), or create a symmetric key: aws kms create-key --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT --region ${region}` },
      });
    }
    const why = isAccessDenied(error) ? 'No permission to describe the key (kms:DescribeKey)' : 'DescribeKey failed';
    return result({ status: 'not-checked', summary: 'The key could not be described.', reason: `${why}: ${errorText(error)}` });
  }
  const keyArn = metadata?.Arn ?? keyId;
  const caller = await context.caller();
  const keyAccount = keyArn.split(':')[4];
  if (caller.ok && keyAccount && keyAccount !== caller.accountId) {
    return result({
      status: 'failed',
      summary: `The key ${keyArn} belongs to account ${keyAccount}; HealthLake needs a key of the target account ${caller.accountId}.`,
      fix: { text: `Choose a key of account ${caller.accountId} in ${region}.` },
    });
  }
  if (metadata?.KeyManager === 'AWS') {
    return result({ status: 'failed', summary: `${keyArn} is an AWS managed key; only the service it belongs to may use it.`, fix: { text: 'Choose a customer managed key, or use an AWS owned key (CmkType=AWS_OWNED_KMS_KEY).' } });
  }
  if (metadata?.KeySpec !== 'SYMMETRIC_DEFAULT' || metadata.KeyUsage !== 'ENCRYPT_DECRYPT') {
    return result({
      status: 'failed',
      summary: `${keyArn} is ${metadata?.KeySpec ?? 'of an unknown spec'} with KeyUsage ${metadata?.KeyUsage ?? 'unknown'}; HealthLake needs a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).`,
      fix: { text: 'Choose a symmetric encryption key, or create one:', command: `aws kms create-key --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT --region ${region}` },
    });
  }
  if (metadata.KeyState !== 'Enabled') {
    const state = metadata.KeyState ?? 'unknown';
    const fix =
      state === 'Disabled'
        ? { text: 'Enable the key:', command: `aws kms enable-key --key-id ${shellQuote(keyArn)} --region ${region}` }
        : state === 'PendingDeletion'
          ? { text: 'Cancel its deletion, then enable it:', command: `aws kms cancel-key-deletion --key-id ${shellQuote(keyArn)} --region ${region} && aws kms enable-key --key-id ${shellQuote(keyArn)} --region ${region}` }
          : { text: `Wait until the key is Enabled, or choose another key.` };
    return result({ status: 'failed', summary: `${keyArn} is ${state}; HealthLake needs an Enabled key.`, fix });
  }

  // The key itself is fine; now whether the caller may use it through HealthLake.
  const found = `${keyArn} is an Enabled symmetric encryption key`;
  if (!caller.ok) return result({ status: 'not-checked', summary: `${found}; whether you may use it through HealthLake is unknown.`, reason: caller.reason });
  let policyText: string | undefined;
  try {
    policyText = (await context.clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }), send)).Policy;
  } catch (error) {
    const why = isAccessDenied(error) ? 'No permission to read the key policy (kms:GetKeyPolicy)' : 'GetKeyPolicy failed';
    return result({ status: 'not-checked', summary: `${found}; its key policy could not be read.`, reason: `${why}: ${errorText(error)}` });
  }
  let grants: GrantListEntry[] | undefined;
  try {
    grants = (await context.clients.kms.send(new ListGrantsCommand({ KeyId: keyArn }), send)).Grants ?? [];
  } catch {
    // Without the grants, only the policy can say yes; "missing" becomes "cannot tell" (see analyseKeyPolicy).
    grants = undefined;
  }
  const statements = statementsOf(policyText ?? '');
  if (!statements) return result({ status: 'not-checked', summary: `${found}; its key policy is not a policy document this check can read.`, reason: 'GetKeyPolicy answered no readable policy.' });
  const who = { arn: caller.arn, accountId: caller.accountId, region };
  const { answers, unknownConditions } = analyseKeyPolicy(statements, grants?.map((grant) => ({ ...(grant.GranteePrincipal ? { granteePrincipal: grant.GranteePrincipal } : {}), operations: grant.Operations ?? [] })), who);
  const named = (kind: ActionAnswer) => HEALTHLAKE_KEY_ACTIONS.filter((action) => answers[action] === kind);
  const blocked = [...named('denied'), ...named('missing')];
  if (blocked.length > 0) {
    const denied = named('denied');
    return result({
      status: 'failed',
      summary: `The key policy does not let ${policyPrincipalFor(caller.arn)} use the key through HealthLake: ${blocked.join(', ')} ${denied.length ? `(${denied.join(', ')} explicitly denied)` : 'not allowed'}.`,
      fix: {
        text: `Add this statement to the key policy${denied.length ? ' and remove the Deny' : ''} (aws kms get-key-policy --key-id ${shellQuote(keyArn)} --policy-name default --region ${region}, edit, then aws kms put-key-policy):`,
        policyStatement: keyPolicyStatementFor(who),
      },
    });
  }
  const delegated = named('iam');
  const unknown = named('unknown');
  if (unknown.length > 0) {
    return result({
      status: 'not-checked',
      summary: `${found}; whether its policy lets you use it through HealthLake is unknown for ${unknown.join(', ')}.`,
      reason: unknownConditions.length ? `The key policy has conditions this check cannot evaluate: ${unknownConditions.join('; ')}.` : grants === undefined ? 'The key\'s grants could not be read (kms:ListGrants).' : 'The key policy uses NotAction or NotPrincipal, which this check does not evaluate.',
    });
  }
  if (delegated.length > 0) {
    return result({
      status: 'not-checked',
      summary: `${found}; its key policy lets the IAM policies of account ${caller.accountId} decide ${delegated.join(', ')}.`,
      reason: 'This check does not read IAM policies. Your IAM policy must allow these actions on the key (the HealthLake documentation limits them with kms:ViaService).',
    });
  }
  return result({ status: 'passed', summary: `${found}, and its policy lets ${policyPrincipalFor(caller.arn)} use it through HealthLake (${HEALTHLAKE_KEY_ACTIONS.join(', ')}).` });
}
