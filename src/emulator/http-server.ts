/**
 * The HTTP side of the emulator: HealthLake's JSON 1.0 protocol (`POST /`, `X-Amz-Target: HealthLake.<Op>`,
 * `application/x-amz-json-1.0`), in this order per request: latency and connection resets (network faults),
 * the SigV4 check, throttling and 5xx faults, then the operation itself. On the same port: STS
 * GetCallerIdentity, KMS (`X-Amz-Target: TrentService.<Op>`) and Lambda (`/2015-03-31/functions...`), each
 * with the SigV4 check for its own service name and no faults.
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
import { assumeRole, assumeRoleXml, callerIdentity, getCallerIdentityXml, isStsRequest, stsAction, stsErrorXml } from './sts.js';
import { KMS_TARGET_PREFIX, type KmsCatalog } from './kms.js';
import { LAMBDA_PATH_PREFIX, LambdaError, lambdaOperation, type LambdaCatalog } from './lambda.js';
import type { Caller, EmulatorCredentials } from './types.js';

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
  /** Whose identity an unsigned request gets when signatures are not checked. */
  defaultIdentity: EmulatorCredentials;
  kms: KmsCatalog;
  lambda: LambdaCatalog;
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

function send(response: ServerResponse, status: number, body: unknown, now: number, contentType = JSON_CONTENT_TYPE, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': contentType,
    // Lambda (REST-JSON) names its errors in this header.
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
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
    if (target.startsWith(KMS_TARGET_PREFIX)) return handleKms(request, response, raw, target.slice(KMS_TARGET_PREFIX.length));
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    if (url.pathname === LAMBDA_PATH_PREFIX || url.pathname.startsWith(`${LAMBDA_PATH_PREFIX}/`)) return handleLambda(request, response, raw, url);
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
    const caller = await signedBy(request, raw, 'healthlake');
    if (fault === 'throttle') throw new ServiceError('ThrottlingException', 'Rate exceeded');
    if (fault === 'error') throw new ServiceError('InternalServerException', 'We encountered an internal error. Please try again.');

    if (request.method !== 'POST' || !isOperation(operation) || !contentType.startsWith('application/x-amz-json-')) {
      throw new ServiceError('UnknownOperationException', `Unknown operation ${JSON.stringify(target)}.`);
    }
    const result = OPERATIONS[operation](parts.registry, parseBody(raw), caller);
    if (operation === 'CreateFHIRDatastore' && parts.faults.loseCreateResponse()) {
      request.socket.destroy();
      return;
    }
    send(response, 200, result, parts.now());
  }

  /** Checks the signature for `service`; resolves to who signed (the default identity when signatures are off). */
  async function signedBy(request: IncomingMessage, raw: Buffer, service: string): Promise<Caller> {
    const signer = parts.signatures
      ? await verifySignature({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body: raw }, parts.signatures, service)
      : parts.defaultIdentity;
    return { arn: callerIdentity(signer, parts.accountId).Arn, accountId: parts.accountId };
  }

  /** KMS (JSON 1.1): the SigV4 check (service `kms`), then the operation over the fixtures' keys. */
  async function handleKms(request: IncomingMessage, response: ServerResponse, raw: Buffer | undefined, operation: string): Promise<void> {
    parts.requests[operation] = (parts.requests[operation] ?? 0) + 1;
    const kmsType = 'application/x-amz-json-1.1';
    try {
      if (raw === undefined) throw new ServiceError('SerializationException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      const caller = await signedBy(request, raw, 'kms');
      if (request.method !== 'POST') throw new ServiceError('UnknownOperationException', `Unknown operation ${request.method} ${KMS_TARGET_PREFIX}${operation}.`);
      send(response, 200, parts.kms.handle(operation, parseBody(raw), caller), parts.now(), kmsType);
    } catch (error) {
      const answer = error instanceof ServiceError ? error : new ServiceError('KMSInternalException', 'We encountered an internal error. Please try again.');
      send(response, answer.type === 'KMSInternalException' ? 500 : answer.status, answer.body(), parts.now(), kmsType);
    }
  }

  /** Lambda (REST-JSON): the SigV4 check (service `lambda`), then the call over the fixtures' functions. */
  async function handleLambda(request: IncomingMessage, response: ServerResponse, raw: Buffer | undefined, url: URL): Promise<void> {
    const method = request.method ?? 'GET';
    const operation = lambdaOperation(method, url.pathname);
    parts.requests[operation] = (parts.requests[operation] ?? 0) + 1;
    try {
      if (raw === undefined) throw new LambdaError(413, 'RequestTooLargeException', 'Request must be smaller than 6291456 bytes.');
      let caller: Caller;
      try {
        caller = await signedBy(request, raw, 'lambda');
      } catch (error) {
        if (error instanceof ServiceError) throw new LambdaError(error.status, error.type, error.message);
        throw error;
      }
      send(response, 200, parts.lambda.handle(method, url.pathname, url.searchParams, caller), parts.now(), 'application/json');
    } catch (error) {
      const answer = error instanceof LambdaError ? error : new LambdaError(500, 'ServiceException', 'We encountered an internal error. Please try again.');
      send(response, answer.status, answer.body(), parts.now(), 'application/json', answer.type);
    }
  }

  /**
   * STS: the SigV4 check (service `sts`), then GetCallerIdentity (the identity of the key that signed) or
   * AssumeRole (temporary credentials, accepted from then on as the role's).
   */
  async function handleSts(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<void> {
    const body = raw.toString('utf8');
    const asked = stsAction(body);
    const name = 'action' in asked ? asked.action : 'GetCallerIdentity';
    parts.requests[name] = (parts.requests[name] ?? 0) + 1;
    try {
      if ('invalid' in asked) throw new ServiceError('InvalidAction', asked.invalid);
      const signer = parts.signatures
        ? await verifySignature({ method: 'POST', url: request.url ?? '/', headers: request.headers, body: raw }, parts.signatures, 'sts')
        : parts.defaultIdentity;
      if (asked.action === 'GetCallerIdentity') {
        const identity = callerIdentity(signer, parts.accountId);
        return sendXml(response, 200, (requestId) => getCallerIdentityXml(identity, requestId), parts.now());
      }
      const assumed = assumeRole(body, parts.accountId, parts.now());
      if ('invalid' in assumed) throw new ServiceError('ValidationError', assumed.invalid);
      parts.signatures?.credentials.push(assumed.credentials);
      sendXml(response, 200, (requestId) => assumeRoleXml(assumed, requestId), parts.now());
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
