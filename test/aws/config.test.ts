/** Region, endpoint, profile and HTTP settings resolved as the AWS CLI does, with real config files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfiguredClient, createRequestHandler, requestHandlerSettings, resolveEndpoint, resolveProfile, resolveRegion } from '../../src/aws/config.js';
import { FriendlyFailure } from '../../src/aws/errors.js';

const KEYS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'];
let saved: Record<string, string | undefined>;
let home: string;
let fileCount = 0;

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
  for (const key of KEYS) delete process.env[key];
  home = mkdtempSync(join(tmpdir(), 'hlw-config-'));
  process.env.HOME = home;
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials-absent');
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(home, { recursive: true, force: true });
});

/** A fresh config file per test: the SDK caches files by path within a process. */
function configFile(text: string): void {
  fileCount += 1;
  const path = join(home, `config-${fileCount}`);
  writeFileSync(path, text);
  process.env.AWS_CONFIG_FILE = path;
}

describe('region resolution', () => {
  beforeEach(() => configFile('[default]\nregion = ap-south-1\n[profile dev]\nregion = eu-central-1\n'));

  it('--region first', async () => {
    process.env.AWS_REGION = 'us-west-2';
    expect(await resolveRegion({ region: 'eu-west-1' })).toBe('eu-west-1');
  });

  it('then AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    process.env.AWS_DEFAULT_REGION = 'us-east-2';
    expect(await resolveRegion({})).toBe('us-east-2');
    process.env.AWS_REGION = 'us-west-2';
    expect(await resolveRegion({})).toBe('us-west-2');
  });

  it("then the profile's region in the config file (default, --profile, AWS_PROFILE)", async () => {
    expect(await resolveRegion({})).toBe('ap-south-1');
    expect(await resolveRegion({ profile: 'dev' })).toBe('eu-central-1');
    process.env.AWS_PROFILE = 'dev';
    expect(await resolveRegion({})).toBe('eu-central-1');
  });

  it('none anywhere: the friendly NoRegion error (253)', async () => {
    configFile('[default]\noutput = json\n');
    const error = await resolveRegion({}).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FriendlyFailure);
    expect((error as FriendlyFailure).friendly).toMatchObject({ code: 'NoRegion', exitCode: 253 });
  });
});

describe('endpoint and profile', () => {
  it('--endpoint-url, then AWS_ENDPOINT_URL_HEALTHLAKE, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_HEALTHLAKE: 'http://127.0.0.1:2' };
    expect(resolveEndpoint({ endpointUrl: 'http://127.0.0.1:3' }, env)?.url).toBe('http://127.0.0.1:3');
    expect(resolveEndpoint({}, env)?.url).toBe('http://127.0.0.1:2');
    expect(resolveEndpoint({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })?.url).toBe('http://127.0.0.1:1');
    expect(resolveEndpoint({}, {})).toBeUndefined();
  });

  it('--profile, then AWS_PROFILE, then AWS_DEFAULT_PROFILE', () => {
    expect(resolveProfile({ profile: 'a' }, { AWS_PROFILE: 'b', AWS_DEFAULT_PROFILE: 'c' })).toBe('a');
    expect(resolveProfile({}, { AWS_PROFILE: 'b', AWS_DEFAULT_PROFILE: 'c' })).toBe('b');
    expect(resolveProfile({}, { AWS_DEFAULT_PROFILE: 'c' })).toBe('c');
    expect(resolveProfile({}, {})).toBeUndefined();
  });
});

describe('HTTP settings', () => {
  it('time-outs in seconds (default 60; 0 = none) become the handler’s milliseconds', async () => {
    expect(requestHandlerSettings({}, {})).toMatchObject({ connectionTimeout: 60_000, requestTimeout: 60_000, throwOnRequestTimeout: true });
    expect(requestHandlerSettings({ cliConnectTimeout: 5, cliReadTimeout: 0 }, {})).toMatchObject({ connectionTimeout: 5000, requestTimeout: 0 });
  });

  it('--no-verify-ssl and --ca-bundle / AWS_CA_BUNDLE reach the HTTPS agent', () => {
    const pem = join(home, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const agentOf = (settings: ReturnType<typeof requestHandlerSettings>) => settings.httpsAgent as unknown as { options: { ca?: Buffer; rejectUnauthorized?: boolean } };
    expect(agentOf(requestHandlerSettings({ noVerifySsl: true }, {})).options.rejectUnauthorized).toBe(false);
    expect(agentOf(requestHandlerSettings({}, {})).options.rejectUnauthorized).toBeUndefined();
    expect(String(agentOf(requestHandlerSettings({}, { AWS_CA_BUNDLE: pem })).options.ca)).toContain('BEGIN CERTIFICATE');
    expect(String(agentOf(requestHandlerSettings({ caBundle: pem }, {})).options.ca)).toContain('BEGIN CERTIFICATE');
    expect(createRequestHandler({}, {})).toBeDefined();
  });

  it('an unreadable --ca-bundle is a configuration error (253) naming the file', () => {
    const path = join(home, 'missing.pem');
    let failure: unknown;
    try {
      createRequestHandler({ caBundle: path }, {});
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(FriendlyFailure);
    expect((failure as FriendlyFailure).friendly).toMatchObject({ code: 'CaBundleUnreadable', exitCode: 253 });
    expect((failure as FriendlyFailure).friendly.message).toContain(path);
  });
});

describe('settings checked before the SDK sees them', () => {
  async function failureOf(options: Parameters<typeof createConfiguredClient>[0], env: NodeJS.ProcessEnv = {}) {
    const failure = await createConfiguredClient(options, { env }).then(
      (configured) => {
        configured.client.destroy();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FriendlyFailure);
    return (failure as FriendlyFailure).friendly;
  }

  it('an --endpoint-url that is not an http(s) URL is bad input (252) naming the flag', async () => {
    for (const endpointUrl of ['not a url', 'ftp://127.0.0.1:1', '127.0.0.1:4566']) {
      const friendly = await failureOf({ region: 'us-east-1', endpointUrl });
      expect(friendly).toMatchObject({ code: 'InvalidEndpoint', exitCode: 252 });
      expect(friendly.message).toContain('--endpoint-url must be an http:// or https:// URL');
      expect(friendly.fix).toContain('http://127.0.0.1:PORT');
    }
  });

  it('a bad AWS_ENDPOINT_URL is a configuration error (253) naming the variable', async () => {
    const friendly = await failureOf({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'localhost' });
    expect(friendly).toMatchObject({ code: 'InvalidEndpoint', exitCode: 253 });
    expect(friendly.message).toContain('AWS_ENDPOINT_URL must be');
  });

  it('a --region that is no Region code is bad input (252); from the environment, 253', async () => {
    expect(await failureOf({ region: 'us east' })).toMatchObject({ code: 'InvalidRegion', exitCode: 252 });
    expect((await failureOf({}, { AWS_REGION: 'us_east/1' })).exitCode).toBe(253);
  });

  it('accepts a good endpoint and region', async () => {
    const configured = await createConfiguredClient({ region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' }, { env: {} });
    configured.client.destroy();
    expect(configured.target).toMatchObject({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' });
  });
});
