/** The emulator's public contract: options, the running handle, data stores as kept, and fault controls. */
import type { DatastoreStatus } from '../domain-types.js';
import type { Fixtures } from './fixtures.js';

/** A key pair (and optional session token) the emulator accepts for SigV4. */
export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry exactly this `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** The IAM user (or, with a session token, role) STS GetCallerIdentity names for this key; default `sandbox`. */
  userName?: string;
  /** With a session token: the role session GetCallerIdentity names; default `healthlake-wizard`. */
  sessionName?: string;
}

/** Who signed a request: the ARN STS GetCallerIdentity reports for its key, and the account. */
export interface Caller {
  arn: string;
  accountId: string;
}

/** The operations the emulator serves (the `X-Amz-Target` suffixes). */
export type OperationName =
  | 'CreateFHIRDatastore'
  | 'DescribeFHIRDatastore'
  | 'ListFHIRDatastores'
  | 'DeleteFHIRDatastore'
  | 'ListTagsForResource'
  | 'TagResource'
  | 'UntagResource';

/** Kinds of injected faults. */
export type FaultKind = 'throttle' | 'error' | 'reset' | 'lose-create-response';

/** A count-based fault: the next `count` requests (of one operation, or any) get this fault. */
export interface ScheduledFault {
  kind: FaultKind;
  count: number;
  /** Only requests for this operation; any operation when absent. */
  operation?: OperationName;
}

/** Fault settings; rates are probabilities in 0..1 drawn from a seeded generator. */
export interface FaultOptions {
  /** Probability of a ThrottlingException (HTTP 400). */
  throttleRate?: number;
  /** Probability of an InternalServerException (HTTP 500). */
  errorRate?: number;
  /** Probability of a connection reset (the socket is destroyed without an answer). */
  resetRate?: number;
  /** Added latency before each answer, in milliseconds. */
  latencyMs?: number;
  /** The next N successful CreateFHIRDatastore calls create the data store, then drop the connection. */
  loseCreateResponse?: number;
  /** Seed of the generator behind the rates, for repeatable runs. */
  seed?: number;
  /** Count-based faults, consumed in order. */
  schedule?: ScheduledFault[];
}

/** Changes faults while the emulator runs. */
export interface FaultController {
  /** Merges new settings into the current ones (a `schedule` given here is appended). */
  set(options: FaultOptions): void;
  /** Faults the next `count` requests (of `operation`, or any). */
  schedule(kind: FaultKind, count: number, operation?: OperationName): void;
  /** Removes every fault: rates 0, no latency, empty schedule. */
  clear(): void;
  /** The current settings (a copy). */
  current(): Required<Omit<FaultOptions, 'seed'>>;
  /** How many faults of each kind were injected so far. */
  readonly injected: Record<FaultKind, number>;
}

/** A data store as the emulator keeps it. */
export interface EmulatedDatastore {
  id: string;
  arn: string;
  name?: string;
  status: DatastoreStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  endpoint: string;
  /** When CREATING ends (epoch ms); it ends in ACTIVE, or CREATE_FAILED when `errorCause` is set. */
  settlesAt: number;
  /** When DELETING ends in DELETED (epoch ms), once deletion started. */
  deletedAt?: number;
  errorCause?: { ErrorMessage: string; ErrorCategory: 'RETRYABLE_ERROR' | 'NON_RETRYABLE_ERROR' };
  tags: { Key: string; Value: string }[];
  clientToken?: string;
  /** The CreateFHIRDatastore request body exactly as received (parsed JSON). */
  request: Record<string, unknown>;
}

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** The emulated region; requests must be signed for it. Default `us-east-1`. */
  region?: string;
  /** Default 123456789012. */
  accountId?: string;
  /** Accepted credentials; default the sandbox pair. */
  credentials?: EmulatorCredentials[];
  /** CREATING -> ACTIVE after this many ms. Default 3000. */
  createDelayMs?: number;
  /** DELETING -> DELETED after this many ms. Default 3000. */
  deleteDelayMs?: number;
  /**
   * Load data stores from this JSON file on start and save every change to it (atomically, under a lock, so
   * that emulators in several processes can share it). A link, a FIFO or any non-regular file is refused.
   */
  statePath?: string;
  faults?: FaultOptions;
  /**
   * The KMS keys and Lambda functions KMS and Lambda calls see, and the creation rules use (docs/emulator.md);
   * default: the sandbox's set (`DEFAULT_FIXTURES`).
   */
  fixtures?: Fixtures;
  /** Read the fixtures from this JSON file (`--fixtures FILE`); a bad file throws a FixturesError. */
  fixturesPath?: string;
  /** Check SigV4 signatures (default true). */
  verifySignatures?: boolean;
  /** The clock (epoch ms); drives transitions, CreatedAt and the signature date check. */
  now?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: give it to the SDK as `endpoint` or to the AWS CLI as `--endpoint-url`. */
  url: string;
  port: number;
  region: string;
  accountId: string;
  /** Closes the server and every open socket. */
  stop(): Promise<void>;
  faults: FaultController;
  /** Every data store (DELETED ones included), with the request body each was created from. */
  datastores(): EmulatedDatastore[];
  /** Requests received per operation (by `X-Amz-Target` suffix, unknown ones included), live. */
  requests: Record<string, number>;
  /** What the start found and worked around, one message each: state-file entries left out, and why. */
  notices: readonly string[];
}
