import { describe, expect, it } from 'vitest';
import type { DatastoreProperties, StatusEvent } from '../../src/aws/types.js';
import { outcomeLines } from '../../src/plain/plain-outcome.js';

const properties = (status: DatastoreProperties['DatastoreStatus'], extra: Partial<DatastoreProperties> = {}): DatastoreProperties => ({
  DatastoreId: 'abc123',
  DatastoreArn: 'arn:aws:healthlake:eu-west-1:123456789012:datastore/fhir/abc123',
  DatastoreStatus: status,
  DatastoreTypeVersion: 'R4',
  DatastoreEndpoint: 'https://healthlake.eu-west-1.amazonaws.com/datastore/abc123/r4/',
  ...extra,
});
const done = (outcome: 'active' | 'failed', props: DatastoreProperties): Extract<StatusEvent, { type: 'done' }> => ({ type: 'done', outcome, properties: props, at: new Date(0) });

describe('what the plain mode says when the watch ends', () => {
  it('on AWS: the endpoint and commands that name the region and profile it was created with', () => {
    const lines = outcomeLines(done('active', properties('ACTIVE')), { DatastoreTypeVersion: 'R4' }, { region: 'eu-west-1', profile: 'dev', sandbox: false });
    expect(lines).toContain('FHIR endpoint: https://healthlake.eu-west-1.amazonaws.com/datastore/abc123/r4/');
    expect(lines).toContain('  Import FHIR data from S3: aws healthlake start-fhir-import-job --region eu-west-1 --profile dev --datastore-id abc123 ...');
    expect(lines).toContain('  It is billed per hour while it exists; delete it when done: healthlake-wizard delete abc123');
  });

  it('in the sandbox: no AWS command, which would not find it', () => {
    const lines = outcomeLines(done('active', properties('ACTIVE')), { DatastoreTypeVersion: 'R4' }, { region: 'us-east-1', sandbox: true, endpoint: 'http://127.0.0.1:1' });
    expect(lines.join('\n')).not.toContain('aws healthlake');
    expect(lines).toContain('  See it again: healthlake-wizard status abc123');
    expect(lines).toContain('  Delete it when done: healthlake-wizard delete abc123');
  });

  it('on CREATE_FAILED: KMS advice only when a customer managed key was used', () => {
    const failed = done('failed', properties('CREATE_FAILED', { ErrorCause: { ErrorMessage: 'no grant' } }));
    const withKey = outcomeLines(failed, { DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' } } }, { region: 'eu-west-1', sandbox: false });
    expect(withKey[0]).toBe('✗ Creation failed (CREATE_FAILED).');
    expect(withKey.at(-1)).toContain('check that the KMS key exists in eu-west-1');
    const withoutKey = outcomeLines(done('failed', properties('CREATE_FAILED')), { DatastoreTypeVersion: 'R4' }, undefined);
    expect(withoutKey[0]).toBe('✗ Creation failed (CREATE_FAILED): HealthLake gave no cause.');
    expect(withoutKey.join('\n')).not.toContain('KMS');
  });
});
