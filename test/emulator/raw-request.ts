/** Sends hand-made (optionally SigV4-signed) requests to the emulator, to test the wire protocol itself. */
import { request as httpRequest } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { SANDBOX_CREDENTIALS, type EmulatorCredentials, type RunningEmulator } from '../../src/emulator/index.js';

/** A raw answer. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  text: string;
}

/** What to send. */
export interface RawRequest {
  target?: string;
  body?: string;
  contentType?: string;
  /** Sign with these credentials (the sandbox pair by default); `false` sends no Authorization. */
  sign?: EmulatorCredentials | false;
  signingDate?: Date;
  /** Changes the request after signing (to tamper with it). */
  afterSigning?: (request: { headers: Record<string, string>; body: string }) => void;
}

/** Sends one request over HTTP and reads the JSON answer. */
export async function sendRaw(emulator: RunningEmulator, options: RawRequest): Promise<RawAnswer> {
  const body = options.body ?? '{}';
  let headers: Record<string, string> = {
    host: `127.0.0.1:${emulator.port}`,
    'content-type': options.contentType ?? 'application/x-amz-json-1.0',
    ...(options.target !== undefined ? { 'x-amz-target': options.target } : {}),
  };
  if (options.sign !== false) {
    const signer = new SignatureV4({
      credentials: options.sign ?? SANDBOX_CREDENTIALS,
      region: emulator.region,
      service: 'healthlake',
      sha256: Hash.bind(null, 'sha256'),
    });
    const signed = await signer.sign(
      new HttpRequest({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: emulator.port, path: '/', headers, body }),
      { signingDate: options.signingDate },
    );
    headers = signed.headers;
  }
  const outgoing = { headers, body };
  options.afterSigning?.(outgoing);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: emulator.port, method: 'POST', path: '/', headers: { ...outgoing.headers, 'content-length': Buffer.byteLength(outgoing.body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown> = {};
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // left empty; the test looks at `text`
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed, text });
        });
      },
    );
    request.on('error', reject);
    request.end(outgoing.body);
  });
}
