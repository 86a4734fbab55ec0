/**
 * AWS Lambda on its REST-JSON protocol (signed for service `lambda`): the read-only calls the pre-flight checks
 * and the function picker make: GetFunction (`GET /2015-03-31/functions/{name}`), ListFunctions
 * (`GET /2015-03-31/functions/`) and GetPolicy (`GET /2015-03-31/functions/{name}/policy`), over the functions
 * of the fixtures. Errors carry their type in `x-amzn-ErrorType`, as Lambda sends them.
 */
import { placePolicy, type FixtureFunction, type Fixtures, type PolicyDocument } from './fixtures.js';
import type { Caller } from './types.js';

/** The path prefix of the Lambda API version these calls belong to. */
export const LAMBDA_PATH_PREFIX = '/2015-03-31/functions';

/** A Lambda error: HTTP status, type (the `x-amzn-ErrorType` header) and message. */
export class LambdaError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  /** The JSON body Lambda sends. */
  body(): { Type: string; Message: string } {
    return { Type: 'User', Message: this.message };
  }
}

/** A function as the emulator keeps it. */
export interface EmulatedFunction extends FixtureFunction {
  arn: string;
  policy?: PolicyDocument;
}

type Body = Record<string, unknown>;

/** The operation a request is for (for counting), from its method and path. */
export function lambdaOperation(method: string, path: string): string {
  const rest = path.slice(LAMBDA_PATH_PREFIX.length).replace(/^\/+/, '');
  if (method !== 'GET') return `Lambda ${method}`;
  if (rest === '') return 'ListFunctions';
  return rest.endsWith('/policy') ? 'GetPolicy' : rest.includes('/') ? 'Lambda GET' : 'GetFunction';
}

/** The functions of the fixtures, in one account and Region. */
export class LambdaCatalog {
  readonly functions: EmulatedFunction[];
  private readonly deniedActions: readonly string[];

  constructor(
    fixtures: Fixtures,
    readonly region: string,
    readonly accountId: string,
  ) {
    this.functions = fixtures.lambdaFunctions.map((fn) => ({
      ...fn,
      arn: `arn:aws:lambda:${region}:${accountId}:function:${fn.name}`,
      ...(fn.policy ? { policy: placePolicy(fn.policy, accountId, region) } : {}),
    }));
    this.deniedActions = fixtures.accessDenied ?? [];
  }

  /**
   * The function a name, ARN or partial ARN (`ACCOUNT:function:NAME`) names, with or without a qualifier, in this
   * account and Region; undefined when none.
   */
  find(identifier: string): EmulatedFunction | undefined {
    const match = /^(?:arn:aws[a-z-]*:lambda:([a-z0-9-]+):)?(?:(\d{12}):function:)?([a-zA-Z0-9_-]+)(?::[a-zA-Z0-9$_-]+)?$/.exec(identifier);
    if (!match) return undefined;
    const [, region, account, name] = match;
    if ((region !== undefined && region !== this.region) || (account !== undefined && account !== this.accountId)) return undefined;
    return this.functions.find((fn) => fn.name === name);
  }

  /** Answers one request (`path` still URI-encoded); throws a LambdaError as Lambda answers it. */
  handle(method: string, path: string, query: URLSearchParams, caller: Caller): Body {
    const rest = path.slice(LAMBDA_PATH_PREFIX.length).replace(/^\/+/, '');
    if (method === 'GET' && rest === '') return this.list(query, caller);
    const [encodedName, sub, ...more] = rest.split('/');
    if (method !== 'GET' || more.length > 0 || (sub !== undefined && sub !== 'policy')) {
      throw new LambdaError(404, 'UnknownOperationException', `Unknown operation ${method} ${path}`);
    }
    const name = decodeURIComponent(encodedName ?? '');
    const fn = this.find(name);
    const shownArn = fn?.arn ?? (name.startsWith('arn:') ? name : `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}`);
    const action = sub === 'policy' ? 'lambda:GetPolicy' : 'lambda:GetFunction';
    this.allowed(action, caller, shownArn, fn);
    if (!fn) throw new LambdaError(404, 'ResourceNotFoundException', `Function not found: ${shownArn}`);
    if (sub === 'policy') {
      if (!fn.policy) throw new LambdaError(404, 'ResourceNotFoundException', 'The resource you requested does not exist.');
      return { Policy: JSON.stringify({ Id: 'default', ...fn.policy }), RevisionId: '00000000-0000-4000-8000-000000000000' };
    }
    return {
      Configuration: configuration(fn),
      Code: { RepositoryType: 'S3', Location: `https://awslambda-${this.region}-tasks.s3.${this.region}.amazonaws.com/snapshots/${this.accountId}/${fn.name}` },
    };
  }

  private list(query: URLSearchParams, caller: Caller): Body {
    this.allowed('lambda:ListFunctions', caller, '*');
    const maxItems = query.has('MaxItems') ? Number(query.get('MaxItems')) : 50;
    if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10000) {
      throw new LambdaError(400, 'InvalidParameterValueException', `1 validation error detected: Value '${query.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`);
    }
    const marker = query.get('Marker');
    const start = marker === null ? 0 : Number.parseInt(Buffer.from(marker, 'base64url').toString('utf8'), 10);
    if (!Number.isInteger(start) || start < 0) throw new LambdaError(400, 'InvalidParameterValueException', 'Invalid Marker');
    const end = start + maxItems;
    return {
      Functions: this.functions.slice(start, end).map(configuration),
      ...(end < this.functions.length ? { NextMarker: Buffer.from(String(end)).toString('base64url') } : {}),
    };
  }

  private allowed(action: string, caller: Caller, resource: string, fn?: EmulatedFunction): void {
    // The emulator has no IAM policies: every call is allowed except those the fixtures deny.
    if (this.deniedActions.includes(action) || fn?.accessDenied?.includes(action)) {
      throw new LambdaError(403, 'AccessDeniedException', `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`);
    }
  }
}

function configuration(fn: EmulatedFunction): Body {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.runtime ?? 'nodejs20.x',
    Role: `arn:aws:iam::${fn.arn.split(':')[4]}:role/${fn.name}-role`,
    Handler: 'index.handler',
    CodeSize: 1024,
    Description: fn.description ?? '',
    Timeout: 3,
    MemorySize: 128,
    LastModified: '2026-01-01T00:00:00.000+0000',
    CodeSha256: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    Version: '$LATEST',
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
}
