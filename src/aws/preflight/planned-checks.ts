/**
 * Which pre-flight checks a request gets, before any runs: a list a screen can show as pending at once. Pure and
 * light (no SDK, no network), so the UI may import it on its first frame.
 */
import type { CreateRequest } from '../../request/types.js';
import type { PlannedCheck } from './types.js';

/** The request fields the checks concern (spec paths). */
export const KMS_KEY_FIELD = 'SseConfiguration.KmsEncryptionConfig.KmsKeyId';
export const IDP_LAMBDA_FIELD = 'IdentityProviderConfiguration.IdpLambdaArn';
export const METADATA_FIELD = 'IdentityProviderConfiguration.Metadata';

/** The Region and quota checks, which every request gets. */
export const REGION_CHECK: PlannedCheck = { id: 'region', title: 'Region' };
export const QUOTA_CHECK: PlannedCheck = { id: 'quota', title: 'Data store quota' };

/** The check of a data store name already in use. */
export function sameNameCheck(name: string): PlannedCheck {
  return { id: 'same-name', title: `Name ${name}`, field: 'DatastoreName' };
}

/** The check of a customer managed key. */
export function kmsKeyCheck(keyId: string): PlannedCheck {
  return { id: 'kms-key', title: `KMS key ${keyId}`, field: KMS_KEY_FIELD };
}

/** The check of a SMART token Lambda. */
export function lambdaCheck(arn: string): PlannedCheck {
  return { id: 'idp-lambda', title: `Token Lambda ${arn.split(':').slice(6).join(':') || arn}`, field: IDP_LAMBDA_FIELD };
}

/** The smart-configuration URL of an issuer. */
export function smartConfigurationUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/smart-configuration`;
}

/** The issuer the metadata names, or undefined. */
export function metadataIssuer(metadata: string): string | undefined {
  try {
    const issuer = (JSON.parse(metadata) as { issuer?: unknown }).issuer;
    return typeof issuer === 'string' && issuer !== '' ? issuer : undefined;
  } catch {
    return undefined;
  }
}

/** The check of the SMART metadata against its issuer. */
export function smartMetadataCheck(metadata: string): PlannedCheck {
  const issuer = metadataIssuer(metadata);
  return { id: 'smart-metadata', title: issuer ? `SMART metadata vs ${smartConfigurationUrl(issuer)}` : 'SMART metadata vs its issuer', field: METADATA_FIELD };
}

/** True when the request uses SMART on FHIR (the strategies that take metadata and a token Lambda). */
function isSmart(request: CreateRequest): boolean {
  return /^SMART_ON_FHIR/.test(request.IdentityProviderConfiguration?.AuthorizationStrategy ?? '');
}

/** The checks this request gets, in the order a report lists them. */
export function plannedChecks(request: CreateRequest): PlannedCheck[] {
  const checks: PlannedCheck[] = [REGION_CHECK];
  const kms = request.SseConfiguration?.KmsEncryptionConfig;
  if (kms?.CmkType === 'CUSTOMER_MANAGED_KMS_KEY' && kms.KmsKeyId) checks.push(kmsKeyCheck(kms.KmsKeyId));
  const idp = request.IdentityProviderConfiguration;
  if (isSmart(request) && idp?.IdpLambdaArn) checks.push(lambdaCheck(idp.IdpLambdaArn));
  if (isSmart(request) && idp?.Metadata) checks.push(smartMetadataCheck(idp.Metadata));
  checks.push(QUOTA_CHECK);
  if (request.DatastoreName) checks.push(sameNameCheck(request.DatastoreName));
  return checks;
}
