/** Failures of the local store that are not bad input: a lock held too long, a file from a newer version. */

/** The local store cannot be used as asked; exits 253 (the AWS CLI's code for unusable configuration). */
export class StoreError extends Error {
  readonly exitCode = 253;
  constructor(
    message: string,
    /** What to do about it. */
    readonly fix: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A StoreError as the commands print it: the message and a `Fix:` line, as `formatIssue` does for input. */
export function formatStoreError(error: StoreError): string {
  return `${error.message}\n  Fix: ${error.fix}`;
}
