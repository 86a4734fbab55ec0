import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../src/request/validate.js';
import { LEAVES, PARAMETERS, type SpecNode } from '../../src/parameter-model/index.js';

const ARN = 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder';
const METADATA = JSON.stringify({
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  grant_types_supported: ['authorization_code'],
  capabilities: ['launch-standalone'],
  code_challenge_methods_supported: ['S256'],
});
const kms = (config: Record<string, unknown>) => ({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: config } });
const idp = (config: Record<string, unknown>) => ({ DatastoreTypeVersion: 'R4', IdentityProviderConfiguration: config });
const tags = (...keys: string[]) => ({ DatastoreTypeVersion: 'R4', Tags: keys.map((Key) => ({ Key, Value: '' })) });
const shown = (issues: { field: string; rule: string; severity: string }[]) => issues.map((i) => `${i.field}:${i.rule}:${i.severity}`);

describe('appliesWhen.required: a member required while a sibling holds a value', () => {
  it('fails when the member is left out (or null), naming the value that needs it', () => {
    expect(shown(validateRequest(kms({ CmkType: 'CUSTOMER_MANAGED_KMS_KEY' })))).toEqual(['SseConfiguration.KmsEncryptionConfig.KmsKeyId:depends-on:error']);
    const issues = validateRequest(idp({ AuthorizationStrategy: 'SMART_ON_FHIR_V1', IdpLambdaArn: ARN }));
    expect(shown(issues)).toEqual(['IdentityProviderConfiguration.Metadata:depends-on:error']);
    expect(issues[0]).toMatchObject({
      flag: '--identity-provider-configuration',
      message: 'SMART_ON_FHIR_V1 needs Metadata describing your authorization server.',
      wizardMessage: 'SMART_ON_FHIR_V1 needs SMART metadata describing your authorization server.',
    });
    // null is a wrong type and still missing: both are said.
    expect(shown(validateRequest(kms({ CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: null })))).toEqual([
      'SseConfiguration.KmsEncryptionConfig.KmsKeyId:type:error',
      'SseConfiguration.KmsEncryptionConfig.KmsKeyId:depends-on:error',
    ]);
  });

  it('passes when the member is given, or the sibling holds another value', () => {
    expect(validateRequest(kms({ CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/mine' }))).toEqual([]);
    expect(validateRequest(idp({ AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: METADATA, IdpLambdaArn: ARN }))).toEqual([]);
    expect(validateRequest(kms({ CmkType: 'AWS_OWNED_KMS_KEY' }))).toEqual([]);
    expect(validateRequest(idp({ AuthorizationStrategy: 'AWS_AUTH' }))).toEqual([]);
  });
});

describe('appliesWhen.otherwise: a member allowed only with some sibling values (a SMART strategy)', () => {
  it('fails (error) or warns as declared when given with another valid value of the sibling', () => {
    expect(shown(validateRequest(idp({ AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: true })))).toEqual([
      'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled:depends-on:error',
    ]);
    expect(shown(validateRequest(idp({ AuthorizationStrategy: 'AWS_AUTH', Metadata: METADATA, IdpLambdaArn: ARN })))).toEqual([
      'IdentityProviderConfiguration.Metadata:depends-on:warning',
      'IdentityProviderConfiguration.IdpLambdaArn:depends-on:warning',
    ]);
    const [ignored] = validateRequest(kms({ CmkType: 'AWS_OWNED_KMS_KEY', KmsKeyId: 'alias/k' }));
    expect(ignored).toMatchObject({ rule: 'depends-on', severity: 'warning', value: 'alias/k', message: 'KmsKeyId is ignored with an AWS owned key.' });
  });

  it('passes with an allowed sibling value, the harmless value, or a sibling the shape rules already refuse', () => {
    expect(validateRequest(idp({ AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true, Metadata: METADATA, IdpLambdaArn: ARN }))).toEqual([]);
    expect(validateRequest(idp({ AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: false }))).toEqual([]);
    expect(shown(validateRequest(idp({ AuthorizationStrategy: 'SMART', FineGrainedAuthorizationEnabled: true })))).toEqual([
      'IdentityProviderConfiguration.AuthorizationStrategy:enum:error',
    ]);
  });

  it("checks a JSON member's document rules only while the member applies", () => {
    const smart = validateRequest(idp({ AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: '{}', IdpLambdaArn: ARN }));
    expect(smart.map((issue) => issue.field)).toContain('IdentityProviderConfiguration.Metadata.token_endpoint');
    expect(shown(validateRequest(idp({ AuthorizationStrategy: 'AWS_AUTH', Metadata: '{}' })))).toEqual(['IdentityProviderConfiguration.Metadata:depends-on:warning']);
  });
});

describe('uniqueBy: list items unique by a member (tag keys)', () => {
  it('fails for every repeat, naming both items', () => {
    const issues = validateRequest(tags('team', 'env', 'team', 'team'));
    expect(shown(issues)).toEqual(['Tags[2].Key:duplicate:error', 'Tags[3].Key:duplicate:error']);
    expect(issues[1]).toMatchObject({ flag: '--tags', message: 'Tag key "team" is used twice (Tags[0] and Tags[3]).', wizardMessage: 'Tag key "team" is used twice (tags 1 and 4).', fix: 'Give each tag a different key, or remove the duplicate.' });
  });

  it('passes for different keys, case sensitive as the service is', () => {
    expect(validateRequest(tags('team', 'Team', 'env'))).toEqual([]);
  });
});

describe("arnInDatastoreRegion: same Region as the target", () => {
  it('fails for an ARN of another Region and passes for the same one', () => {
    const other = idp({ AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: METADATA, IdpLambdaArn: ARN.replace('us-east-1', 'eu-west-1') });
    expect(shown(validateRequest(other, { region: 'us-east-1' }))).toEqual(['IdentityProviderConfiguration.IdpLambdaArn:region:error']);
    expect(validateRequest(other, { region: 'eu-west-1' })).toEqual([]);
  });
});

describe('the declared rules are well formed', () => {
  const members = (node: SpecNode): SpecNode[] => (node.kind === 'structure' ? node.members : node.kind === 'list' ? node.member.members : []);
  const all: SpecNode[] = [];
  const visit = (node: SpecNode) => {
    all.push(node);
    members(node).forEach(visit);
  };
  PARAMETERS.forEach(visit);

  it('every appliesWhen names an enum sibling and values it has', () => {
    for (const leaf of LEAVES.filter((candidate) => candidate.node.appliesWhen)) {
      const rule = leaf.node.appliesWhen!;
      const parent = all.find((node) => members(node).includes(leaf.node))!;
      const sibling = members(parent).find((member) => member.name === rule.sibling);
      expect(sibling?.kind, leaf.path).toBe('enum');
      if (sibling?.kind === 'enum') for (const value of rule.oneOf) expect(sibling.values.map((v) => v.value), leaf.path).toContain(value);
    }
  });

  it('every uniqueBy names a member of the list items', () => {
    for (const node of all) {
      if (node.kind === 'list' && node.uniqueBy) expect(node.member.members.map((member) => member.name)).toContain(node.uniqueBy.member);
    }
  });
});
