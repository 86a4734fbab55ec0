/**
 * The data stores and their state machine: CREATING -> ACTIVE (or CREATE_FAILED) -> DELETING -> DELETED.
 * Transitions are not timers: each data store records when it settles, and `settle()` applies every transition
 * that is due by the injected clock. So a fake clock drives them in tests, nothing needs cancelling on stop,
 * and a data store loaded from a state file after a restart is in the state its times say.
 */
import { randomBytes } from 'node:crypto';
import type { DatastoreStatus } from '../aws/types.js';
import { ServiceError } from './service-error.js';
import type { EmulatedDatastore } from './types.js';

/** DELETED data stores stay describable this long (HealthLake keeps them visible for a while too). */
export const DELETED_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The documented CREATE_FAILED trigger: a customer managed KMS key given as an alias (or alias ARN) whose name
 * ends in `-fail`, such as `alias/healthlake-wizard-fail`.
 */
export const FAILING_KMS_ALIAS = /(^|:)alias\/[a-zA-Z0-9:/_-]*-fail$/;

/** Settings of the registry. */
export interface RegistryOptions {
  region: string;
  accountId: string;
  createDelayMs: number;
  deleteDelayMs: number;
  now: () => number;
  /** Called after every change (to persist). */
  onChange?: (registry: DatastoreRegistry) => void;
  /** Called before every operation: the data stores to start from instead, when someone else changed them. */
  refresh?: () => readonly EmulatedDatastore[] | undefined;
}

/** Stable JSON (sorted keys), to compare two requests for idempotency. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function withoutToken(request: Record<string, unknown>): string {
  const { ClientToken: _token, ...rest } = request;
  return canonicalJson(rest);
}

function failureFor(request: Record<string, unknown>): EmulatedDatastore['errorCause'] {
  const kms = (request.SseConfiguration as { KmsEncryptionConfig?: { KmsKeyId?: unknown } } | undefined)?.KmsEncryptionConfig;
  const keyId = kms?.KmsKeyId;
  if (typeof keyId !== 'string' || !FAILING_KMS_ALIAS.test(keyId)) return undefined;
  return {
    ErrorMessage: `HealthLake could not use the KMS key ${keyId}: the key policy does not allow kms:CreateGrant for the caller (emulated failure).`,
    ErrorCategory: 'NON_RETRYABLE_ERROR',
  };
}

/** The emulator's data stores. */
export class DatastoreRegistry {
  private readonly byId = new Map<string, EmulatedDatastore>();

  constructor(
    private readonly options: RegistryOptions,
    initial: readonly EmulatedDatastore[] = [],
  ) {
    for (const datastore of initial) this.byId.set(datastore.id, datastore);
    this.settle();
  }

  /** Takes what changed elsewhere, applies the transitions due by now, forgets DELETED ones past retention. */
  settle(): void {
    const external = this.options.refresh?.();
    if (external) {
      this.byId.clear();
      for (const datastore of external) this.byId.set(datastore.id, datastore);
    }
    const now = this.options.now();
    let changed = false;
    for (const datastore of this.byId.values()) {
      if (datastore.status === 'CREATING' && now >= datastore.settlesAt) {
        datastore.status = datastore.errorCause ? 'CREATE_FAILED' : 'ACTIVE';
        changed = true;
      }
      if (datastore.status === 'DELETING' && datastore.deletedAt !== undefined && now >= datastore.deletedAt) {
        datastore.status = 'DELETED';
        changed = true;
      }
      if (datastore.status === 'DELETED' && datastore.deletedAt !== undefined && now >= datastore.deletedAt + DELETED_RETENTION_MS) {
        this.byId.delete(datastore.id);
        changed = true;
      }
    }
    if (changed) this.options.onChange?.(this);
  }

  /**
   * Creates a data store from a validated request. The same ClientToken with the same request returns the data
   * store the first call created; with a different request it is a ValidationException (CreateFHIRDatastore
   * models no ConflictException, and HealthLake reports misuse of its parameters as validation errors).
   */
  create(request: Record<string, unknown>): EmulatedDatastore {
    this.settle();
    const token = typeof request.ClientToken === 'string' ? request.ClientToken : undefined;
    if (token !== undefined) {
      const earlier = [...this.byId.values()].find((datastore) => datastore.clientToken === token);
      if (earlier) {
        if (withoutToken(earlier.request) !== withoutToken(request)) {
          throw new ServiceError(
            'ValidationException',
            `ClientToken: the token ${JSON.stringify(token)} was already used with different parameters (rule: idempotency); use a new ClientToken for a different request.`,
          );
        }
        return earlier;
      }
    }
    const { region, accountId, createDelayMs } = this.options;
    const now = this.options.now();
    const id = randomBytes(16).toString('hex');
    const errorCause = failureFor(request);
    const datastore: EmulatedDatastore = {
      id,
      arn: `arn:aws:healthlake:${region}:${accountId}:datastore/fhir/${id}`,
      ...(typeof request.DatastoreName === 'string' ? { name: request.DatastoreName } : {}),
      status: 'CREATING',
      createdAt: now,
      endpoint: `https://healthlake.${region}.amazonaws.com/datastore/${id}/r4/`,
      settlesAt: now + createDelayMs,
      ...(errorCause ? { errorCause } : {}),
      tags: Array.isArray(request.Tags) ? (request.Tags as EmulatedDatastore['tags']).map((tag) => ({ ...tag })) : [],
      ...(token !== undefined ? { clientToken: token } : {}),
      request: structuredClone(request),
    };
    this.byId.set(id, datastore);
    this.settle(); // a zero delay settles at once
    this.options.onChange?.(this);
    return datastore;
  }

  /** The data store with this id, DELETED ones included. */
  get(id: string): EmulatedDatastore {
    this.settle();
    const datastore = this.byId.get(id);
    if (!datastore) throw new ServiceError('ResourceNotFoundException', `Data store ${id} does not exist.`);
    return datastore;
  }

  /** The data store with this ARN, for tagging; DELETED ones are not found. */
  getByArn(arn: string): EmulatedDatastore {
    this.settle();
    const datastore = [...this.byId.values()].find((candidate) => candidate.arn === arn);
    if (!datastore || datastore.status === 'DELETED') {
      throw new ServiceError('ResourceNotFoundException', `Resource ${arn} does not exist.`);
    }
    return datastore;
  }

  /** Every data store, oldest first, after applying due transitions. */
  list(): EmulatedDatastore[] {
    this.settle();
    return this.ordered();
  }

  // Creation order: the map keeps insertion order and the sort is stable, so equal CreatedAt keep it too.
  private ordered(): EmulatedDatastore[] {
    return [...this.byId.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Starts deleting; only ACTIVE or CREATE_FAILED data stores can be deleted. */
  delete(id: string): EmulatedDatastore {
    const datastore = this.get(id);
    const deletable: DatastoreStatus[] = ['ACTIVE', 'CREATE_FAILED'];
    if (!deletable.includes(datastore.status)) {
      throw new ServiceError(
        'ConflictException',
        `Data store ${id} is ${datastore.status}; only an ACTIVE or CREATE_FAILED data store can be deleted.`,
      );
    }
    datastore.status = 'DELETING';
    datastore.deletedAt = this.options.now() + this.options.deleteDelayMs;
    this.settle();
    this.options.onChange?.(this);
    return datastore;
  }

  /** Adds or replaces tags (by key). */
  tag(arn: string, tags: readonly { Key: string; Value: string }[]): void {
    const datastore = this.getByArn(arn);
    for (const tag of tags) {
      const existing = datastore.tags.find((candidate) => candidate.Key === tag.Key);
      if (existing) existing.Value = tag.Value;
      else datastore.tags.push({ Key: tag.Key, Value: tag.Value });
    }
    this.options.onChange?.(this);
  }

  /** Removes tags by key; absent keys are ignored, as AWS does. */
  untag(arn: string, keys: readonly string[]): void {
    const datastore = this.getByArn(arn);
    datastore.tags = datastore.tags.filter((tag) => !keys.includes(tag.Key));
    this.options.onChange?.(this);
  }

  /** A copy of every data store as it is now (no transitions applied: safe to call from `onChange`). */
  snapshot(): EmulatedDatastore[] {
    return this.ordered().map((datastore) => structuredClone(datastore));
  }
}
