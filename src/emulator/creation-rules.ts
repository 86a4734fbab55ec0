/**
 * Why a creation ends CREATE_FAILED: the rules the pre-flight checks test, applied to the fixtures' keys and
 * functions. A customer managed key must exist in the account and Region, be Enabled, be a symmetric
 * encryption key, and its policy (or a grant) must let the caller use it through HealthLake; a SMART token
 * Lambda must exist there and let healthlake.amazonaws.com invoke it. The messages are the emulator's own
 * (AWS documents no ErrorCause texts; see docs/emulator.md).
 */
import { globMatch, policyAllows } from './access-policy.js';
import type { EmulatedKey, KmsCatalog } from './kms.js';
import type { LambdaCatalog } from './lambda.js';
import type { Caller, EmulatedDatastore } from './types.js';

/** The actions the HealthLake documentation ("Encryption at rest") requires on a customer managed key. */
export const HEALTHLAKE_KEY_ACTIONS = ['kms:CreateGrant', 'kms:DescribeKey', 'kms:GenerateDataKey', 'kms:Decrypt'] as const;

type ErrorCause = NonNullable<EmulatedDatastore['errorCause']>;

/** What the rules need to know about one creation. */
export interface CreationContext {
  caller: Caller;
  datastoreArn: string;
}

const failed = (message: string): ErrorCause => ({ ErrorMessage: message, ErrorCategory: 'NON_RETRYABLE_ERROR' });

/** The IAM role an assumed-role session belongs to, for matching grants. */
function granteeNames(arn: string): string[] {
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? [arn, `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`] : [arn];
}

/** The actions of HEALTHLAKE_KEY_ACTIONS the caller may not do on the key through HealthLake. */
export function missingKeyActions(key: EmulatedKey, caller: Caller, region: string): string[] {
  const names = granteeNames(caller.arn);
  return HEALTHLAKE_KEY_ACTIONS.filter((action) => {
    // The documentation's example names `healthlake.amazonaws.com`; KMS's own form is `healthlake.REGION.amazonaws.com`.
    const viaService = [`healthlake.${region}.amazonaws.com`, 'healthlake.amazonaws.com'];
    const byPolicy = viaService.some((via) =>
      policyAllows(key.policy, { principal: caller, action, resource: key.arn, context: { 'kms:viaservice': via, 'kms:calleraccount': caller.accountId } }),
    );
    const byGrant = (key.grants ?? []).some((grant) => names.includes(grant.granteePrincipal) && grant.operations.some((operation) => globMatch(operation, action.slice(4))));
    return !byPolicy && !byGrant;
  });
}

function keyFailure(request: Record<string, unknown>, kms: KmsCatalog, context: CreationContext): ErrorCause | undefined {
  const config = (request.SseConfiguration as { KmsEncryptionConfig?: { CmkType?: unknown; KmsKeyId?: unknown } } | undefined)?.KmsEncryptionConfig;
  if (config?.CmkType !== 'CUSTOMER_MANAGED_KMS_KEY' || typeof config.KmsKeyId !== 'string') return undefined;
  const given = config.KmsKeyId;
  const key = kms.find(given);
  if (!key) return failed(`The KMS key ${given} was not found in account ${kms.accountId}, Region ${kms.region}.`);
  const state = key.keyState ?? 'Enabled';
  if (state !== 'Enabled') return failed(`The KMS key ${given} (${key.arn}) is ${state}; HealthLake needs an Enabled key.`);
  const spec = key.keySpec ?? 'SYMMETRIC_DEFAULT';
  const usage = key.keyUsage ?? 'ENCRYPT_DECRYPT';
  if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') {
    return failed(`The KMS key ${given} (${key.arn}) is ${spec} with KeyUsage ${usage}; HealthLake needs a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).`);
  }
  if ((key.keyManager ?? 'CUSTOMER') !== 'CUSTOMER') return failed(`The KMS key ${given} (${key.arn}) is an AWS managed key; HealthLake needs a customer managed key.`);
  const missing = missingKeyActions(key, context.caller, kms.region);
  if (missing.length > 0) {
    return failed(`HealthLake could not use the KMS key ${given} (${key.arn}): the key policy does not allow ${missing.join(', ')} for ${context.caller.arn} through HealthLake (kms:ViaService).`);
  }
  return undefined;
}

function lambdaFailure(request: Record<string, unknown>, lambda: LambdaCatalog, context: CreationContext): ErrorCause | undefined {
  const arn = (request.IdentityProviderConfiguration as { IdpLambdaArn?: unknown } | undefined)?.IdpLambdaArn;
  if (typeof arn !== 'string') return undefined;
  const fn = lambda.find(arn);
  if (!fn) return failed(`The Lambda function ${arn} was not found in account ${lambda.accountId}, Region ${lambda.region}.`);
  const invokable = policyAllows(fn.policy, {
    principal: { service: 'healthlake.amazonaws.com' },
    action: 'lambda:InvokeFunction',
    resource: fn.arn,
    context: { 'aws:sourceaccount': lambda.accountId, 'aws:sourcearn': context.datastoreArn },
  });
  if (!invokable) return failed(`HealthLake may not invoke the Lambda function ${fn.arn}: its resource-based policy does not allow lambda:InvokeFunction for healthlake.amazonaws.com.`);
  return undefined;
}

/** The ErrorCause a creation ends with, or undefined when it becomes ACTIVE. */
export function creationFailure(request: Record<string, unknown>, catalogs: { kms: KmsCatalog; lambda: LambdaCatalog }, context: CreationContext): ErrorCause | undefined {
  return keyFailure(request, catalogs.kms, context) ?? lambdaFailure(request, catalogs.lambda, context);
}
