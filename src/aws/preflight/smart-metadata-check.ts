/**
 * The SMART metadata check: when the metadata names an issuer, the issuer's own
 * `.well-known/smart-configuration` is fetched and every field both give is compared. An endpoint or issuer
 * that differs fails (SMART apps would be sent to the wrong place); other differences (capabilities, scopes, ...)
 * are warnings, as a data store may offer less than its issuer.
 */
import type { CheckContext } from './check-context.js';
import { metadataIssuer, smartConfigurationUrl, smartMetadataCheck } from './planned-checks.js';
import type { PlannedCheck, PreflightResult } from './types.js';

function isEndpointField(field: string): boolean {
  return field === 'issuer' || field === 'jwks_uri' || field.endsWith('_endpoint');
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Set(a.map((item) => JSON.stringify(item)));
    const right = new Set(b.map((item) => JSON.stringify(item)));
    return left.size === right.size && [...left].every((item) => right.has(item));
  }
  if (typeof a === 'string' && typeof b === 'string' && isUrl(a) && isUrl(b)) return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
  return JSON.stringify(a) === JSON.stringify(b);
}

function isUrl(text: string): boolean {
  return /^https?:\/\//.test(text);
}

/** Each field where the metadata and the issuer's configuration differ. */
export function metadataDifferences(metadata: Record<string, unknown>, published: Record<string, unknown>): { field: string; ours: unknown; theirs: unknown }[] {
  return Object.keys(metadata)
    .filter((field) => field in published && !same(metadata[field], published[field]))
    .sort()
    .map((field) => ({ field, ours: metadata[field], theirs: published[field] }));
}

/** Runs the check. Never throws. */
export async function checkSmartMetadata(metadataText: string, context: CheckContext): Promise<PreflightResult> {
  const planned = smartMetadataCheck(metadataText);
  const result = (rest: Omit<PreflightResult, keyof PlannedCheck>): PreflightResult => ({ ...planned, ...rest });
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(metadataText) as Record<string, unknown>;
  } catch {
    return result({ status: 'not-checked', summary: 'The metadata is not JSON.', reason: 'The request validation reports it; nothing to compare.' });
  }
  const issuer = metadataIssuer(metadataText);
  if (!issuer) return result({ status: 'not-checked', summary: 'The metadata names no issuer.', reason: 'Without "issuer" there is no smart-configuration to compare with; add it to have it checked.' });
  if (!issuer.startsWith('https://')) {
    return result({ status: 'failed', summary: `The issuer ${issuer} is not an https:// URL.`, fix: { text: 'Give the issuer as the https:// URL of the authorization server.', field: 'issuer' } });
  }
  const url = smartConfigurationUrl(issuer);
  const answer = await context.fetchSmartConfiguration(url);
  if (!answer.ok) {
    if (answer.kind === 'http' || answer.kind === 'not-json') {
      return result({ status: 'warning', summary: `The issuer publishes no usable SMART configuration: ${answer.message}`, fix: { text: `Check the issuer (${issuer}): SMART apps read ${url}.` } });
    }
    const hint = answer.kind === 'tls' ? ' (a private CA: give it with --ca-bundle or AWS_CA_BUNDLE)' : answer.kind === 'network' || answer.kind === 'timeout' ? ' (a proxy: HTTPS_PROXY)' : '';
    return result({ status: 'not-checked', summary: `${url} could not be fetched.`, reason: `${answer.message}${hint}` });
  }
  const differences = metadataDifferences(metadata, answer.document);
  if (differences.length === 0) {
    const compared = Object.keys(metadata).filter((field) => field in answer.document).length;
    return result({ status: 'passed', summary: `The metadata agrees with ${url} (${compared} field${compared === 1 ? '' : 's'} compared).` });
  }
  const show = (value: unknown) => JSON.stringify(value);
  const details = differences.map(({ field, ours, theirs }) => `${field}: the metadata says ${show(ours)}; the issuer says ${show(theirs)}`);
  const blocking = differences.filter(({ field }) => isEndpointField(field));
  const first = blocking[0] ?? differences[0]!;
  return result({
    status: blocking.length > 0 ? 'failed' : 'warning',
    summary: `The metadata disagrees with ${url} on ${differences.map(({ field }) => field).join(', ')}.`,
    details,
    fix: { text: `Correct ${first.field} to what the issuer publishes${differences.length > 1 ? ' (and the other fields listed)' : ''}.`, field: first.field, value: show(first.theirs) },
  });
}
