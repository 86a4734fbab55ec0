/**
 * A small local proxy that counts what goes through it: absolute-URI requests (HTTP_PROXY) are forwarded and
 * CONNECT (HTTPS_PROXY) tunnelled, to 127.0.0.1 only; a request for any other host is refused, and its host is
 * still recorded, so a test learns where a request was going without anything leaving the machine.
 */
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/** The running proxy. */
export interface CountingProxy {
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  /** How many CONNECT tunnels and forwarded requests it was asked for (refused ones included). */
  through: { connect: number; forward: number };
  /** `host:port` of each request, in order (CONNECT's target, or the forwarded URL's host). */
  targets: string[];
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port. */
export function listenLocally(server: { listen: Server['listen']; address: Server['address'] }): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const through = { connect: 0, forward: 0 };
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((req, res) => {
    through.forward += 1;
    const target = new URL(req.url ?? '');
    targets.push(target.host);
    if (target.hostname !== '127.0.0.1') return void res.writeHead(502).end();
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, method: req.method, path: target.pathname + target.search, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client: Socket) => {
    through.connect += 1;
    targets.push(req.url ?? '');
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
  const url = `http://${await listenLocally(proxy)}`;
  return {
    url,
    through,
    targets,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
