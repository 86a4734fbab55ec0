/**
 * Shape checks for what is read back from disk: a file may have been edited by hand or damaged, so every entry
 * is checked before it is trusted, and only the entries that fail are left out.
 */
import type { Answers } from '../request/answers.js';
import type { DatastoreStatus, Target } from '../domain-types.js';
import type { HistoryEntry, PendingSubmission, Preset } from './types.js';

const STATUSES: readonly DatastoreStatus[] = ['CREATING', 'ACTIVE', 'DELETING', 'DELETED', 'CREATE_FAILED'];

/** A plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** Answers: scalar answers are strings or booleans; `Tags` is a list of `{Key, Value}` strings. */
export function isAnswers(value: unknown): value is Answers {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, answer]) => {
    if (key === 'Tags') {
      return Array.isArray(answer) && answer.every((tag) => isRecord(tag) && typeof tag.Key === 'string' && typeof tag.Value === 'string');
    }
    return typeof answer === 'string' || typeof answer === 'boolean';
  });
}

/** A stored preset. */
export function isPreset(value: unknown): value is Preset {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    optionalString(value.description) &&
    isAnswers(value.answers) &&
    value.clientTokenPolicy === 'generate' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string'
  );
}

/** A stored history entry. */
export function isHistoryEntry(value: unknown): value is HistoryEntry {
  return (
    isRecord(value) &&
    typeof value.datastoreId === 'string' &&
    typeof value.datastoreArn === 'string' &&
    optionalString(value.datastoreName) &&
    typeof value.region === 'string' &&
    optionalString(value.profile) &&
    typeof value.endpoint === 'string' &&
    optionalString(value.serviceEndpoint) &&
    typeof value.sandbox === 'boolean' &&
    typeof value.createdAt === 'string' &&
    STATUSES.includes(value.lastStatus as DatastoreStatus) &&
    typeof value.lastSeenAt === 'string'
  );
}

function isTarget(value: unknown): value is Target {
  return (
    isRecord(value) &&
    typeof value.region === 'string' &&
    optionalString(value.profile) &&
    optionalString(value.endpoint) &&
    typeof value.sandbox === 'boolean'
  );
}

/** A stored pending submission. */
export function isPendingSubmission(value: unknown): value is PendingSubmission {
  return (
    isRecord(value) &&
    typeof value.clientToken === 'string' &&
    value.clientToken !== '' &&
    isRecord(value.request) &&
    isTarget(value.target) &&
    typeof value.startedAt === 'string'
  );
}

/** Keeps the entries that pass `check`, counting the others. */
export function keepReadable<T>(entries: readonly unknown[], check: (entry: unknown) => entry is T): { kept: T[]; dropped: number } {
  const kept = entries.filter(check);
  return { kept, dropped: entries.length - kept.length };
}
