/**
 * SigV4 verification as AWS does it: the signature is recomputed with @smithy/signature-v4 over the request as
 * received (its signed headers, path, query and body) with the secret of the access key it names, then compared
 * in constant time. Rejections use the error types and messages AWS uses, which the SDK knows (it corrects its
 * clock on a skew error, for instance).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ServiceError } from './service-error.js';
import type { EmulatorCredentials } from './types.js';

/** The request as received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as in the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the check needs to know. */
export interface SignaturePolicy {
  /** The keys accepted; AssumeRole adds the temporary ones it issues. */
  credentials: EmulatorCredentials[];
  region: string;
  now: () => number;
}

const SERVICE = 'healthlake';
const MAX_SKEW_MS = 5 * 60 * 1000;

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** 20261126T234000Z -> epoch ms, or undefined. */
function parseAmzDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y = 0, mo = 1, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function invalidSignature(message: string): ServiceError {
  return new ServiceError('InvalidSignatureException', message);
}

/** Parses `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
function parseAuthorization(header: string): { credential: string[]; signedHeaders: string[]; signature: string } {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header);
  if (!match) {
    throw new ServiceError('IncompleteSignatureException', 'Authorization header requires the AWS4-HMAC-SHA256 algorithm.');
  }
  const fields = new Map<string, string>();
  for (const part of match[1]!.split(/,\s*/)) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.get(required)) {
      throw new ServiceError('IncompleteSignatureException', `Authorization header requires '${required}' parameter.`);
    }
  }
  return {
    credential: fields.get('Credential')!.split('/'),
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
  };
}

/**
 * Throws the ServiceError AWS would answer when the request is not correctly signed; `service` is the signing
 * name the request must be scoped to (`sts` for GetCallerIdentity). Resolves to the credentials that signed it.
 */
export async function verifySignature(request: ReceivedRequest, policy: SignaturePolicy, service = SERVICE): Promise<EmulatorCredentials> {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const { credential, signedHeaders, signature } = parseAuthorization(authorization);
  const [accessKeyId, scopeDate, scopeRegion, scopeService, terminator] = credential;
  if (credential.length !== 5 || terminator !== 'aws4_request') {
    throw new ServiceError('IncompleteSignatureException', 'Credential must have the form ACCESS_KEY/DATE/REGION/SERVICE/aws4_request.');
  }
  const known = policy.credentials.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!known) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (known.sessionToken !== undefined && headerValue(request.headers, 'x-amz-security-token') !== known.sessionToken) {
    throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }

  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signedAt = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || signedAt === undefined) {
    throw new ServiceError('IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  }
  const now = policy.now();
  if (signedAt < now - MAX_SKEW_MS) {
    throw invalidSignature(`Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`);
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw invalidSignature(`Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`);
  }
  if (scopeService !== service) throw invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
  if (scopeRegion !== policy.region) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${scopeRegion}'. This endpoint serves '${policy.region}'.`);
  }
  if (scopeDate !== amzDate.slice(0, 8)) throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`);

  // The signer trusts x-amz-content-sha256 when present, so check it against the body ourselves.
  const claimedHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== createHash('sha256').update(request.body).digest('hex')) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  const url = new URL(request.url, 'http://emulator.invalid');
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: known.accessKeyId, secretAccessKey: known.secretAccessKey, sessionToken: known.sessionToken },
    region: policy.region,
    service,
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    new HttpRequest({ method: request.method, protocol: 'http:', hostname: url.hostname, path: url.pathname, query, headers, body: request.body }),
    { signingDate: new Date(signedAt), signingRegion: scopeRegion, signingService: service, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(resigned.headers.authorization))?.[1] ?? '';
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return known;
}
