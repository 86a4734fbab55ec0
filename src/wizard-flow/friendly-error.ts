/** Any rejection as a FriendlyError (the gateway rejects with one; anything else is a surprise, shown plainly). */
import type { FriendlyError } from '../aws/types.js';
import { EXIT } from '../options.js';

function isFriendly(value: unknown): value is FriendlyError {
  return typeof value === 'object' && value !== null && 'code' in value && 'fix' in value && 'message' in value;
}

/** The FriendlyError carried by an error, or one describing it. */
export function friendlyOf(error: unknown): FriendlyError {
  if (typeof error === 'object' && error !== null && 'friendly' in error && isFriendly(error.friendly)) return error.friendly;
  if (isFriendly(error)) return error;
  return {
    code: 'Unexpected',
    message: error instanceof Error ? error.message : String(error),
    fix: 'Try again; if it persists, run with --debug and report it.',
    exitCode: EXIT.other,
    transient: false,
  };
}
