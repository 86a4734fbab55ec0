import { describe, expect, it } from 'vitest';
import { fieldNamedIn, formatFriendlyError, requiredActions, toFriendlyError } from '../../src/aws/errors.js';

const sdkError = (name: string, message: string, status: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });

describe('toFriendlyError', () => {
  it('missing credentials: 253 with the ways to configure them, and the sandbox', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const friendly = toFriendlyError(error, { profile: 'dev' });
    expect(friendly).toMatchObject({ code: 'NoCredentials', exitCode: 253, transient: false });
    expect(friendly.fix).toContain('aws configure --profile dev');
    expect(friendly.fix).toContain('aws sso login --profile dev');
    expect(friendly.fix).toContain('AWS_ACCESS_KEY_ID');
    expect(friendly.fix).toContain('--sandbox');
  });

  it('expired SSO token: 253, aws sso login', () => {
    const error = Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), { name: 'CredentialsProviderError' });
    expect(toFriendlyError(error, { profile: 'sso' })).toMatchObject({ code: 'SsoTokenExpired', exitCode: 253, fix: 'Sign in again: aws sso login --profile sso' });
    const token = Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login'), { name: 'TokenProviderError' });
    expect(toFriendlyError(token).code).toBe('SsoTokenExpired');
  });

  it('missing region: 253', () => {
    const friendly = toFriendlyError(new Error('Region is missing'));
    expect(friendly).toMatchObject({ code: 'NoRegion', exitCode: 253 });
    expect(friendly.fix).toContain('--region');
    expect(friendly.fix).toContain('AWS_REGION');
  });

  it('access denied: 254 naming the IAM actions, with KMS and tagging when the request needs them', () => {
    const plain = toFriendlyError(sdkError('AccessDeniedException', 'User is not authorized', 403), { request: { DatastoreTypeVersion: 'R4' } });
    expect(plain).toMatchObject({ code: 'AccessDenied', exitCode: 254 });
    expect(plain.fix).toContain('healthlake:CreateFHIRDatastore');
    expect(plain.fix).not.toContain('kms:');
    const cmk = toFriendlyError(sdkError('AccessDeniedException', 'denied', 403), {
      request: {
        DatastoreTypeVersion: 'R4',
        Tags: [{ Key: 'a', Value: 'b' }],
        SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/x' } },
      },
    });
    for (const action of ['healthlake:TagResource', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt']) {
      expect(cmk.fix).toContain(action);
    }
  });

  it('validation: 254, mapped back to the field the message names', () => {
    const friendly = toFriendlyError(sdkError('ValidationException', "1 validation error detected: Value 'x' at 'datastoreName' failed to satisfy constraint", 400));
    expect(friendly).toMatchObject({ code: 'Validation', exitCode: 254, field: 'DatastoreName' });
    const kms = toFriendlyError(sdkError('ValidationException', 'KmsKeyId must be given for CUSTOMER_MANAGED_KMS_KEY', 400));
    expect(kms.field).toBe('SseConfiguration.KmsEncryptionConfig.KmsKeyId');
    expect(toFriendlyError(sdkError('ValidationException', 'Something odd', 400)).field).toBeUndefined();
  });

  it('throttling and 5xx are transient', () => {
    expect(toFriendlyError(sdkError('ThrottlingException', 'Rate exceeded', 400))).toMatchObject({ code: 'Throttling', transient: true });
    expect(toFriendlyError(sdkError('InternalServerException', 'oops', 500, 'server'))).toMatchObject({ code: 'ServiceUnavailable', transient: true, exitCode: 254 });
    expect(toFriendlyError(sdkError('Unknown', 'bad gateway', 502, 'server')).transient).toBe(true);
  });

  it('unreachable endpoint: 255 naming the endpoint', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const friendly = toFriendlyError(error, { endpoint: 'http://127.0.0.1:9' });
    expect(friendly).toMatchObject({ code: 'EndpointUnreachable', exitCode: 255 });
    expect(friendly.message).toContain('http://127.0.0.1:9');
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND healthlake.nowhere'), { code: 'ENOTFOUND' });
    expect(toFriendlyError(dns, { region: 'xx-nowhere-1' }).message).toContain('https://healthlake.xx-nowhere-1.amazonaws.com');
  });

  it('TLS failures: 255 with --ca-bundle and --no-verify-ssl', () => {
    const error = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const friendly = toFriendlyError(error);
    expect(friendly).toMatchObject({ code: 'TlsFailure', exitCode: 255 });
    expect(friendly.fix).toContain('--ca-bundle');
    expect(friendly.fix).toContain('--no-verify-ssl');
  });

  it('time-outs: 255 with --cli-read-timeout', () => {
    const friendly = toFriendlyError(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }));
    expect(friendly).toMatchObject({ code: 'Timeout', exitCode: 255 });
    expect(friendly.fix).toContain('--cli-read-timeout');
  });

  it('never repeats a secret it was not given, and formats as message + fix', () => {
    const friendly = toFriendlyError(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }));
    expect(formatFriendlyError(friendly)).toMatch(/^healthlake-wizard: No AWS credentials found\.\n {2}Fix: /);
  });
});

describe('helpers', () => {
  it('requiredActions lists only what the request needs', () => {
    expect(requiredActions()).toEqual(['healthlake:CreateFHIRDatastore', 'healthlake:DescribeFHIRDatastore']);
  });
  it('fieldNamedIn maps nested names', () => {
    expect(fieldNamedIn('PreloadDataType is invalid')).toBe('PreloadDataConfig.PreloadDataType');
    expect(fieldNamedIn('Tags has too many items')).toBe('Tags');
    expect(fieldNamedIn('The KMS key is disabled')).toBeUndefined();
  });
});
