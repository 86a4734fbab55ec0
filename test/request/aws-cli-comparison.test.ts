/**
 * The same argument lists given to `aws healthlake create-fhir-datastore` and to our parser must yield the same
 * request body. The expected bodies are worked out from the AWS CLI's documented behaviour (shorthand syntax
 * page, awscli/shorthand.py and its BackCompatVisitor, argprocess's JSON detection, paramfile loading, argparse's
 * last-wins for repeated flags and nargs='+' for lists), not from our implementation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';

const dir = mkdtempSync(join(tmpdir(), 'hlw-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const metadataFile = join(dir, 'smart.json');
writeFileSync(metadataFile, '{"authorization_endpoint": "https://auth.example.com/authorize"}\n');
const ARN = 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder';

const TABLE: { what: string; argv: string[]; body: Record<string, unknown> }[] = [
  {
    what: 'the AWS CLI reference example (a repeated flag keeps its last value; --region is not part of the body)',
    argv: ['--region', 'us-east-1', '--datastore-type-version', 'R4', '--datastore-type-version', 'R4', '--datastore-name', 'FhirTestDatastore'],
    body: { DatastoreTypeVersion: 'R4', DatastoreName: 'FhirTestDatastore' },
  },
  {
    what: 'nested shorthand',
    argv: ['--datastore-type-version', 'R4', '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/healthlake}'],
    body: { DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/healthlake' } } },
  },
  {
    what: 'whitespace around = , { } is ignored',
    argv: ['--sse-configuration', 'KmsEncryptionConfig = { CmkType = AWS_OWNED_KMS_KEY }'],
    body: { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } },
  },
  {
    what: 'JSON for a structure, leading whitespace allowed',
    argv: ['--sse-configuration', '  {"KmsEncryptionConfig": {"CmkType": "AWS_OWNED_KMS_KEY"}}'],
    body: { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } },
  },
  {
    what: 'flat shorthand',
    argv: ['--preload-data-config', 'PreloadDataType=SYNTHEA'],
    body: { PreloadDataConfig: { PreloadDataType: 'SYNTHEA' } },
  },
  {
    what: 'tags: several shorthand items, an empty value',
    argv: ['--tags', 'Key=team,Value=data', 'Key=env,Value='],
    body: { Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: '' }] },
  },
  {
    what: 'tags: one item is still a list',
    argv: ['--tags', 'Key=a,Value=b'],
    body: { Tags: [{ Key: 'a', Value: 'b' }] },
  },
  {
    what: 'tags: a JSON list',
    argv: ['--tags', '[{"Key":"a","Value":"b"},{"Key":"c","Value":"d"}]'],
    body: { Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] },
  },
  {
    what: 'tags: one JSON object per argument',
    argv: ['--tags', '{"Key":"a","Value":"b"}', '{"Key":"c","Value":"d"}'],
    body: { Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] },
  },
  {
    what: 'escaped comma and quoted values',
    argv: ['--tags', 'Key=a,Value=x\\,y', "Key=b,Value='hello, world'", 'Key=c,Value="say \\"hi\\""'],
    body: { Tags: [{ Key: 'a', Value: 'x,y' }, { Key: 'b', Value: 'hello, world' }, { Key: 'c', Value: 'say "hi"' }] },
  },
  {
    what: 'an implicit list where a string is expected (the service would reject it; the body is the same)',
    argv: ['--tags', 'Key=a,Value=b,c'],
    body: { Tags: [{ Key: 'a', Value: ['b', 'c'] }] },
  },
  {
    what: 'booleans from shorthand, case-insensitive; Metadata quoted JSON stays a string',
    argv: ['--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=True,IdpLambdaArn=${ARN},Metadata='{"issuer":"https://auth.example.com"}'`],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true, IdpLambdaArn: ARN, Metadata: '{"issuer":"https://auth.example.com"}' } },
  },
  {
    what: 'a boolean that is neither true nor false stays a string (for validation to reject)',
    argv: ['--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH,FineGrainedAuthorizationEnabled=yes'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: 'yes' } },
  },
  {
    what: 'JSON booleans are taken as they are',
    argv: ['--identity-provider-configuration', '{"AuthorizationStrategy":"AWS_AUTH","FineGrainedAuthorizationEnabled":false}'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: false } },
  },
  {
    what: 'Metadata@=file:// loads the file verbatim',
    argv: ['--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR_V1,Metadata@=file://${metadataFile}`],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR_V1', Metadata: '{"authorization_endpoint": "https://auth.example.com/authorize"}\n' } },
  },
  {
    what: 'an unquoted {...} after Metadata= is a structure, not a string (the service would reject it)',
    argv: ['--identity-provider-configuration', 'AuthorizationStrategy=SMART_ON_FHIR,Metadata={a=b}'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: { a: 'b' } } },
  },
  {
    what: '--cli-input-json with a flag that replaces a whole key',
    argv: ['--cli-input-json', '{"DatastoreTypeVersion":"R4","DatastoreName":"from-json","Tags":[{"Key":"a","Value":"1"}]}', '--datastore-name', 'from-flag'],
    body: { DatastoreTypeVersion: 'R4', DatastoreName: 'from-flag', Tags: [{ Key: 'a', Value: '1' }] },
  },
  {
    what: 'scalars verbatim, including characters the shorthand would treat specially',
    argv: ['--datastore-name', 'a=b,c {d}', '--client-token', 'abc-123'],
    body: { DatastoreName: 'a=b,c {d}', ClientToken: 'abc-123' },
  },
];

describe('the same argv gives the AWS CLI\'s request body', () => {
  it.each(TABLE)('$what', ({ argv, body }) => {
    expect(parseCreateArgs(argv).request).toStrictEqual(body);
  });
});
