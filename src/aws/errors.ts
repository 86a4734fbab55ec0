/**
 * Error classification: any error from the SDK, the credential chain or the network becomes a `FriendlyError`
 * (what happened, what to do, the AWS CLI exit code). Classification reads names and codes only, so this module
 * loads nothing from the SDK. Messages never include credentials.
 */
import { EXIT } from '../options.js';
import { redactUrlsInText } from '../redact-url.js';
import { LEAVES } from '../parameter-model/index.js';
import type { CreateRequest } from '../request/types.js';
import type { FriendlyError } from './types.js';

/** What the failing call was about, so that the fix can be specific. */
export interface ErrorContext {
  operation?: 'create' | 'describe' | 'list' | 'delete' | 'credentials' | 'region';
  region?: string;
  profile?: string;
  endpoint?: string;
  request?: CreateRequest;
  datastoreId?: string;
}

/** An Error carrying a FriendlyError; what the gateway and the watcher reject or throw with. */
export class FriendlyFailure extends Error {
  /** `original` is kept as `cause`, for `--debug`. */
  constructor(readonly friendly: FriendlyError, original?: unknown) {
    super(friendly.message, original === undefined ? undefined : { cause: original });
    this.name = 'FriendlyFailure';
  }
}

/** True when the value is (or carries) a FriendlyError. */
export function isFriendlyFailure(value: unknown): value is FriendlyFailure {
  return value instanceof FriendlyFailure || (typeof value === 'object' && value !== null && 'friendly' in value);
}

type Raw = {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
  cause?: unknown;
};

const NETWORK_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const NETWORK_TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_OSSL)/;

function codesOf(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const raw = current as Raw;
    if (raw.code) out.push(raw.code);
    if (raw.name) out.push(raw.name);
    current = raw.cause;
  }
  return out;
}

function where(context: ErrorContext): string {
  return context.endpoint ?? (context.region ? `https://healthlake.${context.region}.amazonaws.com` : 'the HealthLake endpoint');
}

function profileHint(context: ErrorContext): string {
  return context.profile ? ` --profile ${context.profile}` : '';
}

function make(partial: Omit<FriendlyError, 'transient'> & { transient?: boolean }): FriendlyError {
  return { transient: false, ...partial };
}

/** The IAM actions a create request needs, from what the request contains. */
export function requiredActions(request?: CreateRequest): string[] {
  const actions = ['healthlake:CreateFHIRDatastore', 'healthlake:DescribeFHIRDatastore'];
  if (request?.Tags?.length) actions.push('healthlake:TagResource');
  if (request?.SseConfiguration?.KmsEncryptionConfig?.CmkType === 'CUSTOMER_MANAGED_KMS_KEY') {
    actions.push('kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt');
  }
  return actions;
}

/**
 * The request field a service message names, as a spec path. Leaf names are tried before top-level ones, longest
 * first, so `KmsKeyId` maps to `SseConfiguration.KmsEncryptionConfig.KmsKeyId` rather than to `SseConfiguration`.
 */
export function fieldNamedIn(message: string): string | undefined {
  const names = LEAVES.flatMap((leaf) => [
    { name: leaf.path.split('.').pop()!.replace('[]', ''), path: leaf.path.replace(/\[\]/g, '') },
    { name: leaf.parameter.name, path: leaf.parameter.name },
  ])
    // Short member names (a tag's `Key`, `Value`) are ordinary words in messages ("the KMS key ..."): skip them.
    .filter(({ name, path }) => name === path || name.length >= 6)
    .sort((a, b) => b.name.length - a.name.length);
  // Word boundaries, any case: the service writes `datastoreName` as often as `DatastoreName`.
  return names.find(({ name }) => new RegExp(`\\b${name}\\b`, 'i').test(message))?.path;
}

function serviceError(raw: Raw, codes: string[], context: ErrorContext): FriendlyError | undefined {
  const text = raw.message ?? '';
  const status = raw.$metadata?.httpStatusCode;
  if (codes.some((c) => /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(c))) {
    const actions = requiredActions(context.request);
    return make({
      code: 'AccessDenied',
      message: `Access denied: ${text || 'your identity may not call HealthLake'}`.trim(),
      fix: `Allow these IAM actions for your identity (and the KMS key policy, for a customer managed key): ${actions.join(', ')}.`,
      exitCode: EXIT.service,
    });
  }
  if (codes.some((c) => /ExpiredToken|RequestExpired/.test(c))) {
    return make({
      code: 'ExpiredCredentials',
      message: 'Your AWS credentials have expired.',
      fix: `Refresh them: aws sso login${profileHint(context)} (SSO), or renew the session credentials you use.`,
      exitCode: EXIT.config,
    });
  }
  if (codes.some((c) => /UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken/.test(c))) {
    return make({
      code: 'InvalidCredentials',
      message: `The service rejected your credentials: ${text}`.trim(),
      fix: `Check the access key and secret in your profile or environment (aws configure${profileHint(context)}), or use --sandbox.`,
      exitCode: EXIT.service,
    });
  }
  if (codes.includes('ValidationException')) {
    const field = fieldNamedIn(text);
    return make({
      code: 'Validation',
      message: `The service rejected the request: ${text}`,
      fix: field ? `Correct ${field} and submit again.` : 'Correct the request as the message says and submit again.',
      exitCode: EXIT.service,
      ...(field ? { field } : {}),
    });
  }
  if (codes.includes('ResourceNotFoundException')) {
    return make({
      code: 'NotFound',
      message: `No data store${context.datastoreId ? ` ${context.datastoreId}` : ''} in ${context.region ?? 'this region'}: ${text}`,
      fix: 'Check the data store id and the region (--region) or profile it was created with.',
      exitCode: EXIT.service,
    });
  }
  if (codes.includes('ConflictException') && context.operation === 'delete') {
    const id = context.datastoreId ?? 'DATASTORE_ID';
    return make({
      code: 'Conflict',
      message: text || 'The data store cannot be deleted in its current state.',
      fix: `Only an ACTIVE or CREATE_FAILED data store can be deleted: wait for it (healthlake-wizard status ${id} --wait), then delete it again.`,
      exitCode: EXIT.service,
    });
  }
  if (codes.includes('ConflictException')) {
    return make({ code: 'Conflict', message: text || 'The request conflicts with the current state.', fix: 'Wait and try again, or use a new --client-token.', exitCode: EXIT.service });
  }
  if (codes.some((c) => /Throttling|TooManyRequests|RequestLimitExceeded|SlowDown/.test(c)) || status === 429) {
    return make({ code: 'Throttling', message: 'HealthLake is throttling requests.', fix: 'Wait a moment and try again; retries back off automatically.', exitCode: EXIT.service, transient: true });
  }
  if (raw.$fault === 'server' || (status !== undefined && status >= 500) || codes.includes('InternalServerException')) {
    return make({ code: 'ServiceUnavailable', message: `HealthLake had an internal error${status ? ` (HTTP ${status})` : ''}.`, fix: 'Try again in a moment; this is on the service side.', exitCode: EXIT.service, transient: true });
  }
  if (status !== undefined || raw.$fault === 'client') {
    return make({ code: codes[0] ?? 'ServiceError', message: text || `The service answered HTTP ${status}.`, fix: 'See the message; run with --debug for details.', exitCode: EXIT.service });
  }
  return undefined;
}

function environmentError(raw: Raw, codes: string[], context: ErrorContext): FriendlyError | undefined {
  const text = raw.message ?? '';
  if (/token.*(expired|refresh)|sso.*(expired|session)|SSO Token/i.test(text) && /sso|token/i.test(text) && codes.some((c) => /Token|Credentials/.test(c))) {
    return make({
      code: 'SsoTokenExpired',
      message: 'Your AWS SSO session has expired or was never started.',
      fix: `Sign in again: aws sso login${profileHint(context)}`,
      exitCode: EXIT.config,
    });
  }
  if (codes.some((c) => c === 'CredentialsProviderError' || c === 'TokenProviderError') || /Could not load credentials/i.test(text)) {
    const profile = context.profile ? ` for profile "${context.profile}"` : '';
    return make({
      code: 'NoCredentials',
      message: `No AWS credentials found${profile}.`,
      fix: `Configure them: aws configure${profileHint(context)}, or aws sso login${profileHint(context)}, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; or try the local sandbox with --sandbox.`,
      exitCode: EXIT.config,
    });
  }
  if (codes.includes('ProfileNotFound') || /profile .* (could not be found|not found)/i.test(text)) {
    return make({ code: 'ProfileNotFound', message: text, fix: 'Check the profile name (aws configure list-profiles) or configure it with aws configure --profile NAME.', exitCode: EXIT.config });
  }
  if (codes.includes('MissingRegion') || /Region is missing|expected `region`/i.test(text)) {
    return make({
      code: 'NoRegion',
      message: 'No AWS region is configured.',
      fix: `Pass --region (for example --region us-east-1), set AWS_REGION, or set a region in your profile (aws configure${profileHint(context)}).`,
      exitCode: EXIT.config,
    });
  }
  return undefined;
}

function networkError(raw: Raw, codes: string[], context: ErrorContext): FriendlyError | undefined {
  const endpoint = where(context);
  if (codes.some((c) => NETWORK_UNREACHABLE.has(c))) {
    return make({
      code: 'EndpointUnreachable',
      message: `Could not connect to ${endpoint} (${codes.find((c) => NETWORK_UNREACHABLE.has(c))}).`,
      fix: 'Check the endpoint (--endpoint-url, AWS_ENDPOINT_URL), the region, and your network or proxy.',
      exitCode: EXIT.other,
      transient: true,
    });
  }
  if (codes.some((c) => TLS_CODES.test(c)) || /certificate|self[- ]signed|SSL routines|TLS/i.test(raw.message ?? '')) {
    return make({
      code: 'TlsFailure',
      message: `The TLS connection to ${endpoint} failed: ${raw.message ?? codes[0]}.`,
      fix: 'Give the CA certificate with --ca-bundle FILE (or AWS_CA_BUNDLE); --no-verify-ssl skips the check (unsafe).',
      exitCode: EXIT.other,
    });
  }
  // Before the time-out check: the SDK names a reset socket `TimeoutError` (code ECONNRESET) to retry it.
  if (codes.some((c) => NETWORK_TRANSIENT.has(c)) || /socket hang up|ECONNRESET/i.test(raw.message ?? '')) {
    return make({
      code: 'ConnectionReset',
      message: `The connection to ${endpoint} was interrupted.`,
      fix: 'Try again; a retry reuses the same ClientToken, so it never creates a second data store.',
      exitCode: EXIT.other,
      transient: true,
    });
  }
  if (codes.some((c) => c === 'TimeoutError' || c === 'ETIMEDOUT' || c === 'RequestTimeout' || c === 'ESOCKETTIMEDOUT')) {
    return make({
      code: 'Timeout',
      message: `No answer from ${endpoint} in time.`,
      fix: 'Try again, or allow longer with --cli-read-timeout SECONDS / --cli-connect-timeout SECONDS (0 = no limit).',
      exitCode: EXIT.other,
      transient: true,
    });
  }
  return undefined;
}

/** Turns any error into a FriendlyError with a fix and the AWS CLI exit code. */
export function toFriendlyError(error: unknown, context: ErrorContext = {}): FriendlyError {
  if (isFriendlyFailure(error)) return error.friendly;
  const raw: Raw = typeof error === 'object' && error !== null ? (error) : { message: String(error) };
  const codes = codesOf(error);
  if (codes.includes('AbortError')) {
    return make({ code: 'Aborted', message: 'Cancelled.', fix: 'Run the command again when ready.', exitCode: EXIT.interrupted });
  }
  return (
    environmentError(raw, codes, context) ??
    serviceError(raw, codes, context) ??
    networkError(raw, codes, context) ??
    make({
      code: codes[0] ?? 'Unexpected',
      message: raw.message ?? 'An unexpected error occurred.',
      fix: 'Run again with --debug for details.',
      exitCode: EXIT.other,
    })
  );
}

/** One FriendlyError as the lines printed on stderr; with `debug`, the original error's stack follows. */
export function formatFriendlyError(error: FriendlyError, debug?: { original: unknown }): string {
  const field = error.field ? ` [${error.field}]` : '';
  const text = `healthlake-wizard: ${error.message}${field}\n  Fix: ${error.fix}\n`;
  const original = isFriendlyFailure(debug?.original) ? (debug.original as Error).cause : debug?.original;
  const stack = original instanceof Error && !isFriendlyFailure(original) ? original.stack : undefined;
  // An endpoint's password may be in the error or its stack (a URL the SDK or Node quoted).
  return redactUrlsInText(stack ? `${text}${stack}\n` : text);
}
