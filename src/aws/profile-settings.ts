/**
 * The chosen profile's own settings, read from the shared config and credentials files with the SDK's own INI
 * loader (so `[profile X]`, `[services X]` sub-sections and comments are read exactly as the SDK reads them).
 * Which profile: `--profile`, then `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE`, else `default` — as the AWS CLI.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/core/config';
import type { GlobalOptions } from '../options.js';

type Env = NodeJS.ProcessEnv;

/** `--profile`, then `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE`; undefined means the default profile. */
export function resolveProfile(options: GlobalOptions, env: Env = process.env): string | undefined {
  return options.profile || env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || undefined;
}

/** Where the shared files are: `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else under `~/.aws`. */
export function sharedFilePaths(env: Env = process.env): { config: string; credentials: string } {
  const home = env.HOME || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

/** A profile's settings as one flat map (credentials file over config file), and its `services` section. */
export interface ProfileSettings {
  /** The profile's name (`default` when none was chosen). */
  name: string;
  /** True when either file has a section for it. */
  exists: boolean;
  values: Record<string, string>;
  /** `healthlake.endpoint_url` and the like from the `[services NAME]` section the profile names. */
  services: Record<string, string>;
  /** Every profile of both files, sorted. */
  allProfiles: string[];
}

/** Reads the files afresh (no cache: a person may fix them while the wizard runs). */
export async function loadProfileSettings(options: GlobalOptions, env: Env = process.env): Promise<ProfileSettings> {
  const name = resolveProfile(options, env) ?? 'default';
  const paths = sharedFilePaths(env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true });
  // The config file's other section kinds come keyed `services.NAME` and `sso-session.NAME`.
  const isProfile = (key: string) => !/^(services|sso-session)\./.test(key);
  const allProfiles = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(isProfile))].sort();
  const fromConfig = configFile[name];
  const fromCredentials = credentialsFile[name];
  const values: Record<string, string> = { ...stringValues(fromConfig), ...stringValues(fromCredentials) };
  const servicesName = values.services;
  const services = servicesName ? stringValues(configFile[['services', servicesName].join(CONFIG_PREFIX_SEPARATOR)]) : {};
  return { name, exists: fromConfig !== undefined || fromCredentials !== undefined, values, services, allProfiles };
}

function stringValues(section: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(section ?? {})) if (typeof value === 'string') out[key] = value;
  return out;
}
