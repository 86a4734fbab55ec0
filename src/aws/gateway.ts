/**
 * The HealthLake gateway: the real SDK client behind the `HealthLakeGateway` contract, with idempotent
 * submission (the ClientToken is journaled before sending) and the history of created data stores.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateFHIRDatastoreCommand,
  DescribeFHIRDatastoreCommand,
  type DatastoreProperties as SdkDatastoreProperties,
} from '@aws-sdk/client-healthlake';
import { EXIT, type GlobalOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import type { PendingSubmission, WizardStore } from '../store/types.js';
import { createConfiguredClient, resolveEndpoint, type ConfiguredClient, type StaticCredentials } from './config.js';
import { FriendlyFailure, toFriendlyError, type ErrorContext } from './errors.js';
import { redactUrlUserinfo } from './redact-url.js';
import type { CreateResult, DatastoreProperties, HealthLakeGateway, StatusEvent, Target } from './types.js';
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
}

function toProperties(raw: SdkDatastoreProperties | undefined): DatastoreProperties {
  if (!raw) throw new Error('DescribeFHIRDatastore answered without DatastoreProperties');
  return raw as unknown as DatastoreProperties;
}

/** Creates a gateway; nothing is resolved or sent until the first call. */
export function createGateway(options: GlobalOptions, deps: GatewayDeps = {}): HealthLakeGateway {
  const now = deps.now ?? Date.now;
  const clients = new Map<string, Promise<ConfiguredClient>>();

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
    const configured = resolveEndpoint(options, deps.env ?? process.env);
    return endpoint !== undefined && configured !== undefined && redactUrlUserinfo(configured) === endpoint ? configured : endpoint;
  }

  function context(target: Target | undefined, extra: ErrorContext): ErrorContext {
    return {
      ...extra,
      ...(target ? { region: target.region, profile: target.profile, endpoint: target.endpoint } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    };
  }

  async function send(request: CreateRequest, token: string, target: Target | undefined, signal?: AbortSignal): Promise<CreateResult> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor(target);
      const response = await configured.client.send(new CreateFHIRDatastoreCommand({ ...request, ClientToken: token } as never), {
        ...(signal ? { abortSignal: signal } : {}),
      });
      const result: CreateResult = {
        DatastoreId: response.DatastoreId!,
        DatastoreArn: response.DatastoreArn!,
        DatastoreStatus: response.DatastoreStatus as CreateResult['DatastoreStatus'],
        DatastoreEndpoint: response.DatastoreEndpoint!,
      };
      deps.store?.journal.complete(token);
      const at = new Date(now()).toISOString();
      deps.store?.history.add({
        datastoreId: result.DatastoreId,
        datastoreArn: result.DatastoreArn,
        ...(request.DatastoreName ? { datastoreName: request.DatastoreName } : {}),
        region: configured.target.region,
        ...(configured.target.profile ? { profile: configured.target.profile } : {}),
        endpoint: result.DatastoreEndpoint,
        ...(configured.target.endpoint ? { serviceEndpoint: configured.target.endpoint } : {}),
        sandbox: configured.target.sandbox,
        createdAt: at,
        lastStatus: result.DatastoreStatus,
        lastSeenAt: at,
      });
      return result;
    } catch (error) {
      const friendly = toFriendlyError(error, context(configured?.target ?? target, { operation: 'create', request }));
      // A definite "no" from the service (validation, access denied) created nothing: nothing to resume. After a
      // time-out, reset or 5xx the outcome is unknown, so the submission stays pending for a resume.
      if (!friendly.transient && friendly.exitCode === 254) deps.store?.journal.complete(token);
      throw new FriendlyFailure(friendly, error);
    }
  }

  async function describe(datastoreId: string, opts: { signal?: AbortSignal } = {}): Promise<DatastoreProperties> {
    let configured: ConfiguredClient | undefined;
    try {
      configured = await clientFor();
      const response = await configured.client.send(new DescribeFHIRDatastoreCommand({ DatastoreId: datastoreId }), {
        ...(opts.signal ? { abortSignal: opts.signal } : {}),
      });
      return toProperties(response.DatastoreProperties);
    } catch (error) {
      throw new FriendlyFailure(toFriendlyError(error, context(configured?.target, { operation: 'describe', datastoreId })), error);
    }
  }

  async function* watch(datastoreId: string, opts: { signal?: AbortSignal } = {}): AsyncGenerator<StatusEvent> {
    let last: string | undefined;
    for await (const event of watchDatastoreStatus(describe, datastoreId, {
      now,
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
    if (!store || !store.history.list().some((entry) => entry.datastoreId === datastoreId)) return;
    store.history.updateStatus(datastoreId, status, at.toISOString());
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
      // Journal first: if the process dies or the response is lost, the next run resends this very token.
      try {
        deps.store?.journal.begin({
          clientToken: token,
          request: { ...request, ClientToken: token },
          target,
          startedAt: new Date(now()).toISOString(),
        });
      } catch (error) {
        // Without the journal a lost response could not be resumed safely: do not send.
        throw new FriendlyFailure({
          code: 'JournalUnavailable',
          message: `Could not record the submission before sending it (${(error as Error).message}); nothing was sent.`,
          fix: 'Check that the config directory is writable (HEALTHLAKE_WIZARD_CONFIG_DIR), then try again.',
          exitCode: EXIT.other,
          transient: false,
        });
      }
      return send(request, token, undefined, opts.signal);
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
      return send(submission.request, submission.clientToken, submission.target, opts.signal);
    },
    describe,
    watch,
  };
}
