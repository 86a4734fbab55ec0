/**
 * Proxies for AWS calls, as the AWS CLI honours them: HTTPS_PROXY for https endpoints (a CONNECT tunnel),
 * HTTP_PROXY for http ones, either case, and NO_PROXY. A small local proxy counts what went through it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FriendlyFailure } from '../../src/aws/errors.js';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { checkTarget } from '../../src/aws/target-check.js';
import type { GlobalOptions } from '../../src/options.js';
import { awsFilesHome, withEnv } from '../support/aws-files.js';
import { listenLocally, startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

let emulator: RunningEmulator;
let counting: CountingProxy;
let proxyUrl: string;
let through: CountingProxy['through'];
let dir: string;
let front: HttpsServer | undefined;
let frontUrl = '';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, createDelayMs: 50 });
  counting = await startCountingProxy();
  ({ url: proxyUrl, through } = counting);
  if (!HAS_OPENSSL) return;
  dir = mkdtempSync(join(tmpdir(), 'hlw-proxy-'));
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${String(made.stderr)}`);
  front = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: emulator.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  frontUrl = `https://${await listenLocally(front)}`;
});

afterAll(async () => {
  await counting.stop();
  if (front) {
    front.closeAllConnections();
    await new Promise((resolve) => front!.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  await emulator.stop();
});

/** Creates through a fresh gateway with `vars` as the only proxy settings in process.env (proxy-from-env reads it). */
async function createWith(options: GlobalOptions, vars: Record<string, string>) {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  for (const name of names) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    const gateway = createGateway({ region: 'us-east-1', ...options }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {}, maxAttempts: 1 });
    return await gateway.create({ DatastoreTypeVersion: 'R4' });
  } finally {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

describe('proxies', () => {
  it('HTTP_PROXY and http_proxy carry requests to an http endpoint; NO_PROXY / no_proxy bypass them', async () => {
    const start = through.forward;
    await createWith({ endpointUrl: emulator.url }, { HTTP_PROXY: proxyUrl });
    expect(through.forward).toBe(start + 1);
    await createWith({ endpointUrl: emulator.url }, { http_proxy: proxyUrl });
    expect(through.forward).toBe(start + 2);
    await createWith({ endpointUrl: emulator.url }, { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    await createWith({ endpointUrl: emulator.url }, { http_proxy: proxyUrl, no_proxy: 'localhost,127.0.0.1' });
    expect(through.forward).toBe(start + 2);
  });

  it('the sandbox (the in-process emulator) never goes through a proxy', async () => {
    const before = { ...through };
    await createWith({ endpointUrl: emulator.url, sandbox: true }, { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl });
    expect(through).toEqual(before);
  });

  it('without a proxy variable, nothing goes through the proxy', async () => {
    const before = { ...through };
    await createWith({ endpointUrl: emulator.url }, {});
    expect(through).toEqual(before);
  });

  it.skipIf(!HAS_OPENSSL)('HTTPS_PROXY and https_proxy tunnel https with CONNECT, keeping the CA bundle for the service', async () => {
    const start = through.connect;
    const trusted = { endpointUrl: frontUrl, caBundle: join(dir, 'cert.pem') };
    expect((await createWith(trusted, { HTTPS_PROXY: proxyUrl })).DatastoreStatus).toBe('CREATING');
    expect(through.connect).toBe(start + 1);
    expect((await createWith(trusted, { https_proxy: proxyUrl })).DatastoreStatus).toBe('CREATING');
    expect(through.connect).toBe(start + 2);
    // The service's certificate is still checked through the tunnel.
    const untrusted = await createWith({ endpointUrl: frontUrl }, { HTTPS_PROXY: proxyUrl }).then(() => undefined, (error: unknown) => error as FriendlyFailure);
    expect(untrusted?.friendly.code).toBe('TlsFailure');
    await createWith(trusted, { HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(through.connect).toBe(start + 3);
  });
});

describe('the target check', () => {
  it("an assume-role profile's AssumeRole goes through HTTP_PROXY, as GetCallerIdentity does", async () => {
    const aws = awsFilesHome('hlw-proxy-role-');
    try {
      const env = {
        ...aws.files(
          `[profile deployer]\nregion = us-east-1\nrole_arn = arn:aws:iam::${emulator.accountId}:role/Deployer\nrole_session_name = proxy-test\nsource_profile = base\n`,
          `[base]\naws_access_key_id = ${SANDBOX_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${SANDBOX_CREDENTIALS.secretAccessKey}\n`,
        ),
        AWS_ENDPOINT_URL_STS: emulator.url,
        HTTP_PROXY: proxyUrl,
      };
      const before = { forward: through.forward, assumed: emulator.requests.AssumeRole ?? 0 };
      const check = await withEnv(env, () => checkTarget({ profile: 'deployer' }, { env }));
      expect(check).toMatchObject({ ok: true, identity: { arn: `arn:aws:sts::${emulator.accountId}:assumed-role/Deployer/proxy-test` } });
      expect(emulator.requests.AssumeRole).toBe(before.assumed + 1);
      // AssumeRole, then GetCallerIdentity: both through the proxy.
      expect(through.forward).toBe(before.forward + 2);
    } finally {
      aws.remove();
    }
  });

  it("STS is asked with the user's retries, and at the FIPS host the user chose", async () => {
    const aws = awsFilesHome('hlw-proxy-fips-');
    try {
      const env = { ...aws.files('[profile gov]\nregion = us-east-1\nuse_fips_endpoint = true\nmax_attempts = 1\n'), HTTPS_PROXY: proxyUrl };
      const lines: string[] = [];
      const from = counting.targets.length;
      const check = await withEnv(env, () => checkTarget({ profile: 'gov' }, { env, credentials: { ...SANDBOX_CREDENTIALS }, debug: (line) => lines.push(line) }));
      // The proxy refuses any host but 127.0.0.1: the request went no further than this machine.
      expect(counting.targets.slice(from)).toEqual(['sts-fips.us-east-1.amazonaws.com:443']);
      expect(lines.join('\n')).toContain('GetCallerIdentity: POST https://sts-fips.us-east-1.amazonaws.com/ attempt=1; max=1');
      expect(check.ok).toBe(false);
    } finally {
      aws.remove();
    }
  });
});
