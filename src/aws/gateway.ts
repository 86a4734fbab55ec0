/**
 * The HealthLake gateway: the real SDK client behind the `HealthLakeGateway` contract, with idempotent
 * submission (the ClientToken is journaled before sending) and the history of created data stores.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateFHIRDatastoreCommand,
  DeleteFHIRDatastoreCommand,
  DescribeFHIRDatastoreCommand,
  ListFHIRDatastoresCommand,
  ListTagsForResourceCommand,
  type DatastoreProperties as SdkDatastoreProperties,
} from '@aws-sdk/client-healthlake';
import { EXIT, type GlobalOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import type { PendingSubmission, WizardStore } from '../store/types.js';
import { CONFIG_DIR_ENV } from '../store/location.js';
import { describeTarget, isResendOf } from './pending-submission.js';
import { createConfiguredClient, resolveEndpoint, type ConfiguredClient, type StaticCredentials } from './config.js';
import { FriendlyFailure, toFriendlyError, type ErrorContext } from './errors.js';
import type { DebugLog } from './debug-log.js';
import { redactUrlUserinfo } from '../redact-url.js';
import type { CreateResult, DatastorePage, DatastoreProperties, DeleteResult, FriendlyError, HealthLakeGateway, ListDatastoresInput, StatusEvent, Target, WatchGoal } from './types.js';
import { watchDatastoreStatus, type WatchSchedule } from './watch.js';

/** What the gateway may be given instead of the real world. */
export interface GatewayDeps {
  store?: WizardStore;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Explicit credentials (the sandbox); otherwise the SDK's default chain for the profile. */
  credentials?: StaticCredentials;
  env?: NodeJS.ProcessEnv;
  maxAttempts?: number;
  schedule?: WatchSchedule;
  /**
   * `required`: `create` refuses to send without a store to journal the ClientToken in (the commands' default);
   * `skip`: `create` journals nothing (`--no-journal`). Unset: journal when a store is given.
   */
  journal?: 'required' | 'skip';
  /** `--debug`: where the settings, credential source and each request and response are logged. */
  debug?: DebugLog;
  /** Where warnings go (a data store created but not recorded); default: nowhere. */
  warn?: (message: string) => void;
}

function toProperties(raw: SdkDatastoreProperties | undefined): DatastoreProperties {
  if (!raw) throw new Error('DescribeFHIRDatastore answered without DatastoreProperties');
  return raw as unknown as DatastoreProperties;
}

/** The refusal to send without a journal: a lost response could then be neither resumed nor safely retried. */
function journalUnavailable(why: string, fix?: string): FriendlyError {
  return {
    code: 'JournalUnavailable',
    message: `The submission could not be journaled before sending (${why}), so nothing was sent: without the journal a lost response could be neither resumed nor retried without risking a second data store.`,
    fix: `${fix ?? `Make the config directory usable (see ${CONFIG_DIR_ENV}), or point ${CONFIG_DIR_ENV} at a writable directory.`} To send anyway without a journal, pass --no-journal.`,
    exitCode: EXIT.config,
    transient: false,
  };
}

/**
 * Journals a submission before it is sent. A token still pending for another request or target is never taken
 * over: its entry is the only record of a request whose outcome is unknown.
 */
function beginJournal(store: WizardStore, submission: PendingSubmission): void {
  let pending: PendingSubmission[];
  try {
    pending = store.journal.pending();
  } catch (error) {
    throw new FriendlyFailure(journalUnavailable((error as Error).message, (error as { fix?: string }).fix));
  }
  const other = pending.find((known) => known.clientToken === submission.clientToken && !isResendOf(known, submission.request, submission.target));
  if (other) {
    throw new FriendlyFailure({
      code: 'ClientTokenPending',
      message: `The ClientToken ${submission.clientToken} belongs to a pending submission (sent ${other.startedAt} to ${describeTarget(other.target)}, answer never received) of another request or target; it is not reused for this one.`,
      fix: 'Resume that submission first (start the wizard against the same target and choose it), or create with another ClientToken.',
      field: 'ClientToken',
      exitCode: EXIT.usage,
      transient: false,
    });
  }
  try {
    store.journal.begin(submission);
  } catch (error) {
    throw new FriendlyFailure(journalUnavailable((error as Error).message, (error as { fix?: string }).fix));
  }
}

/** Creates a gateway; nothing is resolved or sent until the first call. */
export function createGateway(options: GlobalOptions, deps: GatewayDeps = {}): HealthLakeGateway {
  const now = deps.now ?? Date.now;
  const clients = new Map<string, Promise<ConfiguredClient>>();
  const warn = deps.warn ?? (() => undefined);
  // Where each data store this gateway created or resumed lives: a resumed one may be elsewhere than the current target.
  const homes = new Map<string, Target>();

  function clientFor(target?: Target): Promise<ConfiguredClient> {
    // A resumed submission goes where it was first sent (its region, endpoint and profile) — except in the
    // sandbox, whose endpoint changes from run to run: there the current sandbox is the target.
    const effective: GlobalOptions =
      target && !target.sandbox
        ? { ...options, region: target.region, profile: target.profile, endpointUrl: unredactedEndpoint(target.endpoint) }
        : options;
    const key = JSON.stringify([effective.region, effective.profile, effective.endpointUrl]);
    let client = clients.get(key);
    if (!client) {
      client = createConfiguredClient(effective, {
        ...(deps.credentials ? { credentials: deps.credentials } : {}),
        ...(deps.env ? { env: deps.env } : {}),
        ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}),
        ...(deps.debug ? { debug: deps.debug } : {}),
      });
      // A failed resolution (no region) must not be cached: the next call may have a fixed environment.
      client.catch(() => clients.delete(key));
      clients.set(key, client);
    }
    return client;
  }

  /**
   * A journaled target's endpoint has its password redacted; when the endpoint configured now is the same URL,
   * the configured one (with its password) is used.
   */
  function unredactedEndpoint(endpoint: string | undefined): string | undefined {
    const configured = resolveEndpoint(options, deps.env ?? process.env)?.url;
    return endpoint !== undefined && configured !== undefined && redactUrlUserinfo(configured) === endpoint ? configured : endpoint;
  }

  /** What an error message names: the region, the profile, and the URL the request really went to (no password). */
  function context(configured: ConfiguredClient | undefined, target: Target | undefined, extra: ErrorContext): ErrorContext {
    const where = configured?.target ?? target;
    return {
      ...extra,
      ...(where ? { region: where.region, profile: where.profile, endpoint: configured ? redactUrlUserinfo(configured.serviceUrl) : where.endpoint } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    };
  }

  /**
   * Records a created data store: history first, then the journal entry is cleared. A data store that exists is
   * never reported as a failure because a local file could not be written: the problem becomes a warning, and the
   * journal entry stays until the history holds the outcome, so a resend with the same ClientToken (a re-run, a
   * resume) gets this same data store back and records it then.
   */
  function recordCreated(request: CreateRequest, result: CreateResult, target: Target, token: string, journaled: boolean): void {
    const store = deps.store;
    if (!store) return;
    const at = new Date(now()).toISOString();
    try {
      store.history.add({
        datastoreId: result.DatastoreId,
        datastoreArn: result.DatastoreArn,
        ...(request.DatastoreName ? { datastoreName: request.DatastoreName } : {}),
        region: target.region,
        ...(target.profile ? { profile: target.profile } : {}),
        endpoint: result.DatastoreEndpoint,
        ...(target.endpoint ? { serviceEndpoint: target.endpoint } : {}),
        sandbox: target.sandbox,
        createdAt: at,
        lastStatus: result.DatastoreStatus,
        lastSeenAt: at,
      });
    } catch (error) {
      const kept = journaled ? ' Its submission stays in the journal: sending the same request again (re-running the command, or resuming in the wizard) returns this same data store and records it.' : '';
      warn(`The data store ${result.DatastoreId} was created, but the history could not be updated (${(error as Error).message}).${kept}`);
      return;
    }
    if (!journaled) return;
    try {
      store.journal.complete(token);
    } catch (error) {
      warn(`The data store ${result.DatastoreId} was created and recorded in the history, but its journal entry could not be cleared (${(error as Error).message}); a resend with the same ClientToken returns this same data store.`);
    }
  }

  async function send(request: CreateRequest, token: string, journaled: boolean, target: Target | undefined, signal?: AbortSignal): Promise<CreateResult> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor(target);
      const response = await configured.client.send(new CreateFHIRDatastoreCommand({ ...request, ClientToken: token }), {
        ...(signal ? { abortSignal: signal } : {}),
      });
      const result: CreateResult = {
        DatastoreId: response.DatastoreId!,
        DatastoreArn: response.DatastoreArn!,
        DatastoreStatus: response.DatastoreStatus as CreateResult['DatastoreStatus'],
        DatastoreEndpoint: response.DatastoreEndpoint!,
      };
      if (target) homes.set(result.DatastoreId, target);
      recordCreated(request, result, configured.target, token, journaled);
      return result;
    } catch (error) {
      const friendly = toFriendlyError(error, context(configured, target, { operation: 'create', request }));
      // A definite "no" from the service (validation, access denied) created nothing: nothing to resume. After a
      // time-out, reset or 5xx the outcome is unknown, so the submission stays pending for a resume.
      if (journaled && !friendly.transient && friendly.exitCode === EXIT.service) forget(token);
      throw new FriendlyFailure(friendly, error);
    }
  }

  async function describe(datastoreId: string, opts: { signal?: AbortSignal } = {}): Promise<DatastoreProperties> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor(homes.get(datastoreId));
      const response = await configured.client.send(new DescribeFHIRDatastoreCommand({ DatastoreId: datastoreId }), {
        ...(opts.signal ? { abortSignal: opts.signal } : {}),
      });
      return toProperties(response.DatastoreProperties);
    } catch (error) {
      throw new FriendlyFailure(toFriendlyError(error, context(configured, undefined, { operation: 'describe', datastoreId })), error);
    }
  }

  async function list(input: ListDatastoresInput): Promise<DatastorePage> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor();
      const response = await configured.client.send(new ListFHIRDatastoresCommand(input as never));
      return {
        DatastorePropertiesList: (response.DatastorePropertiesList ?? []).map(toProperties),
        ...(response.NextToken ? { NextToken: response.NextToken } : {}),
      };
    } catch (error) {
      throw new FriendlyFailure(toFriendlyError(error, context(configured, undefined, { operation: 'list' })), error);
    }
  }

  async function listTags(datastoreArn: string): Promise<{ Key: string; Value: string }[]> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor();
      const response = await configured.client.send(new ListTagsForResourceCommand({ ResourceARN: datastoreArn }));
      return (response.Tags ?? []).map((tag) => ({ Key: tag.Key!, Value: tag.Value ?? '' }));
    } catch (error) {
      throw new FriendlyFailure(toFriendlyError(error, context(configured, undefined, { operation: 'describe' })), error);
    }
  }

  async function deleteDatastore(datastoreId: string): Promise<DeleteResult> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor(homes.get(datastoreId));
      const response = await configured.client.send(new DeleteFHIRDatastoreCommand({ DatastoreId: datastoreId }));
      const result: DeleteResult = {
        DatastoreId: response.DatastoreId!,
        DatastoreArn: response.DatastoreArn!,
        DatastoreStatus: response.DatastoreStatus as DeleteResult['DatastoreStatus'],
        DatastoreEndpoint: response.DatastoreEndpoint!,
      };
      recordStatus(datastoreId, result.DatastoreStatus, new Date(now()));
      return result;
    } catch (error) {
      throw new FriendlyFailure(toFriendlyError(error, context(configured, undefined, { operation: 'delete', datastoreId })), error);
    }
  }

  async function* watch(datastoreId: string, opts: { signal?: AbortSignal; until?: WatchGoal } = {}): AsyncGenerator<StatusEvent> {
    let last: string | undefined;
    for await (const event of watchDatastoreStatus(describe, datastoreId, {
      now,
      ...(opts.until ? { until: opts.until } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(deps.schedule ? { schedule: deps.schedule } : {}),
    })) {
      if (event.type === 'status' && event.properties.DatastoreStatus !== last) {
        last = event.properties.DatastoreStatus;
        recordStatus(datastoreId, last as DatastoreProperties['DatastoreStatus'], event.at);
      }
      yield event;
    }
  }

  function recordStatus(datastoreId: string, status: DatastoreProperties['DatastoreStatus'], at: Date): void {
    const store = deps.store;
    try {
      if (!store || !store.history.list().some((entry) => entry.datastoreId === datastoreId)) return;
      store.history.updateStatus(datastoreId, status, at.toISOString());
    } catch (error) {
      // The watch is about the data store, not the local file: a history that cannot be written only warns.
      warn(`The status of ${datastoreId} could not be recorded in the history (${(error as Error).message}).`);
    }
  }

  /** Clears a journal entry whose outcome is known; a failure leaves it pending, which only costs a resume. */
  function forget(token: string): void {
    try {
      deps.store?.journal.complete(token);
    } catch {
      // kept: resending the same token is harmless
    }
  }

  return {
    async target() {
      try {
        return (await clientFor()).target;
      } catch (error) {
        throw new FriendlyFailure(toFriendlyError(error, { operation: 'region' }), error);
      }
    },
    async create(request, opts = {}) {
      const token = request.ClientToken ?? randomUUID();
      let target: Target;
      try {
        target = (await clientFor()).target;
      } catch (error) {
        throw new FriendlyFailure(toFriendlyError(error, { operation: 'region' }), error);
      }
      // Credentials are resolved before journaling: a submission that fails before anything was sent (no
      // credentials, an expired SSO token, a failing credential_process) must leave nothing pending to resume.
      if (!options.noSignRequest) {
        try {
          const { client } = await clientFor();
          await client.config.credentials();
        } catch (error) {
          throw new FriendlyFailure(toFriendlyError(error, { operation: 'credentials', ...(target.profile ? { profile: target.profile } : {}) }), error);
        }
      }
      if (deps.journal === 'required' && !deps.store) throw new FriendlyFailure(journalUnavailable('the local store could not be opened'));
      const journaling = deps.journal !== 'skip' && deps.store !== undefined;
      if (journaling) beginJournal(deps.store!, { clientToken: token, request: { ...request, ClientToken: token }, target, startedAt: new Date(now()).toISOString() });
      return send(request, token, journaling, undefined, opts.signal);
    },
    async resume(submission: PendingSubmission, opts = {}) {
      if (submission.target.sandbox !== (options.sandbox === true)) {
        // Never resend a sandbox submission to AWS, nor an AWS one to the sandbox.
        const where = submission.target.sandbox ? 'the sandbox (use --sandbox)' : 'AWS (run without --sandbox)';
        throw new FriendlyFailure({
          code: 'TargetMismatch',
          message: `This submission was sent to ${where.split(' (')[0]}; resume it there.`,
          fix: `Resume it against ${where}.`,
          exitCode: EXIT.usage,
          transient: false,
        });
      }
      return send(submission.request, submission.clientToken, deps.store !== undefined, submission.target, opts.signal);
    },
    describe,
    watch,
    list,
    listTags,
    delete: deleteDatastore,
  };
}
