/**
 * Errors as HealthLake answers them on the JSON 1.0 protocol: `{"__type": "<shape>", "message": "..."}` with the
 * service's HTTP status. The SDK maps `__type` to its modeled exception class (ValidationException, ...).
 */

/** HTTP status the service uses for each error type. */
const STATUS: Record<string, number> = {
  ValidationException: 400,
  ResourceNotFoundException: 400,
  ConflictException: 400,
  ThrottlingException: 400,
  AccessDeniedException: 400,
  SerializationException: 400,
  UnknownOperationException: 400,
  InternalServerException: 500,
  InternalFailure: 500,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
};

/** An error answer; thrown by the handlers and written by the server. */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.status = STATUS[type] ?? 400;
  }

  /** The JSON body the service sends. */
  body(): { __type: string; message: string } {
    return { __type: this.type, message: this.message };
  }
}

/** A ValidationException naming the field and the broken rule. */
export function validationError(problems: readonly string[]): ServiceError {
  const count = problems.length;
  return new ServiceError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
  );
}
