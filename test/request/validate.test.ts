import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/request/issues.js';
import { validateField, validateRequest, validateSmartMetadata } from '../../src/request/validate.js';

const ARN = 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder';
const METADATA = JSON.stringify({
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  grant_types_supported: ['authorization_code', 'client_credentials'],
  capabilities: ['launch-standalone'],
  code_challenge_methods_supported: ['S256'],
});
const rules = (issues: { rule: string; field: string }[]) => issues.map((i) => `${i.field}:${i.rule}`);

describe('validateField accepts and rejects each leaf', () => {
  const cases: [string, unknown, boolean][] = [
    // Names in many scripts are letters (\p{L}); emoji and symbols are not.
    ['DatastoreName', 'Pacientes ÄÖ 1', true],
    ['DatastoreName', 'Ασθενείς', true],
    ['DatastoreName', '患者データ', true],
    ['DatastoreName', 'المرضى', true],
    ['DatastoreName', 'Пациенты-2026', true],
    ['DatastoreName', 'a_b.c:d/e=f+g-h%i@j', true],
    ['DatastoreName', 'x'.repeat(256), true],
    ['DatastoreName', '𠀀𠀁', true], // outside the BMP, still letters: counted as 2 characters
    ['DatastoreName', 'clinic 😀', false],
    ['DatastoreName', 'a#b', false],
    ['DatastoreName', 'x'.repeat(257), false],
    ['DatastoreName', '', false],
    ['DatastoreName', 42, false],
    ['DatastoreTypeVersion', 'R4', true],
    ['DatastoreTypeVersion', 'r4', false],
    ['DatastoreTypeVersion', 'R5', false],
    ['SseConfiguration.KmsEncryptionConfig.CmkType', 'AWS_OWNED_KMS_KEY', true],
    ['SseConfiguration.KmsEncryptionConfig.CmkType', 'CUSTOMER_MANAGED_KMS_KEY', true],
    ['SseConfiguration.KmsEncryptionConfig.CmkType', 'CUSTOMER', false],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'alias/healthlake', true],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', '1234abcd-12ab-34cd-56ef-1234567890ab', true],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', true],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'arn:aws-cn:kms:cn-north-1:111122223333:alias/x', true],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'alias/has space', false],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'schlüssel', false],
    ['SseConfiguration.KmsEncryptionConfig.KmsKeyId', 'k'.repeat(401), false],
    ['PreloadDataConfig.PreloadDataType', 'SYNTHEA', true],
    ['PreloadDataConfig.PreloadDataType', 'synthea', false],
    ['ClientToken', 'ticket-1234', true],
    ['ClientToken', 'a'.repeat(64), true],
    ['ClientToken', 'a'.repeat(65), false],
    ['ClientToken', 'with_underscore', false],
    ['ClientToken', 'Ä', false],
    ['Tags[].Key', 'team', true],
    ['Tags[].Key', 'クラス', true],
    ['Tags[].Key', '', false],
    ['Tags[].Key', 'k'.repeat(129), false],
    ['Tags[].Key', 'cost%center', false], // % is allowed in names but not in tags
    ['Tags[].Value', '', true],
    ['Tags[].Value', 'v'.repeat(256), true],
    ['Tags[].Value', 'v'.repeat(257), false],
    ['Tags[].Value', '🔥', false],
    ['IdentityProviderConfiguration.AuthorizationStrategy', 'SMART_ON_FHIR_V1', true],
    ['IdentityProviderConfiguration.AuthorizationStrategy', 'SMART', false],
    ['IdentityProviderConfiguration.FineGrainedAuthorizationEnabled', true, true],
    ['IdentityProviderConfiguration.FineGrainedAuthorizationEnabled', 'true', false],
    ['IdentityProviderConfiguration.Metadata', METADATA, true],
    ['IdentityProviderConfiguration.Metadata', '{not json', false],
    ['IdentityProviderConfiguration.Metadata', '[1,2]', false],
    ['IdentityProviderConfiguration.IdpLambdaArn', ARN, true],
    ['IdentityProviderConfiguration.IdpLambdaArn', `${ARN}:$LATEST`, true],
    ['IdentityProviderConfiguration.IdpLambdaArn', `${ARN}:prod`, true],
    ['IdentityProviderConfiguration.IdpLambdaArn', 'arn:aws:lambda:us-east-1:1111:function:x-long-enough-name-for-minimum', false],
    ['IdentityProviderConfiguration.IdpLambdaArn', 'arn:aws:lambda:us-east-1:111122223333:function:f', false], // 48 < 49
  ];
  it.each(cases)('%s = %j -> valid %s', (path, value, valid) => {
    const issues = validateField(path, value);
    expect(issues.length === 0).toBe(valid);
    for (const issue of issues) {
      expect(issue.field).toBe(path);
      expect(issue.flag).toMatch(/^--/);
      expect(issue.fix.length).toBeGreaterThan(0);
    }
  });

  it('names the rejected characters', () => {
    const [issue] = validateField('DatastoreName', 'clinic 😀#');
    expect(issue!.rule).toBe('pattern');
    expect(issue!.message).toContain('"😀"');
    expect(issue!.message).toContain('the characters "😀" "#" are not allowed');
    expect(issue!.fix).toBe('Remove or replace "😀" "#".');
    const [single] = validateField('DatastoreName', 'clinic — east');
    expect(single!.message).toContain('the character "—" is not allowed');
    expect(single!.fix).toBe('Remove or replace "—".');
  });
});

describe('validateField wording', () => {
  it('counts the characters to remove in good English', () => {
    expect(validateField('ClientToken', 'a'.repeat(65))[0]!.fix).toBe('Shorten it by 1 character.');
    expect(validateField('ClientToken', 'a'.repeat(67))[0]!.fix).toBe('Shorten it by 3 characters.');
  });
});

describe('validateRequest', () => {
  it('accepts a minimal and a full request', () => {
    expect(validateRequest({ DatastoreTypeVersion: 'R4' })).toEqual([]);
    expect(
      validateRequest({
        DatastoreName: 'Full',
        DatastoreTypeVersion: 'R4',
        SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' } },
        PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
        ClientToken: 'abc-123',
        Tags: [{ Key: 'a', Value: '' }],
        IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true, Metadata: METADATA, IdpLambdaArn: ARN },
      }),
    ).toEqual([]);
  });

  it('reports every problem at once, each with field, flag, rule and fix', () => {
    const issues = validateRequest({
      DatastoreName: 'bad#',
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY' } },
      Tags: [{ Key: 'a', Value: 'x' }, { Key: 'a', Value: 'y' }, { Value: 'z' }],
      Extra: 1,
    });
    expect(rules(issues).sort()).toEqual(
      [
        'DatastoreName:pattern',
        'DatastoreTypeVersion:required',
        'Extra:unknown',
        'SseConfiguration.KmsEncryptionConfig.KmsKeyId:depends-on',
        'Tags[1].Key:duplicate',
        'Tags[2].Key:required',
      ].sort(),
    );
    for (const issue of issues) expect(formatIssue(issue)).toMatch(/Fix: \S/);
  });

  it('suggests the nearest name for unknown keys and members', () => {
    const issues = validateRequest({ DatastoreTypeVersion: 'R4', DatastoreNme: 'x', PreloadDataConfig: { PreloadDataTyp: 'SYNTHEA' } });
    expect(issues.map((i) => i.message).join(' ')).toContain('Did you mean DatastoreName?');
    expect(issues.map((i) => i.message).join(' ')).toContain('Did you mean PreloadDataType?');
  });

  it('checks the tag list bounds', () => {
    const tags = Array.from({ length: 201 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(rules(validateRequest({ DatastoreTypeVersion: 'R4', Tags: tags }))).toEqual(['Tags:max-items']);
    expect(validateRequest({ DatastoreTypeVersion: 'R4', Tags: tags.slice(0, 200) })).toEqual([]);
    expect(rules(validateRequest({ DatastoreTypeVersion: 'R4', Tags: 'a' }))).toEqual(['Tags:type']);
  });

  it('requires Metadata and IdpLambdaArn with a SMART strategy', () => {
    expect(rules(validateRequest({ DatastoreTypeVersion: 'R4', IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR_V1' } }))).toEqual([
      'IdentityProviderConfiguration.Metadata:depends-on',
      'IdentityProviderConfiguration.IdpLambdaArn:depends-on',
    ]);
  });

  it('rejects fine-grained authorization with AWS_AUTH and warns about unused SMART members', () => {
    const issues = validateRequest({
      DatastoreTypeVersion: 'R4',
      IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: true, IdpLambdaArn: ARN },
    });
    expect(issues.map((i) => `${i.field}:${i.severity}`)).toEqual([
      'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled:error',
      'IdentityProviderConfiguration.IdpLambdaArn:warning',
    ]);
  });

  it('warns (without failing) about a key id with an AWS owned key', () => {
    const issues = validateRequest({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY', KmsKeyId: 'alias/k' } } });
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('rejects null values (from cli-input JSON) as a wrong type, not as absent', () => {
    expect(rules(validateRequest({ DatastoreTypeVersion: 'R4', DatastoreName: null, SseConfiguration: { KmsEncryptionConfig: null } }))).toEqual([
      'DatastoreName:type',
      'SseConfiguration.KmsEncryptionConfig:type',
    ]);
  });

  it('rejects a request that is not an object', () => {
    expect(rules(validateRequest([]))).toEqual([':type']);
  });
});

describe('validateSmartMetadata', () => {
  const base = JSON.parse(METADATA) as Record<string, unknown>;
  const check = (change: Record<string, unknown>) => rules(validateSmartMetadata(JSON.stringify({ ...base, ...change })));

  it('accepts the documented elements', () => expect(validateSmartMetadata(METADATA)).toEqual([]));
  it('needs https URLs', () => {
    expect(check({ token_endpoint: 'http://auth.example.com/token' })).toEqual(['IdentityProviderConfiguration.Metadata.token_endpoint:type']);
    expect(check({ authorization_endpoint: 'not a url' })).toEqual(['IdentityProviderConfiguration.Metadata.authorization_endpoint:type']);
  });
  it('needs supported, non-empty grant types', () => {
    expect(check({ grant_types_supported: [] })).toEqual(['IdentityProviderConfiguration.Metadata.grant_types_supported:min-items']);
    expect(check({ grant_types_supported: ['implicit'] })).toEqual(['IdentityProviderConfiguration.Metadata.grant_types_supported:enum']);
  });
  it('needs capabilities as strings and S256', () => {
    expect(check({ capabilities: [1] })).toEqual(['IdentityProviderConfiguration.Metadata.capabilities:type']);
    expect(check({ code_challenge_methods_supported: ['plain'] })).toEqual(['IdentityProviderConfiguration.Metadata.code_challenge_methods_supported:required']);
  });
  it('reports every missing element', () => {
    expect(validateSmartMetadata('{}')).toHaveLength(5);
  });
});

describe('fixes in two wordings', () => {
  it('the CLI keeps its flag syntax; the wizard names its screens', () => {
    const [issue] = validateRequest({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY' } } });
    expect(issue).toMatchObject({
      fix: 'Add KmsKeyId=<key id, key ARN or alias/NAME>, or use CmkType=AWS_OWNED_KMS_KEY.',
      wizardFix: 'Type the key id, key ARN or alias/NAME of your key, or choose AWS_OWNED_KMS_KEY in Encryption.',
    });
    expect(formatIssue(issue!)).toContain('Fix: Add KmsKeyId=');
    const [duplicate] = validateRequest({ DatastoreTypeVersion: 'R4', Tags: [{ Key: 'a', Value: '' }, { Key: 'a', Value: '' }] });
    expect(duplicate).toMatchObject({ message: 'Tag key "a" is used twice (Tags[0] and Tags[1]).', wizardMessage: 'Tag key "a" is used twice (tags 1 and 2).' });
    const [missing] = validateRequest({});
    expect(missing).toMatchObject({ fix: 'Add --datastore-type-version R4.', wizardFix: 'Choose one of R4 in FHIR version.' });
  });
});

describe("ARNs in the data store's Region (spec: arnInDatastoreRegion)", () => {
  const kms = (KmsKeyId: string) => ({ DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId } } });
  const smart = (IdpLambdaArn: string) => ({ DatastoreTypeVersion: 'R4', IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: METADATA, IdpLambdaArn } });

  it('names a KMS key or Lambda ARN in another Region as such', () => {
    const [key] = validateRequest(kms('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'), { region: 'us-east-1' });
    expect(key).toMatchObject({ field: 'SseConfiguration.KmsEncryptionConfig.KmsKeyId', rule: 'region', severity: 'error' });
    expect(key!.message).toBe("KMS key is in Region eu-west-1, but the data store is created in us-east-1; HealthLake needs it in the data store's Region.");
    expect(key!.fix).toBe('Use one in us-east-1, or create the data store in eu-west-1 (--region eu-west-1).');
    const [lambda] = validateRequest(smart('arn:aws:lambda:us-west-2:111122223333:function:smart-decoder'), { region: 'us-east-1' });
    expect(lambda).toMatchObject({ field: 'IdentityProviderConfiguration.IdpLambdaArn', rule: 'region' });
  });

  it('accepts the same Region, ids and aliases (no Region in them), and checks nothing without a known Region', () => {
    expect(validateRequest(kms('arn:aws:kms:us-east-1:111122223333:alias/mine'), { region: 'us-east-1' })).toEqual([]);
    expect(validateRequest(kms('alias/mine'), { region: 'us-east-1' })).toEqual([]);
    expect(validateRequest(kms('1234abcd-12ab-34cd-56ef-1234567890ab'), { region: 'us-east-1' })).toEqual([]);
    expect(validateRequest(smart(ARN), { region: 'us-east-1' })).toEqual([]);
    expect(validateRequest(smart('arn:aws:lambda:us-west-2:111122223333:function:smart-decoder'))).toEqual([]);
  });
});
