/**
 * Server-side checks of request members against the service model's constraints, so a client that skips its
 * own validation is caught as HealthLake would catch it. CreateFHIRDatastore goes through the project's spec
 * validation (`validateRequest`, errors only) so that client and emulator agree; the other operations' members
 * are few and are described here, with the tag rules read from the spec.
 */
import { checkScalar, validateRequest } from '../request/validate.js';
import { errorsOnly, showValue, type FieldIssue } from '../request/issues.js';
import { leafAt, parameterByName, type ScalarNode } from '../parameter-model/index.js';
import { validationError, type ServiceError } from './service-error.js';

/** DatastoreStatus enum of the model. */
export const DATASTORE_STATUSES = ['CREATING', 'ACTIVE', 'DELETING', 'DELETED', 'CREATE_FAILED'] as const;

// Model shapes: DatastoreId (1..32, same pattern as names), AmazonResourceName, MaxResultsInteger, NextToken.
const DATASTORE_ID_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-%@]*$/u;
const RESOURCE_ARN_PATTERN = /^arn:aws((-us-gov)|(-iso)|(-iso-b)|(-cn))?:healthlake:[a-z0-9-]+:\d{12}:datastore\/fhir\/.{32}/u;
const MAX_RESULTS = { min: 1, max: 500 };
const NEXT_TOKEN_MAX = 8192;

function specNode(path: string): ScalarNode {
  const leaf = leafAt(path);
  if (!leaf) throw new Error(`the spec has no field ${path}`);
  return leaf.node;
}
const tagKeyNode = specNode('Tags[].Key');
const tagValueNode = specNode('Tags[].Value');
const datastoreNameNode = specNode('DatastoreName');
// TagResource and UntagResource take as many tags (or keys) as CreateFHIRDatastore's Tags (the model's TagList).
const TAG_LIST_MAX = tagListMax();

function tagListMax(): number {
  const tags = parameterByName('Tags');
  if (tags?.kind !== 'list') throw new Error('the spec has no list Tags');
  return tags.max;
}

type Body = Record<string, unknown>;

/** Collects problems as `Field: message` lines. */
class Problems {
  readonly lines: string[] = [];
  add(field: string, message: string): void {
    this.lines.push(`${field}: ${message}`);
  }
  scalar(field: string, node: ScalarNode, value: unknown): void {
    checkScalar(node, value, (rule, message, _fix, shown) =>
      this.add(field, `${typeof message === 'string' ? message : message.cli} (rule: ${rule}${shown === undefined ? '' : `, value ${showValue(shown)}`})`),
    );
  }
  throwIfAny(): void {
    if (this.lines.length > 0) throw validationError(this.lines);
  }
}

function isPlainObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Create request's problems (errors only) as a ValidationException, or undefined when it is valid. */
export function createRequestError(body: Body): ServiceError | undefined {
  const errors: FieldIssue[] = errorsOnly(validateRequest(body));
  if (errors.length === 0) return undefined;
  return validationError(errors.map((issue) => `${issue.field || 'request'}: ${issue.message} (rule: ${issue.rule})`));
}

/** DatastoreId: required, 1..32 characters, the model's pattern. */
export function checkDatastoreId(body: Body): string {
  const problems = new Problems();
  const id = body.DatastoreId;
  if (id === undefined || id === null) problems.add('DatastoreId', 'is required (rule: required)');
  else if (typeof id !== 'string') problems.add('DatastoreId', 'must be a string (rule: type)');
  else if (id.length < 1 || [...id].length > 32) problems.add('DatastoreId', `must have 1 to 32 characters; it has ${[...id].length} (rule: length)`);
  else if (!DATASTORE_ID_PATTERN.test(id)) problems.add('DatastoreId', `must match ${DATASTORE_ID_PATTERN.source} (rule: pattern)`);
  problems.throwIfAny();
  return id as string;
}

/** ResourceARN: required, 1..1011 characters, a HealthLake data store ARN. */
function checkResourceArn(body: Body, problems: Problems): string {
  const arn = body.ResourceARN;
  if (arn === undefined || arn === null) problems.add('ResourceARN', 'is required (rule: required)');
  else if (typeof arn !== 'string') problems.add('ResourceARN', 'must be a string (rule: type)');
  else if (arn.length < 1 || arn.length > 1011) problems.add('ResourceARN', 'must have 1 to 1011 characters (rule: length)');
  else if (!RESOURCE_ARN_PATTERN.test(arn)) {
    problems.add('ResourceARN', `must be a data store ARN, arn:aws:healthlake:REGION:ACCOUNT:datastore/fhir/ID (rule: pattern, value ${showValue(arn)})`);
  }
  return arn as string;
}

function checkTagList(field: string, value: unknown, problems: Problems): void {
  if (!Array.isArray(value)) return problems.add(field, 'must be a list (rule: type)');
  if (value.length > TAG_LIST_MAX) problems.add(field, `may have at most ${TAG_LIST_MAX} items; there are ${value.length} (rule: max-items)`);
  value.forEach((tag, index) => {
    const at = `${field}[${index}]`;
    if (!isPlainObject(tag)) return problems.add(at, 'must be a structure {Key, Value} (rule: type)');
    for (const [member, node] of [['Key', tagKeyNode], ['Value', tagValueNode]] as const) {
      if (tag[member] === undefined || tag[member] === null) problems.add(`${at}.${member}`, 'is required (rule: required)');
      else problems.scalar(`${at}.${member}`, node, tag[member]);
    }
  });
}

/** ListTagsForResource input. */
export function checkListTags(body: Body): { arn: string } {
  const problems = new Problems();
  const arn = checkResourceArn(body, problems);
  problems.throwIfAny();
  return { arn };
}

/** TagResource input. */
export function checkTagResource(body: Body): { arn: string; tags: { Key: string; Value: string }[] } {
  const problems = new Problems();
  const arn = checkResourceArn(body, problems);
  if (body.Tags === undefined || body.Tags === null) problems.add('Tags', 'is required (rule: required)');
  else checkTagList('Tags', body.Tags, problems);
  problems.throwIfAny();
  return { arn, tags: body.Tags as { Key: string; Value: string }[] };
}

/** UntagResource input. */
export function checkUntagResource(body: Body): { arn: string; keys: string[] } {
  const problems = new Problems();
  const arn = checkResourceArn(body, problems);
  const keys = body.TagKeys;
  if (keys === undefined || keys === null) problems.add('TagKeys', 'is required (rule: required)');
  else if (!Array.isArray(keys)) problems.add('TagKeys', 'must be a list (rule: type)');
  else {
    if (keys.length > TAG_LIST_MAX) problems.add('TagKeys', `may have at most ${TAG_LIST_MAX} items; there are ${keys.length} (rule: max-items)`);
    keys.forEach((key, index) => problems.scalar(`TagKeys[${index}]`, tagKeyNode, key));
  }
  problems.throwIfAny();
  return { arn, keys: keys as string[] };
}

/** What ListFHIRDatastores asks for, checked. */
export interface ListInput {
  name?: string;
  status?: string;
  /** Epoch ms. */
  createdBefore?: number;
  createdAfter?: number;
  maxResults?: number;
  nextToken?: string;
}

function timestamp(field: string, value: unknown, problems: Problems): number | undefined {
  if (value === undefined || value === null) return undefined;
  // JSON 1.0 sends timestamps as epoch seconds (fractions allowed).
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(field, 'must be a timestamp in epoch seconds (rule: type)');
    return undefined;
  }
  return value * 1000;
}

/** ListFHIRDatastores input. */
export function checkListDatastores(body: Body): ListInput {
  const problems = new Problems();
  const out: ListInput = {};
  const filter = body.Filter;
  if (filter !== undefined && filter !== null) {
    if (!isPlainObject(filter)) problems.add('Filter', 'must be a structure (rule: type)');
    else {
      if (filter.DatastoreName !== undefined && filter.DatastoreName !== null) {
        problems.scalar('Filter.DatastoreName', datastoreNameNode, filter.DatastoreName);
        out.name = filter.DatastoreName as string;
      }
      const status = filter.DatastoreStatus;
      if (status !== undefined && status !== null) {
        if (typeof status !== 'string' || !(DATASTORE_STATUSES as readonly string[]).includes(status)) {
          problems.add('Filter.DatastoreStatus', `must be one of ${DATASTORE_STATUSES.join(', ')} (rule: enum, value ${showValue(status)})`);
        }
        out.status = status as string;
      }
      out.createdBefore = timestamp('Filter.CreatedBefore', filter.CreatedBefore, problems);
      out.createdAfter = timestamp('Filter.CreatedAfter', filter.CreatedAfter, problems);
    }
  }
  const max = body.MaxResults;
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number' || !Number.isInteger(max)) problems.add('MaxResults', 'must be an integer (rule: type)');
    else if (max < MAX_RESULTS.min || max > MAX_RESULTS.max) {
      problems.add('MaxResults', `must be between ${MAX_RESULTS.min} and ${MAX_RESULTS.max}; got ${max} (rule: range)`);
    }
    out.maxResults = max as number;
  }
  const token = body.NextToken;
  if (token !== undefined && token !== null) {
    if (typeof token !== 'string') problems.add('NextToken', 'must be a string (rule: type)');
    else if (token.length > NEXT_TOKEN_MAX || !/^\p{ASCII}*$/u.test(token)) problems.add('NextToken', `must be at most ${NEXT_TOKEN_MAX} ASCII characters (rule: pattern)`);
    out.nextToken = token as string;
  }
  problems.throwIfAny();
  return out;
}
