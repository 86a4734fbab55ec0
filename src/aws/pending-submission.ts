/**
 * Which pending submission (a journal entry whose response never arrived) a new request is a resend of: the same
 * request, without its ClientToken, to the same target. Reusing that entry's token is what makes a re-run after
 * an unknown outcome safe: HealthLake answers a repeated token with the data store it already made.
 */
import type { CreateRequest } from '../request/types.js';
import type { PendingSubmission } from '../store/types.js';
import type { Target } from './types.js';

/** Where a target points, for messages: `us-east-1 (profile dev, endpoint https://...)` or `the sandbox`. */
export function describeTarget(target: Target): string {
  if (target.sandbox) return `the sandbox (${target.region})`;
  const details = [target.profile ? `profile ${target.profile}` : '', target.endpoint ? `endpoint ${target.endpoint}` : ''].filter(Boolean);
  return details.length > 0 ? `${target.region} (${details.join(', ')})` : target.region;
}

/**
 * The same place: region, profile and endpoint. The sandbox's endpoint changes from run to run (a new port), and
 * its data stores live in one state file, so any sandbox run in the same region is the same place.
 */
export function sameTarget(a: Target, b: Target): boolean {
  if (a.sandbox || b.sandbox) return a.sandbox === b.sandbox && a.region === b.region;
  return a.region === b.region && (a.profile ?? '') === (b.profile ?? '') && (a.endpoint ?? '') === (b.endpoint ?? '');
}

/** JSON with object keys sorted at every level: equal for requests that differ only in key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function withoutToken(request: CreateRequest): Omit<CreateRequest, 'ClientToken'> {
  const { ClientToken: _token, ...rest } = request;
  return rest;
}

/** Whether a pending submission is this very request (its ClientToken aside) to this target. */
export function isResendOf(submission: PendingSubmission, request: CreateRequest, target: Target): boolean {
  return sameTarget(submission.target, target) && canonical(withoutToken(submission.request)) === canonical(withoutToken(request));
}

/** The oldest pending submission of this very request (its ClientToken aside) to this target, if any. */
export function findPendingResend(pending: readonly PendingSubmission[], request: CreateRequest, target: Target): PendingSubmission | undefined {
  return [...pending].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).find((submission) => isResendOf(submission, request, target));
}
