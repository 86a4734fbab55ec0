/** The HealthLake operations: validated input in, the service's response shape out (JSON 1.0 wire form). */
import type { DatastoreRegistry } from './datastore-registry.js';
import {
  checkDatastoreId,
  checkListDatastores,
  checkListTags,
  checkTagResource,
  checkUntagResource,
  createRequestError,
} from './input-validation.js';
import { ServiceError } from './service-error.js';
import type { Caller, EmulatedDatastore, OperationName } from './types.js';

type Body = Record<string, unknown>;
type Handler = (registry: DatastoreRegistry, body: Body, caller: Caller) => Body;

/** DatastoreProperties on the wire: CreatedAt in epoch seconds, as the JSON protocol sends timestamps. */
export function wireProperties(datastore: EmulatedDatastore): Body {
  const { request } = datastore;
  return {
    DatastoreId: datastore.id,
    DatastoreArn: datastore.arn,
    ...(datastore.name !== undefined ? { DatastoreName: datastore.name } : {}),
    DatastoreStatus: datastore.status,
    CreatedAt: datastore.createdAt / 1000,
    DatastoreTypeVersion: request.DatastoreTypeVersion,
    DatastoreEndpoint: datastore.endpoint,
    // HealthLake reports the encryption in use even when none was asked for: an AWS owned key.
    SseConfiguration: request.SseConfiguration ?? { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } },
    ...(request.PreloadDataConfig !== undefined ? { PreloadDataConfig: request.PreloadDataConfig } : {}),
    IdentityProviderConfiguration: request.IdentityProviderConfiguration ?? {
      AuthorizationStrategy: 'AWS_AUTH',
      FineGrainedAuthorizationEnabled: false,
    },
    ...(datastore.errorCause ? { ErrorCause: datastore.errorCause } : {}),
  };
}

function summary(datastore: EmulatedDatastore): Body {
  return {
    DatastoreId: datastore.id,
    DatastoreArn: datastore.arn,
    DatastoreStatus: datastore.status,
    DatastoreEndpoint: datastore.endpoint,
  };
}

/** NextToken is opaque to clients: the base64url of the next offset and the filter it belongs to. */
function encodeToken(offset: number, filterKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: filterKey })).toString('base64url');
}

function decodeToken(token: string, filterKey: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.f === filterKey) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new ServiceError('ValidationException', '1 validation error detected: NextToken: is not a token from a previous call with the same Filter (rule: token).');
}

const DEFAULT_PAGE_SIZE = 100;

function listDatastores(registry: DatastoreRegistry, body: Body): Body {
  const input = checkListDatastores(body);
  const filterKey = JSON.stringify([input.name, input.status, input.createdBefore, input.createdAfter]);
  const matching = registry.list().filter(
    (datastore) =>
      (input.name === undefined || datastore.name === input.name) &&
      (input.status === undefined || datastore.status === input.status) &&
      (input.createdBefore === undefined || datastore.createdAt < input.createdBefore) &&
      (input.createdAfter === undefined || datastore.createdAt > input.createdAfter),
  );
  const start = input.nextToken === undefined ? 0 : decodeToken(input.nextToken, filterKey);
  const end = start + (input.maxResults ?? DEFAULT_PAGE_SIZE);
  return {
    DatastorePropertiesList: matching.slice(start, end).map(wireProperties),
    ...(end < matching.length ? { NextToken: encodeToken(end, filterKey) } : {}),
  };
}

/** One handler per operation. */
export const OPERATIONS: Record<OperationName, Handler> = {
  CreateFHIRDatastore(registry, body, caller) {
    const invalid = createRequestError(body);
    if (invalid) throw invalid;
    return summary(registry.create(body, caller));
  },
  DescribeFHIRDatastore(registry, body) {
    return { DatastoreProperties: wireProperties(registry.get(checkDatastoreId(body))) };
  },
  ListFHIRDatastores: listDatastores,
  DeleteFHIRDatastore(registry, body) {
    return summary(registry.delete(checkDatastoreId(body)));
  },
  ListTagsForResource(registry, body) {
    const { arn } = checkListTags(body);
    return { Tags: registry.getByArn(arn).tags.map((tag) => ({ ...tag })) };
  },
  TagResource(registry, body) {
    const { arn, tags } = checkTagResource(body);
    registry.tag(arn, tags);
    return {};
  },
  UntagResource(registry, body) {
    const { arn, keys } = checkUntagResource(body);
    registry.untag(arn, keys);
    return {};
  },
};

/** Whether a target names an operation we serve. */
export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
