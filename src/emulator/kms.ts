/**
 * AWS KMS on its JSON 1.1 protocol (`POST /`, `X-Amz-Target: TrentService.<Operation>`,
 * `application/x-amz-json-1.1`, signed for service `kms`): the read-only calls the pre-flight checks and the key
 * picker make (DescribeKey, ListKeys, ListAliases, GetKeyPolicy, ListGrants), over the keys of the fixtures.
 * Each call on a key is allowed by the key's policy as KMS does it (see access-policy.ts).
 */
import { policyAllows } from './access-policy.js';
import { DEFAULT_KEY_POLICY, placePolicy, type Fixtures, type FixtureKey, type PolicyDocument } from './fixtures.js';
import { ServiceError } from './service-error.js';
import type { Caller } from './types.js';

/** The X-Amz-Target prefix of KMS. */
export const KMS_TARGET_PREFIX = 'TrentService.';


/** A key as the emulator keeps it: the fixture with its ARN, placed policy and creation time. */
export interface EmulatedKey extends FixtureKey {
  arn: string;
  policy: PolicyDocument;
  createdAt: number;
}

type Body = Record<string, unknown>;

const FIXED_CREATION = Date.UTC(2026, 0, 1) / 1000;

function pageOf<T>(items: readonly T[], body: Body, max: number): { page: T[]; next?: string } {
  const limit = body.Limit === undefined ? 100 : Number(body.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ServiceError('ValidationException', `1 validation error detected: Value '${String(body.Limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  const start = typeof body.Marker === 'string' ? Number.parseInt(Buffer.from(body.Marker, 'base64url').toString('utf8'), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw new ServiceError('InvalidMarkerException', 'Invalid marker');
  const end = start + limit;
  return { page: items.slice(start, end), ...(end < items.length ? { next: Buffer.from(String(end)).toString('base64url') } : {}) };
}

/** The keys of the fixtures, in one account and Region. */
export class KmsCatalog {
  readonly keys: EmulatedKey[];
  private readonly deniedActions: readonly string[];

  constructor(
    fixtures: Fixtures,
    readonly region: string,
    readonly accountId: string,
  ) {
    this.keys = fixtures.kmsKeys.map((key) => ({
      ...key,
      arn: `arn:aws:kms:${region}:${accountId}:key/${key.keyId}`,
      policy: placePolicy(key.policy ?? DEFAULT_KEY_POLICY, accountId, region),
      createdAt: FIXED_CREATION,
    }));
    this.deniedActions = fixtures.accessDenied ?? [];
  }

  /** The key a key id, key ARN, alias name or alias ARN names in this account and Region; undefined when none. */
  find(identifier: string): EmulatedKey | undefined {
    const prefix = `arn:aws:kms:${this.region}:${this.accountId}:`;
    const local = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : identifier.startsWith('arn:') ? undefined : identifier;
    if (local === undefined) return undefined;
    if (local.startsWith('alias/')) return this.keys.find((key) => key.aliases?.includes(local));
    const id = local.startsWith('key/') ? local.slice(4) : identifier.startsWith('arn:') ? undefined : local;
    return id === undefined ? undefined : this.keys.find((key) => key.keyId === id);
  }

  /** Handles one operation; throws a ServiceError as KMS answers it. */
  handle(operation: string, body: Body, caller: Caller): Body {
    switch (operation) {
      case 'DescribeKey': {
        const key = this.readableKey(body, caller, 'kms:DescribeKey', true);
        return { KeyMetadata: keyMetadata(key, this.accountId) };
      }
      case 'GetKeyPolicy': {
        const key = this.readableKey(body, caller, 'kms:GetKeyPolicy', false);
        const name = body.PolicyName ?? 'default';
        if (name !== 'default') throw new ServiceError('NotFoundException', `No such policy exists: ${typeof name === 'string' ? name : JSON.stringify(name)}`);
        return { Policy: JSON.stringify(key.policy, null, 2), PolicyName: 'default' };
      }
      case 'ListGrants': {
        const key = this.readableKey(body, caller, 'kms:ListGrants', false);
        const grants = (key.grants ?? []).map((grant, index) => ({
          KeyId: key.arn,
          GrantId: grant.grantId ?? `${key.keyId.replaceAll('-', '')}${String(index).padStart(4, '0')}`,
          ...(grant.name ? { Name: grant.name } : {}),
          CreationDate: key.createdAt,
          GranteePrincipal: grant.granteePrincipal,
          IssuingAccount: `arn:aws:iam::${this.accountId}:root`,
          Operations: grant.operations,
        }));
        const { page, next } = pageOf(grants, body, 100);
        return { Grants: page, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) };
      }
      case 'ListKeys': {
        this.allowed('kms:ListKeys', caller, `arn:aws:kms:${this.region}:${this.accountId}:key/*`);
        const { page, next } = pageOf(this.keys.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })), body, 1000);
        return { Keys: page, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) };
      }
      case 'ListAliases': {
        this.allowed('kms:ListAliases', caller, `arn:aws:kms:${this.region}:${this.accountId}:alias/*`);
        let keys = this.keys;
        if (body.KeyId !== undefined) {
          // The JSON body is not checked against the model: a key id that is no string names no key.
          const keyId = typeof body.KeyId === 'string' ? body.KeyId : JSON.stringify(body.KeyId);
          const key = this.find(keyId);
          if (!key) throw notFound(keyId, this);
          keys = [key];
        }
        const aliases = keys.flatMap((key) =>
          (key.aliases ?? []).map((alias) => ({ AliasName: alias, AliasArn: `arn:aws:kms:${this.region}:${this.accountId}:${alias}`, TargetKeyId: key.keyId, CreationDate: key.createdAt, LastUpdatedDate: key.createdAt })),
        );
        aliases.sort((a, b) => (a.AliasName < b.AliasName ? -1 : 1));
        const { page, next } = pageOf(aliases, body, 100);
        return { Aliases: page, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) };
      }
      default:
        throw new ServiceError('UnknownOperationException', `Unknown operation ${JSON.stringify(`${KMS_TARGET_PREFIX}${operation}`)}.`);
    }
  }

  private allowed(action: string, caller: Caller, resource: string, key?: EmulatedKey): void {
    const denied = this.deniedActions.includes(action) || key?.accessDenied?.includes(action) === true;
    const byPolicy = key === undefined || policyAllows(key.policy, { principal: caller, action, resource, context: { 'kms:calleraccount': caller.accountId } });
    if (denied || !byPolicy) {
      throw new ServiceError(
        'AccessDeniedException',
        `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} because no ${key ? 'resource-based' : 'identity-based'} policy allows the ${action} action`,
      );
    }
  }

  /** The key named by `KeyId`, when the caller may do `action` on it. GetKeyPolicy and ListGrants take no alias. */
  private readableKey(body: Body, caller: Caller, action: string, aliasAllowed: boolean): EmulatedKey {
    const identifier = body.KeyId;
    if (typeof identifier !== 'string' || identifier === '') {
      throw new ServiceError('ValidationException', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }
    if (!aliasAllowed && /(^|:)alias\//.test(identifier)) {
      throw new ServiceError('NotFoundException', `Invalid keyId ${identifier}`);
    }
    const key = this.find(identifier);
    if (!key) throw notFound(identifier, this);
    this.allowed(action, caller, key.arn, key);
    return key;
  }
}

function notFound(identifier: string, catalog: KmsCatalog): ServiceError {
  const alias = /(^|:)(alias\/.*)$/.exec(identifier)?.[2];
  if (alias) return new ServiceError('NotFoundException', `Alias arn:aws:kms:${catalog.region}:${catalog.accountId}:${alias} is not found.`);
  const arn = identifier.startsWith('arn:') ? identifier : `arn:aws:kms:${catalog.region}:${catalog.accountId}:key/${identifier}`;
  return new ServiceError('NotFoundException', `Key '${arn}' does not exist`);
}

/** DescribeKey's KeyMetadata, as KMS sends it (dates in epoch seconds). */
function keyMetadata(key: EmulatedKey, accountId: string): Body {
  const spec = key.keySpec ?? 'SYMMETRIC_DEFAULT';
  const usage = key.keyUsage ?? 'ENCRYPT_DECRYPT';
  const state = key.keyState ?? 'Enabled';
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt,
    Enabled: state === 'Enabled',
    Description: key.description ?? '',
    KeyUsage: usage,
    KeyState: state,
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager ?? 'CUSTOMER',
    CustomerMasterKeySpec: spec,
    KeySpec: spec,
    ...(usage === 'ENCRYPT_DECRYPT' ? { EncryptionAlgorithms: spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] } : {}),
    ...(usage === 'SIGN_VERIFY' ? { SigningAlgorithms: ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'] } : {}),
    MultiRegion: false,
  };
}
