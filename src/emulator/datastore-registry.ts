/**
 * The data stores and their state machine: CREATING -> ACTIVE (or CREATE_FAILED) -> DELETING -> DELETED.
 * Transitions are not timers: each data store records when it settles, and `settle()` applies every transition
 * that is due by the injected clock. So a fake clock drives them in tests, nothing needs cancelling on stop,
 * and a data store loaded from a state file after a restart is in the state its times say.
 */
import { randomBytes } from 'node:crypto';
import type { DatastoreStatus } from '../domain-types.js';
import { ServiceError } from './service-error.js';
import type { Caller, EmulatedDatastore } from './types.js';

/** DELETED data stores stay describable this long (HealthLake keeps them visible for a while too). */
export const DELETED_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Where the data stores are kept besides memory (a `--state` file that other emulators may change too): each
 * change is made to what is stored at that moment, with no other writer in between.
 */
export interface RegistryStorage {
  /** The stored data stores when someone else changed them since this registry last read or wrote them. */
  changedElsewhere(): readonly EmulatedDatastore[] | undefined;
  /** Runs `change` on the stored data stores (read, change, write) with no other writer in between. */
  update(change: (stored: readonly EmulatedDatastore[]) => readonly EmulatedDatastore[]): void;
}

/** Settings of the registry. */
export interface RegistryOptions {
  region: string;
  accountId: string;
  createDelayMs: number;
  deleteDelayMs: number;
  now: () => number;
  /** Keeps the data stores (and takes others' changes); memory only when absent. */
  storage?: RegistryStorage;
  /** Why a new data store will end CREATE_FAILED (undefined: it becomes ACTIVE); `context` is what `create` was given. */
  failureFor?: (request: Record<string, unknown>, context: { datastoreArn: string; caller: Caller }) => EmulatedDatastore['errorCause'];
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

/** The emulator's data stores. */
export class DatastoreRegistry {
  private readonly byId = new Map<string, EmulatedDatastore>();

  constructor(
    private readonly options: RegistryOptions,
    initial: readonly EmulatedDatastore[] = [],
  ) {
    this.replaceAll(initial);
    this.settle();
  }

  /** Takes what changed elsewhere, then applies (and stores) the transitions due by now. */
  settle(): void {
    const external = this.options.storage?.changedElsewhere();
    if (external) this.replaceAll(external);
    if (this.transitionsDue()) this.change(() => undefined);
  }

  /**
   * Creates a data store from a validated request. The same ClientToken with the same request returns the data
   * store the first call created; with a different request it is a ValidationException (CreateFHIRDatastore
   * models no ConflictException, and HealthLake reports misuse of its parameters as validation errors).
   */
  create(request: Record<string, unknown>, caller: Caller): EmulatedDatastore {
    return this.change(() => {
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
      const arn = `arn:aws:healthlake:${region}:${accountId}:datastore/fhir/${id}`;
      const errorCause = this.options.failureFor?.(request, { datastoreArn: arn, caller });
      const datastore: EmulatedDatastore = {
        id,
        arn,
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
      return datastore;
    });
  }

  /** The data store with this id, DELETED ones included. */
  get(id: string): EmulatedDatastore {
    this.settle();
    return this.found(id);
  }

  /** The data store with this ARN, for tagging; DELETED ones are not found. */
  getByArn(arn: string): EmulatedDatastore {
    this.settle();
    return this.foundByArn(arn);
  }

  /** Every data store, oldest first, after applying due transitions. */
  list(): EmulatedDatastore[] {
    this.settle();
    return this.ordered();
  }

  /** Starts deleting; only ACTIVE or CREATE_FAILED data stores can be deleted. */
  delete(id: string): EmulatedDatastore {
    return this.change(() => {
      const datastore = this.found(id);
      const deletable: DatastoreStatus[] = ['ACTIVE', 'CREATE_FAILED'];
      if (!deletable.includes(datastore.status)) {
        throw new ServiceError(
          'ConflictException',
          `Data store ${id} is ${datastore.status}; only an ACTIVE or CREATE_FAILED data store can be deleted.`,
        );
      }
      datastore.status = 'DELETING';
      datastore.deletedAt = this.options.now() + this.options.deleteDelayMs;
      return datastore;
    });
  }

  /** Adds or replaces tags (by key). */
  tag(arn: string, tags: readonly { Key: string; Value: string }[]): void {
    this.change(() => {
      const datastore = this.foundByArn(arn);
      for (const tag of tags) {
        const existing = datastore.tags.find((candidate) => candidate.Key === tag.Key);
        if (existing) existing.Value = tag.Value;
        else datastore.tags.push({ Key: tag.Key, Value: tag.Value });
      }
    });
  }

  /** Removes tags by key; absent keys are ignored, as AWS does. */
  untag(arn: string, keys: readonly string[]): void {
    this.change(() => {
      const datastore = this.foundByArn(arn);
      datastore.tags = datastore.tags.filter((tag) => !keys.includes(tag.Key));
    });
  }

  /** A copy of every data store as it is now (no transitions applied). */
  snapshot(): EmulatedDatastore[] {
    return this.ordered().map((datastore) => structuredClone(datastore));
  }

  /**
   * Applies `work` to the data stores as stored right now, with the transitions due before and after it (a zero
   * delay settles at once), and stores the result; with storage, no other emulator writes in between.
   */
  private change<T>(work: () => T): T {
    const { storage } = this.options;
    const apply = () => {
      this.applyDueTransitions();
      const result = work();
      this.applyDueTransitions();
      return result;
    };
    if (!storage) return apply();
    let result: T | undefined;
    storage.update((stored) => {
      this.replaceAll(stored);
      result = apply();
      return this.snapshot();
    });
    return result as T;
  }

  private replaceAll(datastores: readonly EmulatedDatastore[]): void {
    this.byId.clear();
    for (const datastore of datastores) this.byId.set(datastore.id, datastore);
  }

  private transitionsDue(): boolean {
    const now = this.options.now();
    return [...this.byId.values()].some((datastore) => nextTransition(datastore, now) !== undefined);
  }

  /** Applies every transition due by now; DELETED data stores past retention are forgotten. */
  private applyDueTransitions(): void {
    const now = this.options.now();
    for (const datastore of [...this.byId.values()]) {
      // A loop: a data store down for long enough goes DELETING -> DELETED -> forgotten in one call.
      for (let next = nextTransition(datastore, now); next !== undefined; next = nextTransition(datastore, now)) {
        if (next === 'forget') {
          this.byId.delete(datastore.id);
          break;
        }
        datastore.status = next;
      }
    }
  }

  private found(id: string): EmulatedDatastore {
    const datastore = this.byId.get(id);
    if (!datastore) throw new ServiceError('ResourceNotFoundException', `Data store ${id} does not exist.`);
    return datastore;
  }

  private foundByArn(arn: string): EmulatedDatastore {
    const datastore = [...this.byId.values()].find((candidate) => candidate.arn === arn);
    if (!datastore || datastore.status === 'DELETED') {
      throw new ServiceError('ResourceNotFoundException', `Resource ${arn} does not exist.`);
    }
    return datastore;
  }

  // Creation order: the map keeps insertion order and the sort is stable, so equal CreatedAt keep it too.
  private ordered(): EmulatedDatastore[] {
    return [...this.byId.values()].sort((a, b) => a.createdAt - b.createdAt);
  }
}

/** The state a data store moves to by `now`, `forget` when DELETED past retention; undefined when none is due. */
function nextTransition(datastore: EmulatedDatastore, now: number): DatastoreStatus | 'forget' | undefined {
  if (datastore.status === 'CREATING' && now >= datastore.settlesAt) return datastore.errorCause ? 'CREATE_FAILED' : 'ACTIVE';
  if (datastore.deletedAt === undefined) return undefined;
  if (datastore.status === 'DELETING' && now >= datastore.deletedAt) return 'DELETED';
  if (datastore.status === 'DELETED' && now >= datastore.deletedAt + DELETED_RETENTION_MS) return 'forget';
  return undefined;
}
