/**
 * STS GetCallerIdentity and AssumeRole on the AWS Query protocol (`POST /`, form-encoded `Action=...`, an XML
 * answer), so that the tool's target check, the tests and the sandbox show a real account line, and an
 * assume-role profile can be tried. The identity is the one of the access key that signed the request; the
 * credentials AssumeRole issues are accepted afterwards as that role's. Nothing is read from the network.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorCredentials } from './types.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** The STS API version the SDK sends. */
export const STS_VERSION = '2011-06-15';

/** True when a request is for STS (Query protocol) rather than HealthLake (JSON 1.0 with X-Amz-Target). */
export function isStsRequest(contentType: string, target: string): boolean {
  return target === '' && contentType === 'application/x-www-form-urlencoded';
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The identity STS reports for an access key: an IAM user (or, with a session token, an assumed role). */
export function callerIdentity(credentials: EmulatorCredentials, accountId: string): { Account: string; Arn: string; UserId: string } {
  const name = credentials.userName ?? 'sandbox';
  if (credentials.sessionToken !== undefined) {
    const session = credentials.sessionName ?? 'healthlake-wizard';
    return { Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/${name}/${session}`, UserId: `AROA${credentials.accessKeyId.slice(4)}:${session}` };
  }
  return { Account: accountId, Arn: `arn:aws:iam::${accountId}:user/${name}`, UserId: `AIDA${credentials.accessKeyId.slice(4)}` };
}

/** The XML body of a successful GetCallerIdentity. */
export function getCallerIdentityXml(identity: { Account: string; Arn: string; UserId: string }, requestId: string): string {
  const fields = (['Arn', 'UserId', 'Account'] as const).map((key) => `<${key}>${escapeXml(identity[key])}</${key}>`).join('');
  return `<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult>${fields}</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

/** An STS error body (Query protocol). */
export function stsErrorXml(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** The STS actions the emulator answers. */
export type StsAction = 'GetCallerIdentity' | 'AssumeRole';

/** The STS action a form body asks for, checked as STS checks it: the action, or the InvalidAction message. */
export function stsAction(body: string): { action: StsAction } | { invalid: string } {
  const form = new URLSearchParams(body);
  const action = form.get('Action') ?? '';
  if (action === 'GetCallerIdentity' || action === 'AssumeRole') return { action };
  return { invalid: action === '' ? 'Missing Action' : `Could not find operation ${action} for version ${form.get('Version') ?? STS_VERSION}` };
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** Temporary credentials for a role, as AssumeRole returns them; they expire after `DurationSeconds`. */
export interface AssumedRole {
  credentials: EmulatorCredentials;
  arn: string;
  expiration: Date;
}

/**
 * AssumeRole's answer for the form, or the ValidationError message STS gives. Any role of the emulator's
 * account may be assumed by any key it accepts: the emulator keeps no IAM policies.
 */
export function assumeRole(body: string, accountId: string, now: number): AssumedRole | { invalid: string } {
  const form = new URLSearchParams(body);
  const roleArn = form.get('RoleArn') ?? '';
  const sessionName = form.get('RoleSessionName') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  if (!match || match[1] !== accountId) return { invalid: `RoleArn must be a role of account ${accountId}, such as arn:aws:iam::${accountId}:role/NAME; got ${JSON.stringify(roleArn)}.` };
  if (!SESSION_NAME.test(sessionName)) return { invalid: `RoleSessionName must be 2 to 64 letters, digits or +=,.@_-; got ${JSON.stringify(sessionName)}.` };
  const seconds = Number(form.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43_200) return { invalid: `DurationSeconds must be a whole number from 900 to 43200; got ${JSON.stringify(form.get('DurationSeconds'))}.` };
  const credentials: EmulatorCredentials = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(48).toString('base64'),
    userName: match[2]!,
    sessionName,
  };
  return { credentials, arn: `arn:aws:sts::${accountId}:assumed-role/${match[2]}/${sessionName}`, expiration: new Date(now + seconds * 1000) };
}

/** The XML body of a successful AssumeRole. */
export function assumeRoleXml(assumed: AssumedRole, requestId: string): string {
  const { credentials } = assumed;
  const fields = [
    `<Credentials><AccessKeyId>${credentials.accessKeyId}</AccessKeyId><SecretAccessKey>${escapeXml(credentials.secretAccessKey)}</SecretAccessKey>`,
    `<SessionToken>${escapeXml(credentials.sessionToken ?? '')}</SessionToken><Expiration>${assumed.expiration.toISOString()}</Expiration></Credentials>`,
    `<AssumedRoleUser><AssumedRoleId>AROA${credentials.accessKeyId.slice(4)}:${escapeXml(credentials.sessionName ?? '')}</AssumedRoleId><Arn>${escapeXml(assumed.arn)}</Arn></AssumedRoleUser>`,
  ].join('');
  return `<AssumeRoleResponse xmlns="${XMLNS}"><AssumeRoleResult>${fields}</AssumeRoleResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}
