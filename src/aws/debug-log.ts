/**
 * `--debug`: what the AWS CLI's debug log lets a person diagnose — where the credentials came from, the Region,
 * the endpoint, and each request and response (operation, status, request id, attempt, timing). Secrets never
 * appear: `Authorization` and `X-Amz-Security-Token` are redacted, and credentials are named by source only.
 */
import type { HealthLakeClient } from '@aws-sdk/client-healthlake';

/** Where debug lines go (one line per call, without a newline). */
export type DebugLog = (line: string) => void;

const REDACTED_HEADERS = new Set(['authorization', 'x-amz-security-token']);

/** The request's headers for the log, with the signature and session token redacted. */
export function redactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = REDACTED_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value;
  }
  return out;
}

/** The SDK's names for where credentials came from (`$source` features), in words. */
const SOURCES: Record<string, string> = {
  CREDENTIALS_CODE: 'given by the program (the sandbox)',
  CREDENTIALS_ENV_VARS: 'environment variables (AWS_ACCESS_KEY_ID)',
  CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)',
  CREDENTIALS_PROFILE: 'the shared credentials/config file',
  CREDENTIALS_PROFILE_SOURCE_PROFILE: 'assume-role with source_profile',
  CREDENTIALS_PROFILE_NAMED_PROVIDER: 'assume-role with credential_source',
  CREDENTIALS_STS_ASSUME_ROLE: 'STS AssumeRole',
  CREDENTIALS_SSO: 'IAM Identity Center (SSO)',
  CREDENTIALS_SSO_LEGACY: 'IAM Identity Center (SSO, legacy profile)',
  CREDENTIALS_PROFILE_SSO: 'IAM Identity Center (SSO) profile',
  CREDENTIALS_PROFILE_PROCESS: 'credential_process',
  CREDENTIALS_PROCESS: 'credential_process',
  CREDENTIALS_HTTP: 'container credentials endpoint',
  CREDENTIALS_IMDS: 'instance metadata (IMDS)',
};

/** The credentials' source in words, from the features the SDK tags them with; never a key. */
export function describeCredentialSource(credentials: { $source?: Record<string, unknown> }): string {
  const features = Object.keys(credentials.$source ?? {});
  const named = features.map((feature) => SOURCES[feature]).filter(Boolean);
  return named.length ? named.join(', then ') : features.length ? features.join(', ') : 'given by the program';
}

/** Logs each attempt of each request (after retries and signing, so once per attempt) and its outcome. */
export function logRequests(client: Pick<HealthLakeClient, 'middlewareStack'>, log: DebugLog, now: () => number = Date.now): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { method?: string; protocol?: string; hostname?: string; port?: number; path?: string; headers?: Record<string, string> };
      const operation = (context.commandName ?? 'request').replace(/Command$/, '');
      const headers = request.headers ?? {};
      const attempt = headers['amz-sdk-request'] ?? '';
      const url = `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}${request.path ?? '/'}`;
      log(`${operation}: ${request.method ?? 'POST'} ${url} ${attempt}`.trim());
      log(`${operation}: request headers ${JSON.stringify(redactHeaders(headers))}`);
      const started = now();
      try {
        const result = await next(args);
        const response = result.response as { statusCode?: number; headers?: Record<string, string> };
        log(`${operation}: HTTP ${response.statusCode ?? '?'} request id ${response.headers?.['x-amzn-requestid'] ?? '-'} in ${now() - started} ms`);
        return result;
      } catch (error) {
        const failure = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
        const status = failure.$metadata?.httpStatusCode ? `HTTP ${failure.$metadata.httpStatusCode} ` : '';
        const id = failure.$metadata?.requestId ? ` request id ${failure.$metadata.requestId}` : '';
        const what = [failure.name, failure.code].filter((name) => name && name !== 'Error').join(' ') || 'error';
        log(`${operation}: ${status}${what}${id} after ${now() - started} ms`);
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'healthlakeWizardDebugLog' },
  );
}
