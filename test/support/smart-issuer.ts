/**
 * A SMART authorization server for tests: HTTPS on 127.0.0.1 with a certificate of a private CA (trust it with
 * --ca-bundle), publishing `<issuer>/.well-known/smart-configuration` as the test says, 404 otherwise.
 */
import { createServer } from 'node:https';
import { makePrivateCa } from './private-ca.js';

export interface SmartIssuer {
  /** The issuer's URL, e.g. `https://127.0.0.1:41209/auth`. */
  url: string;
  /** The CA certificate to trust. */
  caPath: string;
  /** The paths asked for, in order. */
  asked: string[];
  /** What the smart-configuration answers from now on (a JSON object), or undefined for 404. */
  publish(document: Record<string, unknown> | undefined): void;
  stop(): Promise<void>;
}

export async function startSmartIssuer(): Promise<SmartIssuer> {
  const ca = makePrivateCa();
  const asked: string[] = [];
  let published: Record<string, unknown> | undefined;
  const server = createServer({ key: ca.key, cert: ca.cert }, (request, response) => {
    asked.push(request.url ?? '');
    if (request.url !== '/auth/.well-known/smart-configuration' || !published) {
      response.writeHead(404).end('not here');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/auth`,
    caPath: ca.caPath,
    asked,
    publish: (document) => (published = document),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      ca.remove();
    },
  };
}
