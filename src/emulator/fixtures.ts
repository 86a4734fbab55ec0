/**
 * The KMS keys and Lambda functions the emulator answers for (`--fixtures FILE`, or the sandbox's default set):
 * a documented JSON format (docs/emulator.md), checked on load so that a mistake names the entry and the field.
 * `${AccountId}` and `${Region}` in a policy are replaced by the emulator's, so one file serves any account.
 */
import { readFileSync } from 'node:fs';

/** An IAM policy document as written in a fixture (a key policy or a function's resource policy). */
export type PolicyDocument = { Version?: string; Statement: PolicyStatement[] | PolicyStatement };

/** One statement; only the members the emulator evaluates are typed. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** A grant on a key: who may do which operations. */
export interface FixtureGrant {
  grantId?: string;
  name?: string;
  granteePrincipal: string;
  operations: string[];
}

/** A KMS key of the fixtures. */
export interface FixtureKey {
  keyId: string;
  aliases?: string[];
  description?: string;
  /** KMS KeyState; default Enabled. */
  keyState?: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'Unavailable' | 'Creating' | 'Updating' | 'PendingReplicaDeletion';
  /** Default SYMMETRIC_DEFAULT. */
  keySpec?: string;
  /** Default ENCRYPT_DECRYPT. */
  keyUsage?: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
  /** Default CUSTOMER. */
  keyManager?: 'CUSTOMER' | 'AWS';
  /** Default: the key policy KMS gives a new key (the account's IAM policies decide). */
  policy?: PolicyDocument;
  grants?: FixtureGrant[];
  /** IAM actions answered AccessDeniedException for this key, e.g. `kms:GetKeyPolicy`. */
  accessDenied?: string[];
}

/** A Lambda function of the fixtures. */
export interface FixtureFunction {
  name: string;
  /** Default nodejs20.x. */
  runtime?: string;
  description?: string;
  /** The resource-based policy; absent: the function has none (GetPolicy answers ResourceNotFoundException). */
  policy?: PolicyDocument;
  /** IAM actions answered AccessDeniedException for this function, e.g. `lambda:GetPolicy`. */
  accessDenied?: string[];
}

/** The whole fixture file. */
export interface Fixtures {
  kmsKeys: FixtureKey[];
  lambdaFunctions: FixtureFunction[];
  /** Account-wide IAM actions answered AccessDeniedException: `kms:ListKeys`, `kms:ListAliases`, `lambda:ListFunctions`. */
  accessDenied?: string[];
}

/** A fixture file that cannot be used: names the file, the entry and the field. */
export class FixturesError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'FixturesError';
  }
}

const KEY_STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating', 'PendingReplicaDeletion'];
const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function problem(where: string, field: string, rule: string, value: unknown): string {
  return `${where}: ${field} must be ${rule}; got ${JSON.stringify(value) ?? String(value)}`;
}

function policyProblem(where: string, policy: unknown): string | undefined {
  if (policy === undefined) return undefined;
  if (!isObject(policy)) return problem(where, 'policy', 'a policy document (an object with Statement)', policy);
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  for (const [index, statement] of statements.entries()) {
    if (!isObject(statement) || (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')) {
      return problem(where, `policy.Statement[${index}]`, 'an object with Effect Allow or Deny', statement);
    }
  }
  return undefined;
}

function keyProblem(key: unknown, index: number): string | undefined {
  const where = `kmsKeys[${index}]`;
  if (!isObject(key)) return problem(where, 'the entry', 'an object', key);
  if (typeof key.keyId !== 'string' || !/^[a-zA-Z0-9-]{1,64}$/.test(key.keyId)) return problem(where, 'keyId', 'a key id such as 1234abcd-12ab-34cd-56ef-1234567890ab', key.keyId);
  if (key.aliases !== undefined && !(isStringList(key.aliases) && key.aliases.every((alias) => /^alias\/[a-zA-Z0-9/_-]+$/.test(alias) && !alias.startsWith('alias/aws/')))) {
    return problem(where, 'aliases', 'a list of names like alias/my-key (not alias/aws/...)', key.aliases);
  }
  if (key.keyState !== undefined && !KEY_STATES.includes(key.keyState as string)) return problem(where, 'keyState', `one of ${KEY_STATES.join(', ')}`, key.keyState);
  if (key.keyUsage !== undefined && !KEY_USAGES.includes(key.keyUsage as string)) return problem(where, 'keyUsage', `one of ${KEY_USAGES.join(', ')}`, key.keyUsage);
  if (key.keySpec !== undefined && typeof key.keySpec !== 'string') return problem(where, 'keySpec', 'a KMS key spec such as SYMMETRIC_DEFAULT', key.keySpec);
  if (key.keyManager !== undefined && key.keyManager !== 'CUSTOMER' && key.keyManager !== 'AWS') return problem(where, 'keyManager', 'CUSTOMER or AWS', key.keyManager);
  if (key.description !== undefined && typeof key.description !== 'string') return problem(where, 'description', 'a string', key.description);
  if (key.grants !== undefined && !(Array.isArray(key.grants) && key.grants.every((grant) => isObject(grant) && typeof grant.granteePrincipal === 'string' && isStringList(grant.operations)))) {
    return problem(where, 'grants', 'a list of {granteePrincipal: string, operations: [string]}', key.grants);
  }
  if (key.accessDenied !== undefined && !isStringList(key.accessDenied)) return problem(where, 'accessDenied', 'a list of IAM actions such as kms:GetKeyPolicy', key.accessDenied);
  return policyProblem(where, key.policy);
}

function functionProblem(fn: unknown, index: number): string | undefined {
  const where = `lambdaFunctions[${index}]`;
  if (!isObject(fn)) return problem(where, 'the entry', 'an object', fn);
  if (typeof fn.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) return problem(where, 'name', 'a function name of 1 to 64 letters, digits, - or _', fn.name);
  for (const field of ['runtime', 'description'] as const) {
    if (fn[field] !== undefined && typeof fn[field] !== 'string') return problem(where, field, 'a string', fn[field]);
  }
  if (fn.accessDenied !== undefined && !isStringList(fn.accessDenied)) return problem(where, 'accessDenied', 'a list of IAM actions such as lambda:GetPolicy', fn.accessDenied);
  return policyProblem(where, fn.policy);
}

/** Checks a parsed fixture document; throws a FixturesError naming the first problem (`source` names the file). */
export function checkFixtures(document: unknown, source: string): Fixtures {
  const fail = (message: string): never => {
    throw new FixturesError(`${source}: ${message}.`, 'Correct the fixture file (its format is in docs/emulator.md), or leave --fixtures out for the default set.');
  };
  if (!isObject(document)) return fail(problem('the file', 'its content', 'a JSON object with kmsKeys and lambdaFunctions', document));
  const known = ['kmsKeys', 'lambdaFunctions', 'accessDenied', '$comment'];
  const unknown = Object.keys(document).find((key) => !known.includes(key));
  if (unknown !== undefined) fail(`the member ${JSON.stringify(unknown)} is not part of the format (known: kmsKeys, lambdaFunctions, accessDenied)`);
  const keys = document.kmsKeys ?? [];
  const functions = document.lambdaFunctions ?? [];
  if (!Array.isArray(keys)) fail(problem('the file', 'kmsKeys', 'a list', keys));
  if (!Array.isArray(functions)) fail(problem('the file', 'lambdaFunctions', 'a list', functions));
  if (document.accessDenied !== undefined && !isStringList(document.accessDenied)) fail(problem('the file', 'accessDenied', 'a list of IAM actions', document.accessDenied));
  (keys as unknown[]).forEach((key, index) => {
    const found = keyProblem(key, index);
    if (found) fail(found);
  });
  (functions as unknown[]).forEach((fn, index) => {
    const found = functionProblem(fn, index);
    if (found) fail(found);
  });
  const aliases = (keys as FixtureKey[]).flatMap((key) => key.aliases ?? []);
  const twice = aliases.find((alias, index) => aliases.indexOf(alias) !== index);
  if (twice !== undefined) fail(`the alias ${twice} names two keys; an alias names one key`);
  return { kmsKeys: keys as FixtureKey[], lambdaFunctions: functions as FixtureFunction[], ...(document.accessDenied ? { accessDenied: document.accessDenied as string[] } : {}) };
}

/** Reads and checks a fixture file. */
export function loadFixtures(path: string): Fixtures {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixturesError(`Cannot read the fixture file ${path}: ${(error as Error).message}`, 'Give a readable JSON file with --fixtures FILE.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FixturesError(`${path} is not JSON: ${(error as Error).message}`, 'Correct the JSON (its format is in docs/emulator.md).');
  }
  return checkFixtures(parsed, path);
}

/** Replaces `${AccountId}` and `${Region}` in every string of a policy. */
export function placePolicy(policy: PolicyDocument, accountId: string, region: string): PolicyDocument {
  return JSON.parse(JSON.stringify(policy).replaceAll('${AccountId}', accountId).replaceAll('${Region}', region)) as PolicyDocument;
}

/** The key policy KMS gives a key created without one: the account's IAM policies decide. */
export const DEFAULT_KEY_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::${AccountId}:root' }, Action: 'kms:*', Resource: '*' }],
};
