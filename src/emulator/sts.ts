/**
 * STS GetCallerIdentity on the AWS Query protocol (`POST /`, form-encoded `Action=GetCallerIdentity`, an XML
 * answer), so that the tool's target check, the tests and the sandbox show a real account line. The identity is
 * the one of the access key that signed the request: nothing is read from the network.
 */
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
    return { Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/${name}/healthlake-wizard`, UserId: `AROA${credentials.accessKeyId.slice(4)}:healthlake-wizard` };
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

/** The STS action a form body asks for, checked as STS checks it; undefined when it is GetCallerIdentity. */
export function unsupportedStsAction(body: string): string | undefined {
  const form = new URLSearchParams(body);
  const action = form.get('Action') ?? '';
  if (action === 'GetCallerIdentity') return undefined;
  return action === '' ? 'Missing Action' : `Could not find operation ${action} for version ${form.get('Version') ?? STS_VERSION}`;
}
