/**
 * Settings read as the AWS CLI reads them, end to end: temporary config and credentials files (a temp HOME),
 * real SDK clients built by the gateway, and emulators that count what reached them.
 */
import { awsFilesHome, withEnv, type AwsFilesHome } from '../support/aws-files.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfiguredClient } from '../../src/aws/config.js';
import { outputFormatFor as resolveOutputFormat } from '../../src/cli-output/render-output.js';
import { FriendlyFailure, toFriendlyError } from '../../src/aws/errors.js';
import { createGateway } from '../../src/aws/gateway.js';
import { checkTarget } from '../../src/aws/target-check.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { GlobalOptions } from '../../src/options.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';

const EAST = { accessKeyId: 'AKIDEASTEXAMPLE00000', secretAccessKey: 'east-secret-key', userName: 'east' };
const EP = { accessKeyId: 'AKIDEPEXAMPLE0000000', secretAccessKey: 'ep-secret-key', userName: 'ep' };

let east: RunningEmulator;
let ep: RunningEmulator;
let proxy: CountingProxy;
let aws: AwsFilesHome;

beforeAll(async () => {
  [east, ep, proxy] = await Promise.all([
    startEmulator({ port: 0, createDelayMs: 50, credentials: [EAST] }),
    startEmulator({ port: 0, createDelayMs: 50, credentials: [EP] }),
    startCountingProxy(),
  ]);
});
afterAll(async () => {
  await Promise.all([east.stop(), ep.stop(), proxy.stop()]);
});
beforeEach(() => {
  aws = awsFilesHome('hlw-settings-');
});
afterEach(() => aws.remove());

const files = (config: string, credentials?: string) => aws.files(config, credentials);

const PROFILES = `[profile east]
region = us-east-1
endpoint_url = URL_EAST
[profile ep]
region = us-east-1
endpoint_url = URL_EP
`;
const CREDENTIALS = `[east]
aws_access_key_id = ${EAST.accessKeyId}
aws_secret_access_key = ${EAST.secretAccessKey}
[ep]
aws_access_key_id = ${EP.accessKeyId}
aws_secret_access_key = ${EP.secretAccessKey}
`;

async function createWith(options: GlobalOptions, env: NodeJS.ProcessEnv) {
  return withEnv(env, () => createGateway(options, { env }).create({ DatastoreTypeVersion: 'R4' }));
}

function requestsTo(emulator: RunningEmulator): number {
  return emulator.requests.CreateFHIRDatastore ?? 0;
}

describe('the chosen profile is used for everything', () => {
  it('--profile east beats AWS_PROFILE=ep: east’s endpoint, signed with east’s keys', async () => {
    const env = { ...files(PROFILES.replace('URL_EAST', east.url).replace('URL_EP', ep.url), CREDENTIALS), AWS_PROFILE: 'ep' };
    const [before, beforeEp] = [requestsTo(east), requestsTo(ep)];
    const created = await createWith({ profile: 'east' }, env);
    expect(created.DatastoreStatus).toBe('CREATING');
    expect(requestsTo(east)).toBe(before + 1);
    expect(requestsTo(ep)).toBe(beforeEp);
  });

  it('AWS_PROFILE beats AWS_DEFAULT_PROFILE, which is used alone', async () => {
    const base = files(PROFILES.replace('URL_EAST', east.url).replace('URL_EP', ep.url), CREDENTIALS);
    const before = requestsTo(ep);
    await createWith({}, { ...base, AWS_PROFILE: 'ep', AWS_DEFAULT_PROFILE: 'east' });
    expect(requestsTo(ep)).toBe(before + 1);
    const beforeEast = requestsTo(east);
    await createWith({}, { ...base, AWS_DEFAULT_PROFILE: 'east' });
    expect(requestsTo(east)).toBe(beforeEast + 1);
  });

  it("the profile's region is the one used", async () => {
    const env = files('[profile far]\nregion = eu-west-2\n');
    const configured = await createConfiguredClient({ profile: 'far' }, { env });
    configured.client.destroy();
    expect(configured.target.region).toBe('eu-west-2');
  });
});

describe('endpoint order', () => {
  const config = (services: string) => `[profile east]
region = us-east-1
endpoint_url = URL_EP
services = local
${services}
[services local]
healthlake =
  endpoint_url = URL_EAST
`;

  async function endpointFor(options: GlobalOptions, env: NodeJS.ProcessEnv): Promise<string | undefined> {
    const configured = await createConfiguredClient({ profile: 'east', ...options }, { env });
    configured.client.destroy();
    return configured.target.endpoint;
  }

  it("--endpoint-url, AWS_ENDPOINT_URL_HEALTHLAKE, AWS_ENDPOINT_URL, the services section, the profile's endpoint_url", async () => {
    const env = files(config('').replace('URL_EAST', 'http://127.0.0.1:4').replace('URL_EP', 'http://127.0.0.1:5'));
    const all = { ...env, AWS_ENDPOINT_URL_HEALTHLAKE: 'http://127.0.0.1:2', AWS_ENDPOINT_URL: 'http://127.0.0.1:3' };
    expect(await endpointFor({ endpointUrl: 'http://127.0.0.1:1' }, all)).toBe('http://127.0.0.1:1');
    expect(await endpointFor({}, all)).toBe('http://127.0.0.1:2');
    expect(await endpointFor({}, { ...env, AWS_ENDPOINT_URL: 'http://127.0.0.1:3' })).toBe('http://127.0.0.1:3');
    expect(await endpointFor({}, env)).toBe('http://127.0.0.1:4');
    const noServices = files(config('').replace('services = local\n', '').replace('URL_EP', 'http://127.0.0.1:5'));
    expect(await endpointFor({}, noServices)).toBe('http://127.0.0.1:5');
  });

  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls drop all but --endpoint-url', async () => {
    const env = files(config('').replace('URL_EAST', 'http://127.0.0.1:4').replace('URL_EP', 'http://127.0.0.1:5'));
    const ignoring = { ...env, AWS_ENDPOINT_URL: 'http://127.0.0.1:3', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' };
    expect(await endpointFor({}, ignoring)).toBeUndefined();
    expect(await endpointFor({ endpointUrl: 'http://127.0.0.1:1' }, ignoring)).toBe('http://127.0.0.1:1');
    const inProfile = files(config('ignore_configured_endpoint_urls = true').replace('URL_EAST', 'http://127.0.0.1:4').replace('URL_EP', 'http://127.0.0.1:5'));
    expect(await endpointFor({}, inProfile)).toBeUndefined();
    expect(await endpointFor({}, { ...inProfile, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' })).toBe('http://127.0.0.1:4');
  });

  it("a request really goes to the services section's endpoint", async () => {
    const env = files(config('').replace('URL_EAST', east.url).replace('URL_EP', ep.url), CREDENTIALS);
    const before = requestsTo(east);
    await createWith({ profile: 'east' }, env);
    expect(requestsTo(east)).toBe(before + 1);
  });

  it('a bad endpoint_url in the profile is a configuration error naming the profile', async () => {
    const env = files('[profile east]\nregion = us-east-1\nendpoint_url = localhost:1\n');
    const failure = await createConfiguredClient({ profile: 'east' }, { env }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FriendlyFailure);
    expect((failure as FriendlyFailure).friendly).toMatchObject({ code: 'InvalidEndpoint', exitCode: 253 });
    expect((failure as FriendlyFailure).friendly.message).toContain('endpoint_url of profile "east"');
  });
});

describe('the endpoint at request time', () => {
  // A profile without an endpoint means AWS's own. The counting proxy (HTTPS_PROXY) refuses every host but
  // 127.0.0.1, so such a request stops there, and the proxy tells which host it was for.
  const AWS_HOST = 'healthlake.us-east-1.amazonaws.com:443';

  async function hostsAskedFor(options: GlobalOptions, env: NodeJS.ProcessEnv): Promise<string[]> {
    const from = proxy.targets.length;
    const before = requestsTo(ep);
    const outcome = await withEnv({ ...env, HTTPS_PROXY: proxy.url }, () => createGateway(options, { env, maxAttempts: 1 }).create({ DatastoreTypeVersion: 'R4' })).then(
      () => 'created',
      () => 'failed',
    );
    expect(outcome).toBe('failed');
    expect(requestsTo(ep)).toBe(before);
    return proxy.targets.slice(from);
  }

  it("--profile east (no endpoint_url) goes to AWS's endpoint, not to that of AWS_PROFILE=ep", async () => {
    const env = files(`[profile east]\nregion = us-east-1\n[profile ep]\nregion = us-east-1\nendpoint_url = ${ep.url}\n`, CREDENTIALS);
    expect(await hostsAskedFor({ profile: 'east' }, { ...env, AWS_PROFILE: 'ep' })).toEqual([AWS_HOST]);
  });

  it('ignore_configured_endpoint_urls in the chosen profile, or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, drops AWS_ENDPOINT_URL', async () => {
    const ignoring = files('[profile east]\nregion = us-east-1\nignore_configured_endpoint_urls = true\n', CREDENTIALS);
    expect(await hostsAskedFor({ profile: 'east' }, { ...ignoring, AWS_ENDPOINT_URL: ep.url })).toEqual([AWS_HOST]);
    const plain = files('[profile east]\nregion = us-east-1\n', CREDENTIALS);
    expect(await hostsAskedFor({ profile: 'east' }, { ...plain, AWS_ENDPOINT_URL: ep.url, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toEqual([AWS_HOST]);
  });
});

describe('credentials, as the AWS CLI picks them', () => {
  // Each emulator accepts one key only: a request succeeds only when signed with that key.
  const config = (epEndpoint: string) => `[profile ep]\nregion = us-east-1\nendpoint_url = ${epEndpoint}\n`;
  const eastKeysInEnv = { AWS_ACCESS_KEY_ID: EAST.accessKeyId, AWS_SECRET_ACCESS_KEY: EAST.secretAccessKey };

  it('a profile named by AWS_PROFILE only: the environment keys win (for HealthLake and STS)', async () => {
    const env = { ...files(config(east.url), CREDENTIALS), AWS_PROFILE: 'ep', ...eastKeysInEnv };
    const before = requestsTo(east);
    expect((await createWith({}, env)).DatastoreStatus).toBe('CREATING');
    expect(requestsTo(east)).toBe(before + 1);
    const check = await withEnv(env, () => checkTarget({}, { env }));
    expect(check).toMatchObject({ ok: true, identity: { name: 'east' } });
  });

  it("--profile: that profile's keys, the environment keys ignored", async () => {
    const env = { ...files(config(ep.url), CREDENTIALS), ...eastKeysInEnv };
    const before = requestsTo(ep);
    expect((await createWith({ profile: 'ep' }, env)).DatastoreStatus).toBe('CREATING');
    expect(requestsTo(ep)).toBe(before + 1);
    const check = await withEnv(env, () => checkTarget({ profile: 'ep' }, { env }));
    expect(check).toMatchObject({ ok: true, identity: { name: 'ep' } });
  });

  it("the SDK's warning about several credential sources never reaches stderr", async () => {
    const binaryHome = emptyHome();
    try {
      const env = { ...binaryHome.env, ...files(config(ep.url), CREDENTIALS), ...eastKeysInEnv };
      const withFlag = await runBinary(['list', '--profile', 'ep', '--output', 'json'], env);
      expect(withFlag).toMatchObject({ code: 0, stderr: '' });
      const fromVariable = await runBinary(['list', '--output', 'json'], { ...env, AWS_PROFILE: 'ep', AWS_ENDPOINT_URL: east.url });
      expect(fromVariable).toMatchObject({ code: 0, stderr: '' });
    } finally {
      binaryHome.remove();
    }
  });
});

describe('retries', () => {
  async function throttledCreate(options: GlobalOptions, env: NodeJS.ProcessEnv, faults: number) {
    east.faults.schedule('throttle', faults, 'CreateFHIRDatastore');
    const before = requestsTo(east);
    const outcome = await createWith({ profile: 'east', ...options }, env).then(
      () => 'created',
      (error: unknown) => (error as FriendlyFailure).friendly.code,
    );
    return { outcome, attempts: requestsTo(east) - before };
  }

  it('max_attempts in the profile, and AWS_MAX_ATTEMPTS over it, bound the attempts', async () => {
    const env = files(`[profile east]\nregion = us-east-1\nendpoint_url = ${east.url}\nmax_attempts = 2\n`, CREDENTIALS);
    expect(await throttledCreate({}, env, 2)).toEqual({ outcome: 'Throttling', attempts: 2 });
    expect(await throttledCreate({}, { ...env, AWS_MAX_ATTEMPTS: '3' }, 2)).toEqual({ outcome: 'created', attempts: 3 });
  });

  it("without a setting, the AWS CLI's standard mode with 3 attempts", async () => {
    const env = files(`[profile east]\nregion = us-east-1\nendpoint_url = ${east.url}\n`, CREDENTIALS);
    expect(await throttledCreate({}, env, 3)).toEqual({ outcome: 'Throttling', attempts: 3 });
  });

  it('retry_mode and AWS_RETRY_MODE reach the SDK; a bad value names its source', async () => {
    const env = files('[profile east]\nregion = us-east-1\nretry_mode = adaptive\n');
    const configured = await createConfiguredClient({ profile: 'east' }, { env });
    expect(await configured.client.config.retryStrategy()).toHaveProperty('mode', 'adaptive');
    configured.client.destroy();
    const failure = await createConfiguredClient({ profile: 'east' }, { env: { ...env, AWS_RETRY_MODE: 'sometimes' } }).catch((error: unknown) => error);
    expect((failure as FriendlyFailure).friendly).toMatchObject({ code: 'InvalidRetryMode', exitCode: 253 });
    expect((failure as FriendlyFailure).friendly.message).toContain('AWS_RETRY_MODE');
  });
});

describe('FIPS and dual-stack', () => {
  it('reach the SDK, and an error names the host really used', async () => {
    const env = files('[profile gov]\nregion = us-east-1\nuse_fips_endpoint = true\n');
    const configured = await createConfiguredClient({ profile: 'gov' }, { env: { ...env, AWS_USE_DUALSTACK_ENDPOINT: 'true' } });
    configured.client.destroy();
    expect(await configured.client.config.useFipsEndpoint()).toBe(true);
    expect(await configured.client.config.useDualstackEndpoint()).toBe(true);
    expect(configured.serviceUrl).toBe('https://healthlake-fips.us-east-1.api.aws');
    const friendly = toFriendlyError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), { endpoint: configured.serviceUrl });
    expect(friendly.message).toContain('https://healthlake-fips.us-east-1.api.aws');
  });
});

describe('output', () => {
  it('--output, then AWS_DEFAULT_OUTPUT, then the profile’s output', async () => {
    const env = files('[default]\noutput = yaml\n[profile t]\noutput = table\n');
    expect(await resolveOutputFormat({ output: 'text' }, { ...env, AWS_DEFAULT_OUTPUT: 'json' })).toBe('text');
    expect(await resolveOutputFormat({}, { ...env, AWS_DEFAULT_OUTPUT: 'json' })).toBe('json');
    expect(await resolveOutputFormat({}, env)).toBe('yaml');
    expect(await resolveOutputFormat({ profile: 't' }, env)).toBe('table');
    expect(await resolveOutputFormat({ profile: 'none' }, env)).toBeUndefined();
  });
});

describe('output in the built binary', () => {
  it("the profile's output and AWS_DEFAULT_OUTPUT choose the format; an invalid one is a configuration error (253)", async () => {
    const binaryHome = emptyHome();
    try {
      const env = { ...binaryHome.env, ...files('[default]\noutput = text\n[profile y]\noutput = yaml\n[profile bad]\noutput = xml\n') };
      const args = ['create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4'];
      expect((await runBinary(args, env)).stdout).toBe('R4\n');
      expect((await runBinary([...args, '--profile', 'y'], env)).stdout).toBe('DatastoreTypeVersion: R4\n');
      expect((await runBinary([...args, '--profile', 'y'], { ...env, AWS_DEFAULT_OUTPUT: 'json' })).stdout).toContain('"DatastoreTypeVersion": "R4"');
      const bad = await runBinary([...args, '--profile', 'bad'], env);
      expect(bad.code).toBe(253);
      expect(bad.stderr).toContain('output of profile "bad" must be one of json, yaml, yaml-stream, text, table; got "xml".');
    } finally {
      binaryHome.remove();
    }
  });
});
