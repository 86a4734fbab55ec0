/**
 * A temporary HOME for tests of how AWS settings are read: each call of `files()` writes a config and a
 * credentials file at fresh paths (the SDK caches files by path) and returns an environment naming them, with
 * nothing else of AWS in it (no instance metadata lookups). `withEnv` makes such an environment process.env's
 * for the SDK's credential chain and the proxy settings, which read process.env.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AwsFilesHome {
  home: string;
  files(config: string, credentials?: string): NodeJS.ProcessEnv;
  remove(): void;
}

export function awsFilesHome(prefix: string): AwsFilesHome {
  const home = mkdtempSync(join(tmpdir(), prefix));
  let count = 0;
  return {
    home,
    files(config, credentials = '') {
      count += 1;
      const configPath = join(home, `config-${count}`);
      const credentialsPath = join(home, `credentials-${count}`);
      writeFileSync(configPath, config);
      writeFileSync(credentialsPath, credentials);
      return { HOME: home, AWS_CONFIG_FILE: configPath, AWS_SHARED_CREDENTIALS_FILE: credentialsPath, AWS_EC2_METADATA_DISABLED: 'true' };
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Runs `fn` with `env` as process.env's AWS settings (the SDK's credential chain reads process.env). */
export async function withEnv<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  const keys = Object.keys(process.env).filter((key) => key.startsWith('AWS_') || /^(https?|no|all)_proxy$/i.test(key));
  const saved = { ...process.env };
  for (const key of keys) delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
