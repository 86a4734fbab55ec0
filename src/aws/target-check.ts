/**
 * The target check: resolves the chosen profile's credentials and asks STS GetCallerIdentity who they are, so a
 * person learns the account and identity (or what is wrong, with its fix) before answering any step. Imports the
 * SDK: load it lazily, never on the first frame's path. Also lists the profiles of the shared files.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { EXIT, type GlobalOptions } from '../options.js';
import { checkedEndpoint, createRequestHandler, credentialsProvider, profileCredentialsProvider, resolveEndpointVariants, resolveRetries, type StaticCredentials } from './config.js';
import { logRequests, type DebugLog } from './debug-log.js';
import { FriendlyFailure, toFriendlyError } from './errors.js';
import { loadProfileSettings, resolveProfile, type ProfileSettings } from './profile-settings.js';
import type { CallerIdentity, FriendlyError, HealthLakeGateway, ProfileEntry, Target, TargetReport } from './types.js';

export type { CallerIdentity, ProfileEntry } from './types.js';

type Env = NodeJS.ProcessEnv;

/** The profiles of the config and credentials files, `default` first, each with the Region it would use. */
export async function listProfiles(options: GlobalOptions = {}, env: Env = process.env): Promise<ProfileEntry[]> {
  const settings = await loadProfileSettings(options, env);
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const entries = await Promise.all(
    settings.allProfiles.map(async (name) => {
      const region = fromEnv || (name === settings.name ? settings.values : (await loadProfileSettings({ profile: name }, env)).values).region;
      return { name, isDefault: name === 'default', chosen: name === settings.name, ...(region ? { region } : {}) };
    }),
  );
  return entries.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** The outcome: the identity, or the problem with its cause and fix (and the profiles, when one is missing). */
export type TargetCheck =
  | { ok: true; identity: CallerIdentity; profile?: string; stsUrl: string }
  | { ok: false; problem: FriendlyError; profile?: string; profiles?: string[] };

/** `user/NAME` -> NAME; `assumed-role/ROLE/SESSION` -> ROLE; else the ARN's resource. */
export function identityName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const [kind, name] = resource.split('/');
  return kind === 'assumed-role' || kind === 'user' || kind === 'role' ? (name ?? resource) : resource;
}

function problem(partial: Omit<FriendlyError, 'transient' | 'exitCode'> & { exitCode?: number }): FriendlyError {
  return { exitCode: EXIT.config, transient: false, ...partial };
}

/** What went wrong while resolving credentials, told with the profile's own kind of credentials in mind. */
function credentialsProblem(error: unknown, settings: ProfileSettings, profile: string | undefined): FriendlyError {
  const message = (error as Error)?.message ?? String(error);
  const flag = profile ? ` --profile ${profile}` : '';
  const values = settings.values;
  if (values.credential_process && /Command failed|credential_process|exited|not found/i.test(message)) {
    const stderr = message.replace(/^Command failed: [^\n]*\n?/, '').trim();
    return problem({
      code: 'CredentialProcessFailed',
      message: `The credential_process of profile "${settings.name}" failed${stderr ? `: ${stderr}` : '.'}`,
      fix: `Run it yourself to see why (${values.credential_process}), fix it, or choose another profile.`,
    });
  }
  if (values.role_arn && !/sso/i.test(message)) {
    const host = /(?:getaddrinfo \w+|connect \w+) ([^\s]+)/.exec(message)?.[1] ?? (error as { hostname?: string }).hostname;
    if (host || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up|timed? ?out/i.test(message)) {
      return problem({
        code: 'AssumeRoleUnreachable',
        message: `Profile "${settings.name}" assumes ${values.role_arn}, but STS could not be reached${host ? ` at ${host}` : ''}: ${message}`,
        fix: 'Check the network or proxy to STS (AWS_ENDPOINT_URL_STS, HTTPS_PROXY), or choose another profile.',
        exitCode: EXIT.other,
      });
    }
  }
  const friendly = toFriendlyError(error, { operation: 'credentials', ...(profile ? { profile } : {}) });
  if (friendly.code === 'SsoTokenExpired') return { ...friendly, fix: `Sign in again: aws sso login${flag}` };
  if (friendly.code === 'NoCredentials' || friendly.code === 'Unexpected' || friendly.code === 'CredentialsProviderError') {
    return problem({
      code: 'NoCredentials',
      message: `No AWS credentials found${profile ? ` for profile "${settings.name}"` : ''}: ${message}`,
      fix: `Configure them (aws configure${flag}, or aws sso login${flag}), or try the local sandbox with --sandbox: nothing is sent to AWS there.`,
    });
  }
  return friendly;
}

/**
 * Checks the target: the chosen profile exists, its credentials resolve, and STS says whose they are. Never
 * throws. `credentials` replaces the profile's (the sandbox's keys); `region` defaults to the resolved one, else
 * us-east-1 (STS answers identity in every Region).
 */
export async function checkTarget(
  options: GlobalOptions,
  deps: { env?: Env; credentials?: StaticCredentials; signal?: AbortSignal; /** `--debug`: the STS request is logged as every other. */ debug?: DebugLog } = {},
): Promise<TargetCheck> {
  const env = deps.env ?? process.env;
  const profile = options.sandbox ? undefined : resolveProfile(options, env);
  let settings: ProfileSettings;
  try {
    settings = await loadProfileSettings(options.sandbox ? { ...options, profile: undefined } : options, env);
  } catch (error) {
    return { ok: false, problem: problem({ code: 'ConfigUnreadable', message: `The AWS config files cannot be read: ${(error as Error).message}`, fix: 'Correct the file named in the message.' }) };
  }
  const withProfile = profile ? { profile } : {};
  if (profile && !settings.exists && !deps.credentials) {
    const known = settings.allProfiles;
    return {
      ok: false,
      ...withProfile,
      profiles: known,
      problem: problem({
        code: 'ProfileNotFound',
        message: `The profile "${profile}" does not exist in the config or credentials file.`,
        fix: known.length ? `Choose one of: ${known.join(', ')}; or create it with aws configure --profile ${profile}.` : `Create it with aws configure --profile ${profile}, or try the local sandbox with --sandbox.`,
      }),
    };
  }
  let credentials: StaticCredentials;
  try {
    credentials = deps.credentials ?? (await credentialsProvider(options, env, settings)());
  } catch (error) {
    // A setting the providers' HTTP handler needs (the CA bundle) is wrong: that, not the credentials, is the problem.
    if (error instanceof FriendlyFailure) return { ok: false, ...withProfile, problem: error.friendly };
    // The chain ends with "Could not load credentials from any providers"; the profile's own provider tells why.
    const cause = settings.exists ? await profileCredentialsProvider(options, env, settings)().then(() => error, (own: unknown) => own) : error;
    return { ok: false, ...withProfile, problem: credentialsProblem(cause, settings, profile) };
  }
  let stsUrl: string | undefined;
  const client = await (async () => {
    stsUrl = checkedEndpoint(options, env, settings, 'sts');
    const variants = resolveEndpointVariants(env, settings);
    const region = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || settings.values.region || 'us-east-1';
    const retries = resolveRetries(env, settings);
    const client = new STSClient({
      region,
      credentials,
      ...(stsUrl ? { endpoint: stsUrl } : {}),
      // Only the endpoint resolved here (see config.ts): the SDK's own lookup would read another profile.
      ignoreConfiguredEndpointUrls: true,
      ...variants,
      maxAttempts: retries.maxAttempts,
      retryMode: retries.retryMode,
      requestHandler: createRequestHandler(options, env, settings, stsUrl ?? `https://sts.${region}.amazonaws.com`),
    });
    // The URL named in messages is the one the SDK really uses (FIPS, dual-stack).
    stsUrl ??= client.config.endpointProvider({ Region: region, UseFIPS: variants.useFipsEndpoint, UseDualStack: variants.useDualstackEndpoint }).url.href.replace(/\/$/, '');
    return client;
  })().catch((error: unknown) => error);
  if (!(client instanceof STSClient)) return { ok: false, ...withProfile, problem: toFriendlyError(client) };
  // The middleware only reads the request and response; any client's stack takes it.
  if (deps.debug) logRequests(client as unknown as Parameters<typeof logRequests>[0], deps.debug);
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), deps.signal ? { abortSignal: deps.signal } : {});
    const arn = answer.Arn ?? '';
    return { ok: true, ...withProfile, stsUrl: stsUrl ?? '', identity: { account: answer.Account ?? '', arn, name: identityName(arn) } };
  } catch (error) {
    return { ok: false, ...withProfile, problem: toFriendlyError(error, { operation: 'credentials', ...(stsUrl ? { endpoint: stsUrl } : {}), ...withProfile }) };
  } finally {
    client.destroy();
  }
}

/**
 * The report the wizard's header shows: the gateway's target (Region, profile, endpoint; or why there is none)
 * and who the credentials are (asked of STS in its default Region while no Region is set). Never throws. `options` are the gateway's (the sandbox's
 * endpoint, Region and keys in the sandbox, with `credentials`).
 */
export async function reportTarget(
  gateway: Pick<HealthLakeGateway, 'target'>,
  options: GlobalOptions,
  deps: { env?: Env; credentials?: StaticCredentials; signal?: AbortSignal; debug?: DebugLog; /** false: resolve the target only, ask STS nothing. */ identity?: boolean } = {},
): Promise<TargetReport> {
  let target: Target;
  try {
    target = await gateway.target();
  } catch (error) {
    const problem = toFriendlyError(error, { operation: 'region' });
    if (problem.code === 'NoRegion') {
      // The Region is a choice still to make; the credentials need none: a first run learns at once whether they
      // work (an expired SSO session, with its fix), not after choosing a Region.
      if (deps.identity === false) return { ok: false, problem };
      const check = await checkTarget(options, deps);
      const withProfile = check.profile ? { profile: check.profile } : {};
      return { ok: false, problem, credentials: check.ok ? { ok: true, ...withProfile, identity: check.identity } : { ok: false, ...withProfile, problem: check.problem } };
    }
    if (problem.code !== 'ProfileNotFound') return { ok: false, problem };
    const profiles = (await listProfiles({}, deps.env).catch(() => [])).map((entry) => entry.name);
    return { ok: false, problem, profiles };
  }
  if (deps.identity === false) return { ok: true, target };
  const check = await checkTarget({ ...options, region: target.region }, deps);
  if (check.ok) return { ok: true, target, identity: check.identity };
  return { ok: false, target, problem: check.problem, ...(check.profiles ? { profiles: check.profiles } : {}) };
}
