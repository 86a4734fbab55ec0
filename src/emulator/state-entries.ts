/**
 * The shape of one data store in a `--state` file, checked on load: an entry edited by hand or written by
 * another version could otherwise break every list call. A bad entry is reported and left out, not fatal.
 */
import { DATASTORE_STATUSES } from './input-validation.js';
import type { EmulatedDatastore } from './types.js';

const ERROR_CATEGORIES = ['RETRYABLE_ERROR', 'NON_RETRYABLE_ERROR'];

type Entry = Record<string, unknown>;

function isPlainObject(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isString = (value: unknown) => typeof value === 'string';
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/** The first thing wrong with a field, as "field must ...; got ..."; undefined when the field is fine. */
function fieldProblem(entry: Entry, field: string, rule: string, ok: (value: unknown) => boolean, optional = false): string | undefined {
  const value = entry[field];
  if (value === undefined) return optional ? undefined : `${field} is missing (it must be ${rule})`;
  return ok(value) ? undefined : `${field} must be ${rule}; got ${shown(value)}`;
}

function isTagList(value: unknown): boolean {
  return Array.isArray(value) && value.every((tag) => isPlainObject(tag) && isString(tag.Key) && isString(tag.Value));
}

function isErrorCause(value: unknown): boolean {
  return isPlainObject(value) && isString(value.ErrorMessage) && ERROR_CATEGORIES.includes(value.ErrorCategory as string);
}

/** What is wrong with one stored data store (the first problem found), or undefined when it is usable. */
export function storedDatastoreProblem(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return `it must be an object; got ${shown(entry)}`;
  const problem =
    fieldProblem(entry, 'id', 'a string of 1 to 32 characters', (value) => isString(value) && value.length >= 1 && [...value].length <= 32) ??
    fieldProblem(entry, 'arn', 'a string', isString) ??
    fieldProblem(entry, 'name', 'a string', isString, true) ??
    fieldProblem(entry, 'status', `one of ${DATASTORE_STATUSES.join(', ')}`, (value) => (DATASTORE_STATUSES as readonly unknown[]).includes(value)) ??
    fieldProblem(entry, 'createdAt', 'a time in epoch milliseconds (a number)', isTime) ??
    fieldProblem(entry, 'endpoint', 'a string', isString) ??
    fieldProblem(entry, 'settlesAt', 'a time in epoch milliseconds (a number)', isTime) ??
    fieldProblem(entry, 'deletedAt', 'a time in epoch milliseconds (a number)', isTime, true) ??
    fieldProblem(entry, 'errorCause', `an object {ErrorMessage: string, ErrorCategory: ${ERROR_CATEGORIES.join(' or ')}}`, isErrorCause, true) ??
    fieldProblem(entry, 'tags', 'a list of {Key: string, Value: string}', isTagList) ??
    fieldProblem(entry, 'clientToken', 'a string', isString, true) ??
    fieldProblem(entry, 'request', 'an object (the CreateFHIRDatastore request)', isPlainObject);
  if (problem) return problem;
  if ((entry.status === 'DELETING' || entry.status === 'DELETED') && entry.deletedAt === undefined) {
    return `deletedAt is missing (a ${String(entry.status)} data store records when its deletion ends)`;
  }
  return undefined;
}

/** The entries of a state file split into usable data stores and the rest, each with what is wrong. */
export interface SortedEntries {
  datastores: EmulatedDatastore[];
  /** Entries left out, exactly as stored, with their position and what is wrong. */
  rejected: { index: number; entry: unknown; problem: string }[];
}

/** Checks every entry; a second entry with an id already seen is rejected too. */
export function sortEntries(entries: readonly unknown[]): SortedEntries {
  const sorted: SortedEntries = { datastores: [], rejected: [] };
  const ids = new Set<string>();
  entries.forEach((entry, index) => {
    let problem = storedDatastoreProblem(entry);
    const id = problem === undefined ? (entry as EmulatedDatastore).id : undefined;
    if (id !== undefined && ids.has(id)) problem = `its id is used by an earlier entry`;
    if (problem !== undefined || id === undefined) sorted.rejected.push({ index, entry, problem: problem ?? 'no id' });
    else {
      ids.add(id);
      sorted.datastores.push(entry as EmulatedDatastore);
    }
  });
  return sorted;
}

/** How to name an entry in a message: its position and, when it has one, its id. */
export function entryLabel(index: number, entry: unknown): string {
  const id = isPlainObject(entry) && isString(entry.id) ? ` (id ${shown(entry.id)})` : '';
  return `entry ${index}${id}`;
}
