/**
 * Proxies for AWS calls, as the AWS CLI honours them: HTTPS_PROXY for https endpoints (a CONNECT tunnel),
 * HTTP_PROXY for http ones, either case, and NO_PROXY. A small local proxy counts what went through it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FriendlyFailure } from '../../src/aws/errors.js';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { GlobalOptions } from '../../src/options.js';

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

let emulator: RunningEmulator;
let proxy: Server;
let proxyUrl: string;
let dir: string;
let front: HttpsServer | undefined;
let frontUrl = '';
const through = { connect: 0, forward: 0 };
const sockets = new Set<Socket>();

function listen(server: Server | HttpsServer): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, createDelayMs: 50 });
  // Forwards absolute-URI requests (HTTP_PROXY) and tunnels CONNECT (HTTPS_PROXY), to 127.0.0.1 only.
  proxy = createHttpServer((req, res) => {
    through.forward += 1;
    const target = new URL(req.url ?? '');
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, method: req.method, path: target.pathname + target.search, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client: Socket) => {
    through.connect += 1;
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') return client.destroy();
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  proxyUrl = `http://${await listen(proxy)}`;
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
  frontUrl = `https://${await listen(front)}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
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
