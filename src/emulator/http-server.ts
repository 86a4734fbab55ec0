/**
 * The HTTP side of the emulator: HealthLake's JSON 1.0 protocol (`POST /`, `X-Amz-Target: HealthLake.<Op>`,
 * `application/x-amz-json-1.0`), in this order per request: latency and connection resets (network faults),
 * the SigV4 check, throttling and 5xx faults, then the operation itself.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { DatastoreRegistry } from './datastore-registry.js';
import type { FaultInjector } from './fault-injector.js';
import { OPERATIONS, isOperation } from './operations.js';
import { ServiceError } from './service-error.js';
import { verifySignature, type SignaturePolicy } from './signature-check.js';
import { callerIdentity, getCallerIdentityXml, isStsRequest, stsErrorXml, unsupportedStsAction } from './sts.js';
import type { EmulatorCredentials } from './types.js';

const TARGET_PREFIX = 'HealthLake.';
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
/** Bigger than any valid request (200 tags, a SMART metadata document); guards memory only. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The names STS gives the errors the SigV4 check raises. */
const STS_ERROR_NAMES: Record<string, string> = {
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
};

/** What the server needs. */
export interface ServerParts {
  registry: DatastoreRegistry;
  faults: FaultInjector;
  /** Undefined when signatures are not checked. */
  signatures?: SignaturePolicy;
  now: () => number;
  requests: Record<string, number>;
  /** The account STS GetCallerIdentity reports. */
  accountId: string;
  /** Whose identity an unsigned STS request gets when signatures are not checked. */
  defaultIdentity: EmulatorCredentials;
}

/** An HTTP server with a prompt `stop()` that closes every socket. */
export interface EmulatorServer {
  server: Server;
  stop: () => Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, now: number): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    // The SDK corrects its clock from this header after a skew error, so it must be the emulator's clock.
    Date: new Date(now).toUTCString(),
  });
  response.end(text);
}

/** An STS (Query protocol) answer: XML, with the request id in the body and the header. */
function sendXml(response: ServerResponse, status: number, body: (requestId: string) => string, now: number): void {
  const requestId = randomUUID();
  const text = body(requestId);
  response.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    Date: new Date(now).toUTCString(),
  });
  response.end(text);
}

function parseBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ServiceError('SerializationException', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** Creates the server (not yet listening). */
export function createEmulatorServer(parts: ServerParts): EmulatorServer {
  const sockets = new Set<Socket>();
  const stopping = new AbortController();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const target = typeof request.headers['x-amz-target'] === 'string' ? request.headers['x-amz-target'] : '';
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (raw !== undefined && request.method === 'POST' && isStsRequest(contentType, target)) return handleSts(request, response, raw);
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const counted = operation || '(no target)';
    parts.requests[counted] = (parts.requests[counted] ?? 0) + 1;

    const latency = parts.faults.latency();
    if (latency > 0) await delay(latency, undefined, { signal: stopping.signal });
    const fault = parts.faults.beforeHandling(operation);
    if (fault === 'reset') {
      request.socket.destroy();
      return;
    }
    if (raw === undefined) throw new ServiceError('SerializationException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    if (parts.signatures) {
      await verifySignature({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body: raw }, parts.signatures);
    }
    if (fault === 'throttle') throw new ServiceError('ThrottlingException', 'Rate exceeded');
    if (fault === 'error') throw new ServiceError('InternalServerException', 'We encountered an internal error. Please try again.');

    if (request.method !== 'POST' || !isOperation(operation) || !contentType.startsWith('application/x-amz-json-')) {
      throw new ServiceError('UnknownOperationException', `Unknown operation ${JSON.stringify(target)}.`);
    }
    const result = OPERATIONS[operation](parts.registry, parseBody(raw));
    if (operation === 'CreateFHIRDatastore' && parts.faults.loseCreateResponse()) {
      request.socket.destroy();
      return;
    }
    send(response, 200, result, parts.now());
  }

  /** STS GetCallerIdentity: the SigV4 check (service `sts`), then the identity of the key that signed. */
  async function handleSts(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<void> {
    parts.requests.GetCallerIdentity = (parts.requests.GetCallerIdentity ?? 0) + 1;
    try {
      const unsupported = unsupportedStsAction(raw.toString('utf8'));
      if (unsupported) throw new ServiceError('InvalidAction', unsupported);
      const signer = parts.signatures
        ? await verifySignature({ method: 'POST', url: request.url ?? '/', headers: request.headers, body: raw }, parts.signatures, 'sts')
        : parts.defaultIdentity;
      const identity = callerIdentity(signer, parts.accountId);
      sendXml(response, 200, (requestId) => getCallerIdentityXml(identity, requestId), parts.now());
    } catch (error) {
      const answer = error instanceof ServiceError ? error : new ServiceError('InternalFailure', 'We encountered an internal error. Please try again.');
      // STS names the signature errors its own way (same HTTP status).
      const type = STS_ERROR_NAMES[answer.type] ?? answer.type;
      sendXml(response, answer.status, (requestId) => stsErrorXml(type, answer.message, requestId), parts.now());
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (stopping.signal.aborted || response.headersSent || request.socket.destroyed) return;
      const answer =
        error instanceof ServiceError
          ? error
          : new ServiceError('InternalServerException', 'We encountered an internal error. Please try again.');
      send(response, answer.status, answer.body(), parts.now());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
