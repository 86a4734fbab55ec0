/** The documented rules for the SMART on FHIR metadata document (IdentityProviderConfiguration.Metadata). */
import { SMART_METADATA } from '../parameter-model/index.js';
import { fieldReporter, isPlainObject } from './issue-reporter.js';
import type { FieldIssue } from './issues.js';

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The documented rules for the SMART metadata JSON (a string holding a JSON object). */
export function validateSmartMetadata(text: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  const field = 'IdentityProviderConfiguration.Metadata';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out; // checkScalar already reported the syntax error
  }
  if (!isPlainObject(parsed)) return out;
  const at = (element: string) => fieldReporter(out, `${field}.${element}`);
  for (const element of ['authorization_endpoint', 'token_endpoint']) {
    const value = parsed[element];
    if (value === undefined) at(element)('required', `SMART metadata needs ${element}.`, `Add "${element}": "https://..." (the OAuth2 ${element.split('_')[0]} URL).`);
    else if (!isHttpsUrl(value)) at(element)('type', `${element} must be an https URL.`, 'Use the full URL, starting with https://.', value);
  }
  const grants = parsed.grant_types_supported;
  const allowedGrants: string[] = SMART_METADATA.grantTypes.map((g) => g.value);
  if (grants === undefined) {
    at('grant_types_supported')('required', 'SMART metadata needs grant_types_supported.', `Add "grant_types_supported": ["authorization_code"] (allowed: ${allowedGrants.join(', ')}).`);
  } else if (!Array.isArray(grants) || grants.length === 0) {
    at('grant_types_supported')('min-items', 'grant_types_supported must be a non-empty array.', `List at least one of: ${allowedGrants.join(', ')}.`, grants);
  } else {
    for (const grant of grants) {
      if (typeof grant !== 'string' || !allowedGrants.includes(grant)) {
        at('grant_types_supported')('enum', `Grant type ${JSON.stringify(grant)} is not supported.`, `Use only: ${allowedGrants.join(', ')}.`, grant);
      }
    }
  }
  const capabilities = parsed.capabilities;
  if (capabilities === undefined) {
    at('capabilities')('required', 'SMART metadata needs capabilities.', 'Add "capabilities": ["launch-standalone", ...] (an array of strings).');
  } else if (!Array.isArray(capabilities) || capabilities.some((c) => typeof c !== 'string')) {
    at('capabilities')('type', 'capabilities must be an array of strings.', 'Use for example ["launch-ehr", "client-public"].', capabilities);
  }
  const methods = parsed.code_challenge_methods_supported;
  const required = SMART_METADATA.requiredCodeChallengeMethod;
  if (methods === undefined) {
    at('code_challenge_methods_supported')('required', 'SMART metadata needs code_challenge_methods_supported.', `Add "code_challenge_methods_supported": ["${required}"].`);
  } else if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string')) {
    at('code_challenge_methods_supported')('type', 'code_challenge_methods_supported must be an array of strings.', `Use ["${required}"].`, methods);
  } else if (!methods.includes(required)) {
    at('code_challenge_methods_supported')('required', `code_challenge_methods_supported must include ${required}.`, `Add "${required}" to the array.`, methods);
  }
  return out;
}
