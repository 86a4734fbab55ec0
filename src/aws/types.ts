/**
 * The contract between the UI/commands and AWS. `src/aws` implements it with the AWS SDK; the UI receives an
 * implementation through its dependencies and never imports the SDK itself. Type-only: importing this file
 * loads nothing.
 */
import type { DatastoreStatus, ListDatastoresInput, PendingSubmission, Target } from '../domain-types.js';
import type { CreateRequest } from '../request/types.js';
import type { PreflightReport, PreflightResult, SmartConfigurationAnswer } from './preflight/types.js';

export type { DatastoreStatus, ListDatastoresInput, Target } from '../domain-types.js';

/** DescribeFHIRDatastore's DatastoreProperties, as plain data. */
export interface DatastoreProperties {
  DatastoreId: string;
  DatastoreArn: string;
  DatastoreName?: string;
  DatastoreStatus: DatastoreStatus;
  CreatedAt?: Date;
  DatastoreTypeVersion: string;
  DatastoreEndpoint: string;
  SseConfiguration?: CreateRequest['SseConfiguration'];
  PreloadDataConfig?: CreateRequest['PreloadDataConfig'];
  IdentityProviderConfiguration?: CreateRequest['IdentityProviderConfiguration'];
  ErrorCause?: { ErrorMessage?: string; ErrorCategory?: string };
}

/** CreateFHIRDatastore's response. */
export interface CreateResult {
  DatastoreId: string;
  DatastoreArn: string;
  DatastoreStatus: DatastoreStatus;
  DatastoreEndpoint: string;
}

/** One page of ListFHIRDatastores. */
export interface DatastorePage {
  DatastorePropertiesList: DatastoreProperties[];
  NextToken?: string;
}

/** DeleteFHIRDatastore's response. */
export type DeleteResult = CreateResult;

/** An error turned into something a person can act on. */
export interface FriendlyError {
  /** A stable code, e.g. `AccessDenied`, `NoCredentials`, `Throttling`, `Validation`. */
  code: string;
  /** What happened, in a sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The fix in the wizard's words, its keys as `{key:NAME}` (a team policy's rule on accounts: Ctrl+T, not --profile). */
  wizardFix?: string;
  /** The AWS CLI exit code this error maps to (252..255). */
  exitCode: number;
  /** The request field it concerns, when it can be mapped back (e.g. `SseConfiguration.KmsEncryptionConfig.KmsKeyId`). */
  field?: string;
  /** Worth retrying later (throttling, 5xx, network). */
  transient: boolean;
}

/** What the watcher waits for: ACTIVE (a creation) or DELETED (a deletion). */
export type WatchGoal = 'active' | 'deleted';

/** One event from the status watcher. */
export type StatusEvent =
  | {
      type: 'status';
      properties: DatastoreProperties;
      /** When this check was made. */
      at: Date;
      /** When the next check will be made; absent once the watch ended. */
      nextCheckAt?: Date;
    }
  | { type: 'transient-error'; error: FriendlyError; at: Date; nextCheckAt: Date }
  | {
      type: 'done';
      /**
       * `active` when the data store became ACTIVE; `failed` for CREATE_FAILED or DELETED (the waiter's rules);
       * `deleted` when a watch `until: 'deleted'` saw DELETED.
       */
      outcome: 'active' | 'failed' | 'deleted';
      properties: DatastoreProperties;
      at: Date;
    };

/** Where a person chose to create: the sandbox, or AWS with a profile and a Region (undefined: as configured). */
export interface TargetChoice {
  sandbox: boolean;
  profile?: string;
  region?: string;
}

/** Who the credentials are, as STS GetCallerIdentity answers. */
export interface CallerIdentity {
  account: string;
  arn: string;
  /** The user or role name, for a header line. */
  name: string;
}

/** A profile of the shared files; `isDefault` marks `default`, `chosen` the one now in use. */
export interface ProfileEntry {
  name: string;
  isDefault: boolean;
  chosen: boolean;
  /** The Region a run with this profile uses when none is chosen (AWS_REGION, AWS_DEFAULT_REGION, then its own). */
  region?: string;
  /** Where `region` comes from, as a person would look for it: `--region`, `AWS_REGION`, `its config`... */
  regionFrom?: string;
}

/**
 * The target as checked in the background: where requests go and whose credentials sign them, or the problem
 * (no Region, a missing profile, expired SSO, no credentials...) with its fix, and the profiles there are.
 */
export type TargetReport =
  | { ok: true; target: Target; /** Who the credentials are; absent when STS was not asked (a dry run sends nothing). */ identity?: CallerIdentity }
  | {
      ok: false;
      target?: Target;
      problem: FriendlyError;
      profiles?: string[];
      /**
       * With no Region (`problem` is NoRegion) the credentials are checked all the same (STS needs no Region of
       * ours): who they are, or what is wrong with them with its fix. Absent when STS was not asked.
       */
      credentials?: CredentialsReport;
    };

/** The credentials checked on their own (before a Region is chosen): the profile, and who they are or their problem. */
export type CredentialsReport = { profile?: string } & ({ ok: true; identity: CallerIdentity } | { ok: false; problem: FriendlyError });

/** What the wizard and the commands need from HealthLake. */
export interface HealthLakeGateway {
  /** The resolved target; resolving credentials is lazy and never blocks a first frame. */
  target(): Promise<Target>;
  /**
   * Creates a data store. The ClientToken (given or generated) is recorded in the journal before sending, so a
   * retry after a time-out, reset or crash reuses it. Rejects with a FriendlyError.
   */
  create(request: CreateRequest, options?: { signal?: AbortSignal }): Promise<CreateResult>;
  /** Sends a pending submission again with its recorded ClientToken (never creates a second data store). */
  resume(submission: PendingSubmission, options?: { signal?: AbortSignal }): Promise<CreateResult>;
  /** Rejects with a FriendlyError. */
  describe(datastoreId: string, options?: { signal?: AbortSignal }): Promise<DatastoreProperties>;
  /**
   * Polls until the FHIRDatastoreActive waiter's conditions are met (or, with `until: 'deleted'`, until the data
   * store is DELETED); ends with a `done` event.
   */
  watch(datastoreId: string, options?: { signal?: AbortSignal; until?: WatchGoal }): AsyncIterable<StatusEvent>;
  /** One page of the target Region's data stores. Rejects with a FriendlyError. */
  list(input: ListDatastoresInput): Promise<DatastorePage>;
  /** The tags of a data store, by its ARN. Rejects with a FriendlyError. */
  listTags(datastoreArn: string): Promise<{ Key: string; Value: string }[]>;
  /** Starts deleting a data store (ACTIVE or CREATE_FAILED). Rejects with a FriendlyError. */
  delete(datastoreId: string): Promise<DeleteResult>;
}

/** A KMS key of the target Region, for the key picker: its aliases, state and whether HealthLake can use its kind. */
export interface KmsKeyChoice {
  keyId: string;
  arn: string;
  /** Alias names (`alias/NAME`), sorted. */
  aliases: string[];
  description: string;
  /** KMS KeyState: Enabled, Disabled, PendingDeletion, ... */
  state: string;
  keySpec: string;
  keyUsage: string;
  /** CUSTOMER or AWS. */
  keyManager: string;
  /**
   * True when the key is an Enabled, customer managed, symmetric encryption key. Whether its policy lets the
   * caller use it through HealthLake is the pre-flight check's question, not this one.
   */
  usable: boolean;
  /** Why it is not usable, in a few words (e.g. `Disabled`, `asymmetric (RSA_2048)`); absent when usable. */
  unusableBecause?: string;
}

/** A Lambda function of the target Region, for the token-decoder picker. */
export interface LambdaFunctionChoice {
  name: string;
  arn: string;
  runtime?: string;
  description: string;
}

/** What listing returned: the items, or why there are none to show (the picker then falls back to free text). */
export type ResourceListing<T> =
  | { ok: true; items: T[]; /** True when more existed than were listed. */ truncated: boolean }
  | { ok: false; problem: FriendlyError; /** True when the caller may not list (AccessDenied): free text is the way. */ accessDenied: boolean };

export type * from './preflight/types.js';

/**
 * What the pickers and the review screen's pre-flight list ask of the target account: read-only, plain values,
 * never throwing for a listing (a failure is a value). Built by `openAccountResources` (src/aws/account-resources.ts).
 */
export interface AccountResources {
  /** The target Region's KMS keys, usable ones first. */
  listKmsKeys(options?: { signal?: AbortSignal }): Promise<ResourceListing<KmsKeyChoice>>;
  /** The target Region's Lambda functions, by name. */
  listLambdaFunctions(options?: { signal?: AbortSignal }): Promise<ResourceListing<LambdaFunctionChoice>>;
  /** The pre-flight checks of a request, each result yielded as it finishes (see `plannedChecks` for the list up front). */
  preflight(request: CreateRequest, options?: { signal?: AbortSignal }): AsyncIterable<PreflightResult>;
  /** The whole report; `onResult` hears each result as it finishes. */
  preflightReport(request: CreateRequest, options?: { signal?: AbortSignal; onResult?: (result: PreflightResult) => void }): Promise<PreflightReport>;
  /**
   * An issuer's `.well-known/smart-configuration` (HTTPS, with the proxy and CA settings), e.g. to prefill the
   * SMART metadata builder. Never throws.
   */
  smartConfiguration(issuer: string, options?: { signal?: AbortSignal }): Promise<SmartConfigurationAnswer>;
  /** Releases the clients' connections. */
  close(): void;
}
