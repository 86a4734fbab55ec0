/** The SMART metadata document as the builder edits it: read from the answer's JSON, written back as JSON. */
import type { SmartConfigurationAnswer } from '../aws/preflight/types.js';
import { SMART_METADATA } from '../parameter-model/index.js';

/** The elements HealthLake requires, plus whatever else a pasted document held. */
export interface MetadataDocument {
  authorization_endpoint: string;
  token_endpoint: string;
  grant_types_supported: string[];
  capabilities: string[];
  code_challenge_methods_supported: string[];
  [other: string]: unknown;
}

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : fallback;
}

/** Parses the answer; undefined when it is not a JSON object (the raw editor then shows it as typed). */
export function readMetadata(text: string | undefined): MetadataDocument | undefined {
  if (text === undefined || text === '') return emptyMetadata();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const object = parsed as Record<string, unknown>;
  return {
    ...object,
    authorization_endpoint: typeof object.authorization_endpoint === 'string' ? object.authorization_endpoint : '',
    token_endpoint: typeof object.token_endpoint === 'string' ? object.token_endpoint : '',
    grant_types_supported: strings(object.grant_types_supported, []),
    capabilities: strings(object.capabilities, []),
    code_challenge_methods_supported: strings(object.code_challenge_methods_supported, [SMART_METADATA.requiredCodeChallengeMethod]),
  };
}

/** A starting document: the common choices ticked, the endpoints to fill in. */
export function emptyMetadata(): MetadataDocument {
  return {
    authorization_endpoint: '',
    token_endpoint: '',
    grant_types_supported: ['authorization_code'],
    capabilities: ['launch-standalone'],
    code_challenge_methods_supported: [SMART_METADATA.requiredCodeChallengeMethod],
  };
}

/** The answer's JSON text. S256 is always kept: HealthLake requires it. */
export function writeMetadata(document: MetadataDocument): string {
  const required = SMART_METADATA.requiredCodeChallengeMethod;
  const methods = document.code_challenge_methods_supported.includes(required)
    ? document.code_challenge_methods_supported
    : [required, ...document.code_challenge_methods_supported];
  return JSON.stringify({ ...document, code_challenge_methods_supported: methods });
}

/** Adds or removes a value from a list. */
export function toggled(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** The document's lists the builder shows as check boxes. */
export type MetadataList = 'grant_types_supported' | 'capabilities' | 'code_challenge_methods_supported';

/**
 * Ticks or unticks `value` in one of the document's lists. S256 in the PKCE methods can be ticked (a pasted
 * document may offer only "plain") but never unticked: HealthLake requires it.
 */
export function toggleInDocument(document: MetadataDocument, list: MetadataList, value: string): MetadataDocument {
  const current = document[list];
  if (list === 'code_challenge_methods_supported' && value === SMART_METADATA.requiredCodeChallengeMethod && current.includes(value)) return document;
  return { ...document, [list]: toggled(current, value) };
}

/** The PKCE methods offered; S256 is required and cannot be unticked. */
export const PKCE_METHODS: readonly string[] = [SMART_METADATA.requiredCodeChallengeMethod, 'plain'];

/** The elements a prefill from the issuer's smart-configuration may fill: those the builders ask for. */
const PREFILLED: readonly ('authorization_endpoint' | 'token_endpoint' | MetadataList)[] = ['authorization_endpoint', 'token_endpoint', 'grant_types_supported', 'capabilities', 'code_challenge_methods_supported'];

/**
 * The document with what the issuer's smart-configuration offers for the elements the person left as they were
 * (an empty endpoint, a list empty or still as the start ticked it), never over what they gave; and the names of
 * the elements it filled.
 */
export function prefillMetadata(current: MetadataDocument, configuration: Record<string, unknown>): { document: MetadataDocument; filled: string[] } {
  const start = emptyMetadata();
  const document: MetadataDocument = { ...current };
  const filled: string[] = [];
  for (const name of PREFILLED) {
    const offered = usable(configuration[name], name.endsWith('_endpoint'));
    if (offered === undefined || !(isEmpty(current[name]) || sameList(current[name], start[name]))) continue;
    if (sameList(current[name], offered)) continue;
    document[name] = offered as never;
    filled.push(name);
  }
  return { document, filled };
}

/** An endpoint's string or a list's strings from the configuration; undefined for anything else or empty. */
function usable(value: unknown, endpoint: boolean): string | string[] | undefined {
  if (endpoint) return typeof value === 'string' && value !== '' ? value : undefined;
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length === 0 ? undefined : strings;
}

function sameList(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The document with `issuer` first (as a smart-configuration has it), or without one when it is empty. */
export function withIssuer(document: MetadataDocument, issuer: string): MetadataDocument {
  const { issuer: _dropped, ...rest } = document;
  return issuer === '' ? rest : { issuer, ...rest };
}

/** The line a prefill leaves: what it filled, or why it could not. */
export function prefillLine(issuer: string, answer: SmartConfigurationAnswer, filled: readonly string[] | undefined): string {
  if (!answer.ok) return answer.kind === 'http' ? `Not found: ${issuer}'s smart-configuration (${answer.message}); nothing filled.` : `Could not fetch ${issuer}'s smart-configuration (${answer.message}); nothing filled.`;
  if (!filled || filled.length === 0) return `Prefill from ${issuer}: nothing to fill (every element it offers is already given).`;
  return `Prefilled from ${issuer}: ${filled.join(', ')}.`;
}
