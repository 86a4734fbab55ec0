import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectCredentials } from '../../src/aws/detect-credentials.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hlw-detect-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const path = join(home, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('detectCredentials', () => {
  it('finds nothing in an empty HOME with no AWS variables', () => {
    expect(detectCredentials({}, home)).toEqual({ found: false });
  });

  it('finds environment keys, web identity and container credentials', () => {
    expect(detectCredentials({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' }, home)).toEqual({ found: true, source: 'environment' });
    expect(detectCredentials({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' }, home).found).toBe(false);
    const token = write('token', 'jwt');
    expect(detectCredentials({ AWS_WEB_IDENTITY_TOKEN_FILE: token }, home).found).toBe(true);
    expect(detectCredentials({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' }, home).source).toBe('container credentials');
  });

  it('finds keys of the default profile in the credentials file', () => {
    write('.aws/credentials', '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n');
    expect(detectCredentials({}, home)).toEqual({ found: true, source: 'profile "default" (keys)' });
  });

  it('finds SSO, assume-role and credential_process profiles in the config file, for the selected profile only', () => {
    write('.aws/config', [
      '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 123456789012',
      '[profile admin]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'source_profile = sso-dev',
      '[profile tool]', 'credential_process = /usr/bin/get-creds',
      '[profile empty]', 'region = eu-west-1',
    ].join('\n'));
    expect(detectCredentials({}, home).found).toBe(false);
    expect(detectCredentials({ AWS_PROFILE: 'sso-dev' }, home).source).toBe('profile "sso-dev" (SSO)');
    expect(detectCredentials({ AWS_PROFILE: 'admin' }, home).source).toBe('profile "admin" (assume role)');
    expect(detectCredentials({ AWS_PROFILE: 'tool' }, home).source).toBe('profile "tool" (credential process)');
    expect(detectCredentials({ AWS_PROFILE: 'empty' }, home).source).toBe('AWS_PROFILE=empty');
  });

  it('respects AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
    write('.aws/credentials', '[default]\naws_access_key_id = A\naws_secret_access_key = B\n');
    const elsewhere = write('elsewhere/creds', '[default]\nregion = us-east-1\n');
    expect(detectCredentials({ AWS_SHARED_CREDENTIALS_FILE: elsewhere }, home).found).toBe(false);
    const config = write('elsewhere/config', '[default]\ncredential_process = /bin/true\n');
    expect(detectCredentials({ AWS_SHARED_CREDENTIALS_FILE: elsewhere, AWS_CONFIG_FILE: config }, home).found).toBe(true);
  });

  it('finds a cached SSO token', () => {
    write('.aws/sso/cache/abc.json', '{}');
    expect(detectCredentials({}, home)).toEqual({ found: true, source: 'SSO cache' });
  });

  it('is fast (it runs while the first frame shows)', () => {
    write('.aws/config', '[default]\nregion = us-east-1\n');
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) detectCredentials({}, home);
    expect((performance.now() - started) / 100).toBeLessThan(5);
  });
});
