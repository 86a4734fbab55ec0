/**
 * `list --filter`: ListFHIRDatastores' DatastoreFilter from the command line, as the AWS CLI reads it — `file://`
 * first, JSON when it starts with `{`, shorthand otherwise (`DatastoreName=x,DatastoreStatus=ACTIVE`).
 * Timestamps are ISO 8601 or epoch seconds, as the AWS CLI takes them.
 */
import type { DatastoreStatus, ListDatastoresInput } from '../aws/types.js';
import { InputError, type FieldIssue } from './issues.js';
import { readParamFile } from './param-files.js';
import { parseShorthand, ShorthandSyntaxError } from './shorthand.js';

const FLAG = '--filter';
const EXAMPLE = 'DatastoreStatus=ACTIVE,CreatedAfter=2024-01-01T00:00:00Z';
/** The data store states, from the service model's DatastoreStatus enum. */
export const DATASTORE_STATUSES: readonly DatastoreStatus[] = ['CREATING', 'ACTIVE', 'DELETING', 'DELETED', 'CREATE_FAILED'];
const MEMBERS = ['DatastoreName', 'DatastoreStatus', 'CreatedBefore', 'CreatedAfter'] as const;

type Filter = NonNullable<ListDatastoresInput['Filter']>;

function fail(field: string, rule: FieldIssue['rule'], message: string, fix: string, value?: unknown): never {
  throw new InputError([{ field: field ? `Filter.${field}` : 'Filter', flag: FLAG, rule, message, fix, value, severity: 'error' }]);
}

/** A timestamp as the AWS CLI accepts one: epoch seconds or an ISO 8601 date/time. */
function timestamp(field: string, value: unknown): Date {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const date = /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (text === '' || Number.isNaN(date.getTime())) {
    fail(field, 'type', `${field} must be a timestamp: ISO 8601 (2024-01-31 or 2024-01-31T12:00:00Z) or epoch seconds.`, `Use for example ${field}=2024-01-31T12:00:00Z.`, value);
  }
  return date;
}

/** Parses a `--filter` value; throws an InputError (exit 252) naming the member, the rule and the fix. */
export function parseDatastoreFilter(raw: string): Filter {
  const text = readParamFile(raw, FLAG, 'Filter') ?? raw;
  let value: unknown;
  if (text.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      fail('', 'json', `Invalid JSON: ${(error as Error).message}.`, `Fix the JSON, or use the shorthand syntax: ${FLAG} ${EXAMPLE}`, text);
    }
  } else {
    try {
      value = parseShorthand(text, (item) => readParamFile(item, FLAG, 'Filter'));
    } catch (error) {
      if (!(error instanceof ShorthandSyntaxError)) throw error;
      fail('', 'syntax', `Shorthand syntax: ${error.message}\n${error.pointer()}`, `Write it as ${FLAG} ${EXAMPLE} (or JSON, or file://PATH).`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('', 'type', 'The filter must be a structure.', `Use for example ${FLAG} ${EXAMPLE}`, value);
  const record = value as Record<string, unknown>;
  const filter: Filter = {};
  for (const [key, member] of Object.entries(record)) {
    switch (key) {
      case 'DatastoreName':
        if (typeof member !== 'string' || member.length < 1 || member.length > 256) fail(key, 'max-length', 'DatastoreName must be 1–256 characters.', 'Give the data store name exactly as it was created.', member);
        filter.DatastoreName = member;
        break;
      case 'DatastoreStatus':
        if (typeof member !== 'string' || !(DATASTORE_STATUSES as readonly string[]).includes(member)) {
          fail(key, 'enum', `DatastoreStatus must be one of ${DATASTORE_STATUSES.join(', ')}.`, 'Use for example DatastoreStatus=ACTIVE.', member);
        }
        filter.DatastoreStatus = member as DatastoreStatus;
        break;
      case 'CreatedBefore':
      case 'CreatedAfter':
        filter[key] = timestamp(key, member);
        break;
      default:
        fail(key, 'unknown', `Unknown filter member ${key}.`, `Use only ${MEMBERS.join(', ')}.`, member);
    }
  }
  return filter;
}
