/** TLS settings for real: an HTTPS front (self-signed certificate) to the emulator on 127.0.0.1. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/aws/gateway.js';
import { FriendlyFailure } from '../../src/aws/errors.js';
import type { GlobalOptions } from '../../src/options.js';

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

let dir: string;
let emulator: RunningEmulator;
let front: Server;
let url: string;

beforeAll(async () => {
  if (!HAS_OPENSSL) return;
  dir = mkdtempSync(join(tmpdir(), 'hlw-tls-'));
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${String(made.stderr)}`);
  emulator = await startEmulator({ port: 0, createDelayMs: 100 });
  front = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: emulator.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const address = front.address();
  url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  if (!HAS_OPENSSL) return;
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function create(options: GlobalOptions, env: NodeJS.ProcessEnv = {}) {
  const gateway = createGateway({ endpointUrl: url, region: 'us-east-1', ...options }, { credentials: { ...SANDBOX_CREDENTIALS }, env, maxAttempts: 1 });
  return gateway.create({ DatastoreTypeVersion: 'R4' });
}

describe.skipIf(!HAS_OPENSSL)('TLS', () => {
  it('an untrusted certificate is a friendly TLS failure (255) pointing at --ca-bundle / --no-verify-ssl', async () => {
    const error = await create({}).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FriendlyFailure);
    expect((error as FriendlyFailure).friendly).toMatchObject({ code: 'TlsFailure', exitCode: 255 });
    expect((error as FriendlyFailure).friendly.fix).toContain('--ca-bundle');
  });

  it('--ca-bundle and AWS_CA_BUNDLE make it trusted', async () => {
    expect((await create({ caBundle: join(dir, 'cert.pem') })).DatastoreStatus).toBe('CREATING');
    expect((await create({}, { AWS_CA_BUNDLE: join(dir, 'cert.pem') })).DatastoreStatus).toBe('CREATING');
  });

  it("the profile's ca_bundle makes it trusted; --ca-bundle and AWS_CA_BUNDLE come first", async () => {
    const config = join(dir, 'config');
    writeFileSync(config, `[profile private]\nca_bundle = ${join(dir, 'cert.pem')}\n[profile wrong]\nca_bundle = ${join(dir, 'missing.pem')}\n`);
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    expect((await create({ profile: 'private' }, env)).DatastoreStatus).toBe('CREATING');
    expect((await create({ profile: 'wrong', caBundle: join(dir, 'cert.pem') }, env)).DatastoreStatus).toBe('CREATING');
    const failure = await create({ profile: 'wrong' }, env).then(() => undefined, (caught: unknown) => caught as FriendlyFailure);
    expect(failure?.friendly).toMatchObject({ code: 'CaBundleUnreadable', exitCode: 253 });
    expect(failure?.friendly.message).toContain('ca_bundle of profile "wrong"');
  });

  it('--no-verify-ssl skips the check', async () => {
    expect((await create({ noVerifySsl: true })).DatastoreStatus).toBe('CREATING');
  });
});
