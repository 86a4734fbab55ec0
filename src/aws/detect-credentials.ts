/**
 * A quick, offline guess at whether AWS credentials are configured — for the start screen, which offers the
 * sandbox when none are. Reads environment variables and the shared files only: no SDK, no network (instance
 * metadata is not probed, so an EC2 role without any other configuration reads as "not found").
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readIni } from '../ini-file.js';

/** The outcome: found or not, and where (for display: never a secret). */
export interface CredentialsDetection {
  found: boolean;
  /** e.g. `environment`, `profile "dev" (SSO)`, `AWS_PROFILE=dev`. */
  source?: string;
}



/** Which kind of credentials a profile's settings give, if any. */
function profileKind(settings: Map<string, string> | undefined): string | undefined {
  if (!settings) return undefined;
  if (settings.get('aws_access_key_id') && settings.get('aws_secret_access_key')) return 'keys';
  if (settings.has('sso_session') || settings.has('sso_start_url') || settings.has('sso_account_id')) return 'SSO';
  if (settings.has('role_arn')) return 'assume role';
  if (settings.has('credential_process')) return 'credential process';
  if (settings.has('web_identity_token_file')) return 'web identity';
  return undefined;
}

function hasSsoCache(home: string): boolean {
  const dir = join(home, '.aws', 'sso', 'cache');
  try {
    return readdirSync(dir).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

/** Detects configured credentials without network calls and without loading the SDK. */
export function detectCredentials(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): CredentialsDetection {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return { found: true, source: 'environment' };
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && existsSync(env.AWS_WEB_IDENTITY_TOKEN_FILE)) {
    return { found: true, source: 'web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)' };
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    return { found: true, source: 'container credentials' };
  }
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const credentials = readIni(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'));
  const config = readIni(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'));
  const configSection = config.get(profile === 'default' ? 'default' : `profile ${profile}`) ?? config.get(profile);
  const kind = profileKind(credentials.get(profile)) ?? profileKind(configSection);
  if (kind) return { found: true, source: `profile "${profile}" (${kind})` };
  // A named profile the files do not describe still says the user set something up (the chain will tell).
  if (env.AWS_PROFILE) return { found: true, source: `AWS_PROFILE=${env.AWS_PROFILE}` };
  if (hasSsoCache(home)) return { found: true, source: 'SSO cache' };
  return { found: false };
}
