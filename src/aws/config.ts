/**
 * Client configuration as the AWS CLI resolves it: region, endpoint, profile, credentials, TLS and time-outs from
 * flags, environment and the shared config files. Imports the SDK: load this module lazily (after a first frame,
 * or on the non-interactive path).
 */
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { HealthLakeClient, type HealthLakeClientConfig } from '@aws-sdk/client-healthlake';
import { fromEnv, fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { EXIT, type GlobalOptions } from '../options.js';
import { loadProfileSettings, resolveProfile, type ProfileSettings } from './profile-settings.js';
import { redactUrlUserinfo } from '../redact-url.js';
import { FriendlyFailure, toFriendlyError } from './errors.js';
import type { Target } from './types.js';
import { describeCredentialSource, logRequests, type DebugLog } from './debug-log.js';

export { resolveProfile } from './profile-settings.js';

/** Static credentials (the sandbox's, or a test's). */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The AWS CLI v2's retry defaults when neither `AWS_MAX_ATTEMPTS`/`max_attempts` nor `AWS_RETRY_MODE`/`retry_mode` is set. */
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RETRY_MODE = 'standard';

/** The AWS CLI's default connect and read time-outs, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

type Env = NodeJS.ProcessEnv;

// The SDK warns on stderr that its future releases will need a newer Node; that is for this tool's maintainers
// (who pin the SDK), not for its users, and it would break the "stderr only for what matters" rule.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** An endpoint override and the setting it came from (named in messages). */
export interface EndpointSetting {
  url: string;
  source: string;
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/**
 * The endpoint as the AWS CLI orders it: `--endpoint-url`; then, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
 * (or the profile's `ignore_configured_endpoint_urls`) is true, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
 * the profile's `services` section (`healthlake =` / `  endpoint_url = ...`), and the profile's `endpoint_url`.
 * `service` is `healthlake`, or `sts` for the target check (which `--endpoint-url` also points: see README).
 */
export function resolveEndpoint(
  options: GlobalOptions,
  env: Env = process.env,
  profile?: Pick<ProfileSettings, 'name' | 'values' | 'services'>,
  service = 'healthlake',
): EndpointSetting | undefined {
  if (options.endpointUrl) return { url: options.endpointUrl, source: '--endpoint-url' };
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== undefined ? isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) : isTrue(profile?.values.ignore_configured_endpoint_urls);
  if (ignore) return undefined;
  const serviceVariable = `AWS_ENDPOINT_URL_${service.toUpperCase()}`;
  if (env[serviceVariable]) return { url: env[serviceVariable], source: serviceVariable };
  if (env.AWS_ENDPOINT_URL) return { url: env.AWS_ENDPOINT_URL, source: 'AWS_ENDPOINT_URL' };
  if (!profile) return undefined;
  const fromServices = profile.services[`${service}.endpoint_url`];
  if (fromServices) return { url: fromServices, source: `the services section "${profile.values.services}" of profile "${profile.name}"` };
  if (profile.values.endpoint_url) return { url: profile.values.endpoint_url, source: `endpoint_url of profile "${profile.name}"` };
  return undefined;
}

/** Where a setting came from: the command line (bad input, 252) or the environment or files (bad configuration, 253). */
function invalidSetting(code: string, message: string, fix: string, fromCommandLine: boolean): FriendlyFailure {
  return new FriendlyFailure({ code, message, fix, exitCode: fromCommandLine ? EXIT.usage : EXIT.config, transient: false });
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}

/** The endpoint, checked to be an http(s) URL before the SDK sees it (it would fail with a bare "Invalid URL"). */
export function checkedEndpoint(options: GlobalOptions, env: Env, profile: ProfileSettings, service = 'healthlake'): string | undefined {
  const endpoint = resolveEndpoint(options, env, profile, service);
  if (endpoint === undefined || isHttpUrl(endpoint.url)) return endpoint?.url;
  throw invalidSetting(
    'InvalidEndpoint',
    `${endpoint.source} must be an http:// or https:// URL; got ${JSON.stringify(redactUrlUserinfo(endpoint.url))}.`,
    `Give the whole URL, e.g. https://healthlake.us-east-1.amazonaws.com, or http://127.0.0.1:PORT for the emulator.`,
    endpoint.source === '--endpoint-url',
  );
}

// The SDK's own rule for a region (a host name component); checked here so the message names the setting.
const REGION_PATTERN = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$/;

export function checkedRegion(region: string, options: GlobalOptions): string {
  if (REGION_PATTERN.test(region)) return region;
  const source = options.region ? '--region' : 'the configured region (AWS_REGION, AWS_DEFAULT_REGION or the profile)';
  throw invalidSetting(
    'InvalidRegion',
    `${source} must be a Region code of letters, digits and "-"; got ${JSON.stringify(region)}.`,
    'Give a Region such as us-east-1 (HealthLake Regions: see the AWS documentation).',
    Boolean(options.region),
  );
}

/**
 * `--region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`, then the chosen profile's `region` (see
 * `loadProfileSettings`). Rejects with a NoRegion FriendlyFailure.
 */
export async function resolveRegion(options: GlobalOptions, env: Env = process.env, profile?: ProfileSettings): Promise<string> {
  const explicit = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (explicit) return explicit;
  const settings = profile ?? (await loadProfileSettings(options, env));
  if (settings.values.region) return settings.values.region;
  throw new FriendlyFailure(toFriendlyError({ name: 'MissingRegion', message: 'Region is missing' }, { profile: resolveProfile(options, env) }));
}

/** Retries as the AWS CLI reads them: `AWS_MAX_ATTEMPTS` / `max_attempts`, `AWS_RETRY_MODE` / `retry_mode`. */
export function resolveRetries(env: Env, profile: Pick<ProfileSettings, 'name' | 'values'>): { maxAttempts: number; retryMode: 'standard' | 'adaptive' } {
  const attemptsText = env.AWS_MAX_ATTEMPTS ?? profile.values.max_attempts;
  const modeText = env.AWS_RETRY_MODE ?? profile.values.retry_mode;
  const fromEnvAttempts = env.AWS_MAX_ATTEMPTS !== undefined;
  let maxAttempts = DEFAULT_MAX_ATTEMPTS;
  if (attemptsText !== undefined) {
    maxAttempts = Number(attemptsText);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw invalidSetting('InvalidMaxAttempts', `${fromEnvAttempts ? 'AWS_MAX_ATTEMPTS' : `max_attempts of profile "${profile.name}"`} must be a whole number of at least 1; got ${JSON.stringify(attemptsText)}.`, 'Give a number of attempts such as 3 (1 means no retry).', false);
    }
  }
  const retryMode = (modeText ?? DEFAULT_RETRY_MODE).trim().toLowerCase();
  if (retryMode !== 'standard' && retryMode !== 'adaptive' && retryMode !== 'legacy') {
    throw invalidSetting('InvalidRetryMode', `${env.AWS_RETRY_MODE !== undefined ? 'AWS_RETRY_MODE' : `retry_mode of profile "${profile.name}"`} must be standard, adaptive or legacy; got ${JSON.stringify(modeText)}.`, 'Set it to standard (the default), adaptive or legacy.', false);
  }
  // The SDK for JavaScript has no legacy mode; standard is its closest (both back off on throttling and 5xx).
  return { maxAttempts, retryMode: retryMode === 'adaptive' ? 'adaptive' : 'standard' };
}

/** FIPS and dual-stack endpoints: `AWS_USE_FIPS_ENDPOINT` / `use_fips_endpoint`, `AWS_USE_DUALSTACK_ENDPOINT` / `use_dualstack_endpoint`. */
export function resolveEndpointVariants(env: Env, profile: Pick<ProfileSettings, 'values'>): { useFipsEndpoint: boolean; useDualstackEndpoint: boolean } {
  return {
    useFipsEndpoint: isTrue(env.AWS_USE_FIPS_ENDPOINT ?? profile.values.use_fips_endpoint),
    useDualstackEndpoint: isTrue(env.AWS_USE_DUALSTACK_ENDPOINT ?? profile.values.use_dualstack_endpoint),
  };
}

function seconds(value: number | undefined): number {
  // 0 means "no time-out", as in the AWS CLI; the SDK's 0 means the same.
  return Math.round((value ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
}

/** TLS trust for the service's certificate: `--ca-bundle`, `AWS_CA_BUNDLE`, the profile's `ca_bundle`; `--no-verify-ssl`. */
interface TlsTrust {
  ca?: Buffer;
  rejectUnauthorized?: false;
}

function tlsTrust(options: GlobalOptions, env: Env, profile?: Pick<ProfileSettings, 'name' | 'values'>): TlsTrust {
  const setting = options.caBundle
    ? { path: options.caBundle, source: '--ca-bundle' }
    : env.AWS_CA_BUNDLE
      ? { path: env.AWS_CA_BUNDLE, source: 'AWS_CA_BUNDLE' }
      : profile?.values.ca_bundle
        ? { path: profile.values.ca_bundle, source: `ca_bundle of profile "${profile.name}"` }
        : undefined;
  let ca: Buffer | undefined;
  if (setting) {
    try {
      ca = readFileSync(setting.path);
    } catch (error) {
      throw new FriendlyFailure({
        code: 'CaBundleUnreadable',
        message: `Cannot read the CA bundle ${setting.path} (from ${setting.source}): ${(error as Error).message}`,
        fix: `Give a readable PEM file with ${setting.source === '--ca-bundle' ? '--ca-bundle' : `${setting.source}, or --ca-bundle`}.`,
        exitCode: EXIT.config,
        transient: false,
      });
    }
  }
  return { ...(ca ? { ca } : {}), ...(options.noVerifySsl ? { rejectUnauthorized: false as const } : {}) };
}

/**
 * A CONNECT-tunnel agent whose TLS to the service trusts what the options say: https-proxy-agent applies its
 * own options to the proxy connection only, so the service's trust is added to each tunnelled connection.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(proxy: string, private readonly trust: TlsTrust) {
    super(proxy, { keepAlive: true });
  }

  override connect(request: Parameters<HttpsProxyAgent<string>['connect']>[0], connectOptions: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    // The tunnel's TLS is opened without `host` (only a name is sent as SNI), so the certificate is checked
    // against the service's host here; an IP address would otherwise be checked as "localhost".
    const host = connectOptions.host ?? '';
    const verify = { checkServerIdentity: (_name: string, cert: PeerCertificate) => checkServerIdentity(host, cert) };
    return super.connect(request, { ...connectOptions, ...this.trust, ...verify });
  }
}

/**
 * The HTTP handler's settings: TLS trust, time-outs, and the proxy for `endpoint` (`HTTPS_PROXY` for https,
 * `HTTP_PROXY` for http, either case, unless `NO_PROXY` matches its host; via proxy-from-env, which reads
 * `process.env`). Without an endpoint the proxy is chosen for the service's own https host.
 */
export function requestHandlerSettings(
  options: GlobalOptions,
  env: Env = process.env,
  profile?: Pick<ProfileSettings, 'name' | 'values'>,
  endpoint = 'https://healthlake.amazonaws.com',
): NodeHttpHandlerOptions {
  const trust = tlsTrust(options, env, profile);
  // The sandbox is this process's own emulator on 127.0.0.1: a proxy could never reach it.
  const proxy = options.sandbox ? '' : getProxyForUrl(endpoint);
  return {
    connectionTimeout: seconds(options.cliConnectTimeout),
    requestTimeout: seconds(options.cliReadTimeout),
    throwOnRequestTimeout: true,
    httpAgent: proxy ? new HttpProxyAgent(proxy, { keepAlive: true }) : new HttpAgent({ keepAlive: true }),
    httpsAgent: proxy ? new TunnelAgent(proxy, trust) : new HttpsAgent({ keepAlive: true, ...trust }),
  };
}

/** The HTTP handler for the options (see `requestHandlerSettings`). */
export function createRequestHandler(options: GlobalOptions, env: Env = process.env, profile?: Pick<ProfileSettings, 'name' | 'values'>, endpoint?: string): NodeHttpHandler {
  return new NodeHttpHandler(requestHandlerSettings(options, env, profile, endpoint));
}

/** What every credentials provider is given: the program's HTTP handler for STS and SSO calls, and no console. */
interface CredentialProviderInit {
  clientConfig: { requestHandler: NodeHttpHandler };
  // The chain warns with console.warn (e.g. "Multiple credential sources detected") straight onto the screen.
  logger: { debug(): void; info(): void; warn(): void; error(): void };
}

const QUIET_LOGGER: CredentialProviderInit['logger'] = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * The providers' settings: an assume-role profile's AssumeRole and an SSO profile's calls go through the proxy,
 * CA bundle and time-outs of the options, the proxy chosen for STS's endpoint.
 */
function credentialProviderInit(options: GlobalOptions, env: Env, profile: ProfileSettings): CredentialProviderInit {
  const sts = resolveEndpoint(options, env, profile, 'sts')?.url;
  const probe = sts !== undefined && isHttpUrl(sts) ? sts : 'https://sts.amazonaws.com';
  return { clientConfig: { requestHandler: createRequestHandler(options, env, profile, probe) }, logger: QUIET_LOGGER };
}

/**
 * The credentials as the AWS CLI picks them: with `--profile`, that profile's (the environment's keys are
 * ignored); with a profile named only by `AWS_PROFILE`/`AWS_DEFAULT_PROFILE`, the environment's keys when both
 * are set, else the profile's; with none, the default chain (environment first). Resolved on first use.
 */
export function credentialsProvider(options: GlobalOptions, env: Env, profile: ProfileSettings): AwsCredentialIdentityProvider {
  const init = credentialProviderInit(options, env, profile);
  const named = resolveProfile(options, env);
  if (!options.profile && named && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return fromEnv();
  return fromNodeProviderChain({ ...init, ...(named ? { profile: named } : {}) });
}

/** The chosen profile's own provider alone (no environment, no metadata): tells why its credentials fail. */
export function profileCredentialsProvider(options: GlobalOptions, env: Env, profile: ProfileSettings): AwsCredentialIdentityProvider {
  return fromIni({ ...credentialProviderInit(options, env, profile), profile: profile.name });
}

/** `--no-sign-request`: requests go out unsigned and no credentials are loaded. */
export const ANONYMOUS_AUTH: Pick<HealthLakeClientConfig, 'httpAuthSchemes' | 'httpAuthSchemeProvider'> = {
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
  /** The URL requests really go to (the override, or the SDK's endpoint for the Region, FIPS and dual-stack). */
  serviceUrl: string;
  /** The chosen profile's settings the client was built from. */
  profile: ProfileSettings;
}

/** The URL the SDK's endpoint rules give for the Region and variants (no custom endpoint). */
async function sdkEndpointUrl(client: HealthLakeClient, region: string, variants: { useFipsEndpoint: boolean; useDualstackEndpoint: boolean }): Promise<string> {
  const endpoint = client.config.endpointProvider({ Region: region, UseFIPS: variants.useFipsEndpoint, UseDualStack: variants.useDualstackEndpoint });
  return endpoint.url.href.replace(/\/$/, '');
}

/**
 * Builds the HealthLake client for the options, every setting from the chosen profile (never another profile
 * named by `AWS_PROFILE` while `--profile` is given). Credentials come from `explicit` (the sandbox) or
 * `credentialsProvider` (the AWS CLI's order), resolved lazily on the first request.
 */
export async function createConfiguredClient(
  options: GlobalOptions,
  settings: { credentials?: StaticCredentials; env?: Env; maxAttempts?: number; debug?: DebugLog } = {},
): Promise<ConfiguredClient> {
  const env = settings.env ?? process.env;
  const profileSettings = await loadProfileSettings(options, env);
  if (!settings.credentials && !options.noSignRequest && resolveProfile(options, env) && !profileSettings.exists) {
    // As the AWS CLI: a named profile that is in neither file stops everything, before any request.
    const known = profileSettings.allProfiles;
    throw new FriendlyFailure({
      code: 'ProfileNotFound',
      message: `The config profile "${profileSettings.name}" could not be found in the config or credentials file.`,
      fix: known.length ? `Use one of: ${known.join(', ')} (--profile NAME or AWS_PROFILE), or create it with aws configure --profile ${profileSettings.name}.` : `Create it with aws configure --profile ${profileSettings.name}, or try the local sandbox with --sandbox.`,
      exitCode: EXIT.config,
      transient: false,
    });
  }
  const endpoint = checkedEndpoint(options, env, profileSettings);
  const region = checkedRegion(await resolveRegion(options, env, profileSettings), options);
  const profile = resolveProfile(options, env);
  const retries = resolveRetries(env, profileSettings);
  const variants = resolveEndpointVariants(env, profileSettings);
  const auth: Partial<HealthLakeClientConfig> = options.noSignRequest
    ? ANONYMOUS_AUTH
    : { credentials: settings.credentials ?? credentialsProvider(options, env, profileSettings) };
  const probe = endpoint ?? `https://healthlake.${region}.amazonaws.com`;
  const client = new HealthLakeClient({
    region,
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...auth,
    // The endpoint resolved above is the only one: the SDK's own lookup reads AWS_PROFILE's profile, not --profile's.
    ignoreConfiguredEndpointUrls: true,
    ...variants,
    maxAttempts: settings.maxAttempts ?? retries.maxAttempts,
    retryMode: retries.retryMode,
    requestHandler: createRequestHandler(options, env, profileSettings, probe),
  });
  const target: Target = {
    region,
    ...(profile && !options.sandbox ? { profile } : {}),
    // The target is shown and journaled: a password in the endpoint goes to the SDK only.
    ...(endpoint ? { endpoint: redactUrlUserinfo(endpoint) } : {}),
    sandbox: options.sandbox === true,
  };
  const serviceUrl = endpoint ?? (await sdkEndpointUrl(client, region, variants));
  if (settings.debug) {
    const log = settings.debug;
    const proxy = options.sandbox ? '' : getProxyForUrl(serviceUrl);
    log(`profile: ${profile ?? 'default'}${profileSettings.exists ? '' : ' (in neither file)'}; region: ${region}; endpoint: ${redactUrlUserinfo(serviceUrl)}${endpoint ? ` (${resolveEndpoint(options, env, profileSettings)?.source})` : ''}`);
    log(`retries: ${settings.maxAttempts ?? retries.maxAttempts} attempts, ${retries.retryMode} mode; fips: ${variants.useFipsEndpoint}; dual-stack: ${variants.useDualstackEndpoint}; proxy: ${proxy ? new URL(proxy).host : 'none'}`);
    if (!options.noSignRequest) {
      // The provider is memoized by the client, so resolving here costs the first request nothing.
      const provider = client.config.credentials;
      client.config.credentials = async (...args: Parameters<typeof provider>) => {
        const credentials = await provider(...args);
        log(`credentials: ${describeCredentialSource(credentials as { $source?: Record<string, unknown> })}`);
        client.config.credentials = provider;
        return credentials;
      };
    }
    logRequests(client, log);
  }
  return { client, target, serviceUrl, profile: profileSettings };
}
