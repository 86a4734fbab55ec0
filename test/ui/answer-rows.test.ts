import { describe, expect, it } from 'vitest';
import { answerRows } from '../../src/wizard-flow/answer-rows.js';

const row = (answers: Record<string, unknown>, path: string) => answerRows(answers as never).find((candidate) => candidate.path === path)!;

describe('review rows', () => {
  it('count lists and show them whole, one item a line', () => {
    const tags = Array.from({ length: 200 }, (_, index) => ({ Key: `k${index}`, Value: `v${index}` }));
    const tagRow = row({ DatastoreTypeVersion: 'R4', Tags: tags }, 'Tags');
    expect(tagRow.shown).toMatch(/^200 tags: k0=v0, k1=v1, /);
    expect(tagRow.whole.split('\n')).toEqual(['200 tags:', ...tags.map((tag) => `${tag.Key}=${tag.Value}`)]);
    expect(row({ DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }] }, 'Tags').shown).toBe('1 tag: team=data');
  });

  it('show the metadata whole as indented JSON', () => {
    const metadata = JSON.stringify({ issuer: 'https://auth.example.com', token_endpoint: 'https://auth.example.com/token' });
    const metadataRow = row({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': metadata }, 'IdentityProviderConfiguration.Metadata');
    expect(metadataRow.shown).toBe(metadata);
    expect(metadataRow.whole).toBe(JSON.stringify(JSON.parse(metadata), null, 2));
  });

  it('name the default that applies to what is left out, and mark what cannot change after creation', () => {
    const rows = answerRows({ DatastoreTypeVersion: 'R4' });
    expect(rows.find((candidate) => candidate.path === 'SseConfiguration.KmsEncryptionConfig.CmkType')).toMatchObject({ shown: '(left out: AWS owned key)', fixedAfterCreation: true, stepTitle: 'Encryption' });
    expect(rows.find((candidate) => candidate.path === 'PreloadDataConfig.PreloadDataType')?.shown).toBe('(left out: no sample data)');
    expect(rows.find((candidate) => candidate.path === 'IdentityProviderConfiguration.AuthorizationStrategy')?.shown).toBe('(left out: AWS_AUTH)');
    expect(rows.find((candidate) => candidate.path === 'DatastoreName')?.fixedAfterCreation).toBe(false);
  });
});
