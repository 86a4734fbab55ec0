/**
 * SMART metadata built question by question in the plain mode, as the wizard's builder builds it: endpoints,
 * grant types, capabilities and PKCE methods, read from and written to the answer's JSON (metadata-document.ts).
 */
import type { FieldIssue } from '../request/issues.js';
import { SMART_METADATA } from '../parameter-model/index.js';
import { PKCE_METHODS } from '../wizard-flow/metadata-document.js';

/** The parts asked in turn. */
export const METADATA_PARTS = [
  { key: 'authorization_endpoint', question: 'Authorization endpoint (https URL)' },
  { key: 'token_endpoint', question: 'Token endpoint (https URL)' },
  { key: 'grant_types_supported', question: 'Grant types', choices: SMART_METADATA.grantTypes.map(({ value, meaning }) => ({ value, meaning })) },
  { key: 'capabilities', question: 'SMART capabilities', choices: SMART_METADATA.knownCapabilities.map((value) => ({ value, meaning: '' })) },
  {
    key: 'code_challenge_methods_supported',
    question: `PKCE code challenge methods (${SMART_METADATA.requiredCodeChallengeMethod} is always included: HealthLake requires it)`,
    choices: PKCE_METHODS.map((value) => ({ value, meaning: value === SMART_METADATA.requiredCodeChallengeMethod ? 'required by HealthLake' : '' })),
  },
] as const;

/**
 * A list typed as numbers or values separated by spaces or commas (`1 3`, `launch-ehr, 2`); values not offered
 * are kept as typed (a server may announce capabilities of its own). Empty keeps `current`.
 */
export function readPicks(line: string, offered: readonly string[], current: readonly string[]): { values: string[] } | { problem: Pick<FieldIssue, 'message' | 'fix'> } {
  const words = line.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { values: [...current] };
  const values: string[] = [];
  for (const word of words) {
    const value = /^\d+$/.test(word) ? offered[Number(word) - 1] : word;
    if (value === undefined) {
      return { problem: { message: `${word} is not one of the ${offered.length} numbers.`, fix: `Type numbers from 1 to ${offered.length} or values, separated by spaces.` } };
    }
    if (!values.includes(value)) values.push(value);
  }
  return { values };
}
