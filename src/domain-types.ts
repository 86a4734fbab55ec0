/**
 * The types that both the AWS side (src/aws) and the local store (src/store) speak of: a data store's status,
 * where requests go, and a submission whose response is not recorded yet. They live here, below both, so that
 * neither folder imports the other's contract (and the emulator needs neither). Type-only: importing this file
 * loads nothing.
 */
import type { CreateRequest } from './request/types.js';

/** A data store's status, as DescribeFHIRDatastore reports it. */
export type DatastoreStatus = 'CREATING' | 'ACTIVE' | 'DELETING' | 'DELETED' | 'CREATE_FAILED';

/** Where requests go, as resolved from flags, environment and config. */
export interface Target {
  region: string;
  /** The AWS credential profile, when one is in use. */
  profile?: string;
  /** An endpoint override (the emulator's URL in the sandbox). */
  endpoint?: string;
  sandbox: boolean;
}

/** A submission sent (or about to be) whose response has not been recorded yet. */
export interface PendingSubmission {
  clientToken: string;
  request: CreateRequest;
  target: Target;
  startedAt: string;
}

/** ListFHIRDatastores' input: the AWS CLI's `--filter`, `--max-results` and `--next-token`. */
export interface ListDatastoresInput {
  Filter?: { DatastoreName?: string; DatastoreStatus?: DatastoreStatus; CreatedBefore?: Date; CreatedAfter?: Date };
  MaxResults?: number;
  NextToken?: string;
}
