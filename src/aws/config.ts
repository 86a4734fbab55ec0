/**
 * Client configuration as the AWS CLI resolves it: region, endpoint, profile, credentials, TLS and time-outs from
 * flags, environment and the shared config files. Imports the SDK: load this module lazily (after a first frame,
 * or on the non-interactive path).
 */
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { HealthLakeClient, type HealthLakeClientConfig } from '@aws-sdk/client-healthlake';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { EXIT, type GlobalOptions } from '../options.js';
import { redactUrlUserinfo } from './redact-url.js';
import { FriendlyFailure, toFriendlyError } from './errors.js';
import type { Target } from './types.js';

/** Static credentials (the sandbox's, or a test's). */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What the SDK's retry strategy may do: standard mode (backoff with jitter) for throttling, 5xx and resets. */
export const MAX_ATTEMPTS = 5;

/** The AWS CLI's default connect and read time-outs, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

type Env = NodeJS.ProcessEnv;

// The SDK warns on stderr that its future releases will need a newer Node; that is for this tool's maintainers
// (who pin the SDK), not for its users, and it would break the "stderr only for what matters" rule.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `--endpoint-url`, then `AWS_ENDPOINT_URL_HEALTHLAKE`, then `AWS_ENDPOINT_URL`. */
export function resolveEndpoint(options: GlobalOptions, env: Env = process.env): string | undefined {
  return options.endpointUrl || env.AWS_ENDPOINT_URL_HEALTHLAKE || env.AWS_ENDPOINT_URL || undefined;
}

/** Where a setting came from: the command line (bad input, 252) or the environment or files (bad configuration, 253). */
function invalidSetting(code: string, message: string, fix: string, fromCommandLine: boolean): FriendlyFailure {
  return new FriendlyFailure({ code, message, fix, exitCode: fromCommandLine ? EXIT.usage : EXIT.config, transient: false });
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}

/** The endpoint, checked to be an http(s) URL before the SDK sees it (it would fail with a bare "Invalid URL"). */
function checkedEndpoint(options: GlobalOptions, env: Env): string | undefined {
  const endpoint = resolveEndpoint(options, env);
  if (endpoint === undefined || isHttpUrl(endpoint)) return endpoint;
  const source = options.endpointUrl ? '--endpoint-url' : env.AWS_ENDPOINT_URL_HEALTHLAKE ? 'AWS_ENDPOINT_URL_HEALTHLAKE' : 'AWS_ENDPOINT_URL';
  throw invalidSetting(
    'InvalidEndpoint',
    `${source} must be an http:// or https:// URL; got ${JSON.stringify(redactUrlUserinfo(endpoint))}.`,
    `Give the whole URL, e.g. https://healthlake.us-east-1.amazonaws.com, or http://127.0.0.1:PORT for the emulator.`,
    source === '--endpoint-url',
  );
}

// The SDK's own rule for a region (a host name component); checked here so the message names the setting.
const REGION_PATTERN = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$/;

function checkedRegion(region: string, options: GlobalOptions): string {
  if (REGION_PATTERN.test(region)) return region;
  const source = options.region ? '--region' : 'the configured region (AWS_REGION, AWS_DEFAULT_REGION or the profile)';
  throw invalidSetting(
    'InvalidRegion',
    `${source} must be a Region code of letters, digits and "-"; got ${JSON.stringify(region)}.`,
    'Give a Region such as us-east-1 (HealthLake Regions: see the AWS documentation).',
    Boolean(options.region),
  );
}

/** `--profile`, then `AWS_PROFILE`; undefined means the default profile. */
export function resolveProfile(options: GlobalOptions, env: Env = process.env): string | undefined {
  return options.profile || env.AWS_PROFILE || undefined;
}

/**
 * `--region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`, then the profile's `region` in the shared config file
 * (read by the SDK's own loader, which honours `AWS_CONFIG_FILE`). Rejects with a NoRegion FriendlyFailure.
 */
export async function resolveRegion(options: GlobalOptions, env: Env = process.env): Promise<string> {
  const explicit = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (explicit) return explicit;
  const profile = resolveProfile(options, env);
  // A throwaway client: its region provider is the SDK's (env, then the profile in the config file).
  const probe = new HealthLakeClient(profile ? { profile } : {});
  try {
    const region = await probe.config.region();
    if (region) return region;
  } catch {
    // Falls through to the friendly error below.
  } finally {
    probe.destroy();
  }
  throw new FriendlyFailure(toFriendlyError({ name: 'MissingRegion', message: 'Region is missing' }, { profile }));
}

function seconds(value: number | undefined): number {
  // 0 means "no time-out", as in the AWS CLI; the SDK's 0 means the same.
  return Math.round((value ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
}

/** The HTTP handler's settings: TLS trust (`--ca-bundle`, `AWS_CA_BUNDLE`, `--no-verify-ssl`) and time-outs. */
export function requestHandlerSettings(options: GlobalOptions, env: Env = process.env): NodeHttpHandlerOptions {
  const caPath = options.caBundle || env.AWS_CA_BUNDLE;
  let ca: Buffer | undefined;
  if (caPath) {
    try {
      ca = readFileSync(caPath);
    } catch (error) {
      throw new FriendlyFailure({
        code: 'CaBundleUnreadable',
        message: `Cannot read the CA bundle ${caPath}: ${(error as Error).message}`,
        fix: 'Give a readable PEM file with --ca-bundle (or AWS_CA_BUNDLE).',
        exitCode: EXIT.config,
        transient: false,
      });
    }
  }
  return {
    connectionTimeout: seconds(options.cliConnectTimeout),
    requestTimeout: seconds(options.cliReadTimeout),
    throwOnRequestTimeout: true,
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({
      keepAlive: true,
      ...(ca ? { ca } : {}),
      ...(options.noVerifySsl ? { rejectUnauthorized: false } : {}),
    }),
  };
}

/** The HTTP handler for the options (see `requestHandlerSettings`). */
export function createRequestHandler(options: GlobalOptions, env: Env = process.env): NodeHttpHandler {
  return new NodeHttpHandler(requestHandlerSettings(options, env));
}

/** `--no-sign-request`: requests go out unsigned and no credentials are loaded. */
const ANONYMOUS_AUTH: Pick<HealthLakeClientConfig, 'httpAuthSchemes' | 'httpAuthSchemeProvider'> = {
  httpAuthSchemes: [
    {
      schemeId: 'smithy.api#noAuth',
      identityProvider: () => async () => ({}),
      signer: { sign: async (request) => request },
    },
  ],
  httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }],
};

/** A configured client and where it points. */
export interface ConfiguredClient {
  client: HealthLakeClient;
  target: Target;
}

/**
 * Builds the HealthLake client for the options. Credentials come from `explicit` (the sandbox) or the SDK's
 * default chain for the profile (env, SSO, assume-role, process, files, container/instance metadata), resolved
 * lazily on the first request.
 */
export async function createConfiguredClient(
  options: GlobalOptions,
  settings: { credentials?: StaticCredentials; env?: Env; maxAttempts?: number } = {},
): Promise<ConfiguredClient> {
  const env = settings.env ?? process.env;
  const endpoint = checkedEndpoint(options, env);
  const region = checkedRegion(await resolveRegion(options, env), options);
  const profile = resolveProfile(options, env);
  const auth: Partial<HealthLakeClientConfig> = options.noSignRequest
    ? ANONYMOUS_AUTH
    : { credentials: settings.credentials ?? fromNodeProviderChain(profile ? { profile } : {}) };
  const client = new HealthLakeClient({
    region,
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...auth,
    maxAttempts: settings.maxAttempts ?? MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: createRequestHandler(options, env),
  });
  const target: Target = {
    region,
    ...(profile && !options.sandbox ? { profile } : {}),
    // The target is shown and journaled: a password in the endpoint goes to the SDK only.
    ...(endpoint ? { endpoint: redactUrlUserinfo(endpoint) } : {}),
    sandbox: options.sandbox === true,
  };
  return { client, target };
}
