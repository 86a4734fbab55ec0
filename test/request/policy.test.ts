/**
 * The team policy: read and compiled with Ajv (a broken file names its line), and a request held to it (each
 * broken rule one issue, with the rule, the reason, the file and the fix; target rules left for when the Region,
 * the account or the creation is known).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { policyIssues } from '../../src/request/policy-check.js';
import { PolicyFileError, readPolicy } from '../../src/request/policy-file.js';
import type { PolicyContext } from '../../src/request/policy-types.js';
import { validateRequest } from '../../src/request/validate.js';

const TEXT = readFileSync(new URL('./fixtures/team-policy.yaml', import.meta.url), 'utf8');
const policy = readPolicy(TEXT, '.healthlake-wizard/policy.yaml');
const NOW = new Date('2026-12-02T15:00:00Z');
const DOCUMENT: PolicyContext = { stage: 'document' };
/** The same policy without the team's own fixes: every fix derived. */
const withoutFixes = readPolicy(TEXT.replace(/^ {4}fix: .*\n/gm, ''), '.healthlake-wizard/policy.yaml');

const GOOD = {
  DatastoreName: 'dp-clinic',
  DatastoreTypeVersion: 'R4',
  SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/dp' } },
  Tags: [{ Key: 'owner', Value: 'care-team' }],
};

function brokenRules(request: Record<string, unknown>, context: PolicyContext = DOCUMENT): string[] {
  return policyIssues(policy, request, context).map((issue) => /\(rule ([a-z-]+),/.exec(issue.message)![1]!);
}

describe('a request held to the policy', () => {
  it('passes a request that keeps every rule', () => {
    expect(policyIssues(policy, GOOD, DOCUMENT)).toEqual([]);
  });

  it('names the rule, the reason, the file, its line and the fix, on the field the wizard shows it', () => {
    const [issue, ...rest] = policyIssues(policy, { ...GOOD, Tags: [{ Key: 'team', Value: 'care' }] }, DOCUMENT);
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      field: 'Tags',
      flag: '--tags',
      rule: 'policy',
      message: 'team policy: every data store needs an owner tag — finance charges each team for its data stores by this tag (rule owner-tag, .healthlake-wizard/policy.yaml line 5)',
      fix: 'Add a tag with the key owner and your team as its value (--tags Key=owner,Value=TEAM).',
      severity: 'error',
    });
  });

  it('derives a fix from the schema when the rule gives none: the value that keeps it, as the flag and in the wizard', () => {
    const issues = policyIssues(policy, { ...GOOD, DatastoreName: 'clinic' }, DOCUMENT);
    expect(issues).toMatchObject([{ field: 'DatastoreName', flag: '--datastore-name', fix: 'Give DatastoreName (--datastore-name) a value matching ^dp-.', wizardFix: 'In Name, give the Data store name a value matching ^dp-.' }]);
    const noName = policyIssues(policy, { ...GOOD, DatastoreName: undefined }, DOCUMENT);
    expect(noName).toMatchObject([{ field: 'DatastoreName', fix: 'Give DatastoreName (--datastore-name) a value matching ^dp-.' }]);
    // The rule pins CmkType down; the parameter model then requires the key itself, which only the person knows.
    const keyFix = {
      fix:
        'Give SseConfiguration (--sse-configuration) a value that keeps the rule: --sse-configuration KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=YOUR_KMS_KEY}, ' +
        'YOUR_KMS_KEY being the key id, key ARN, alias (alias/name) or alias ARN of your KMS key.',
      wizardFix: 'In Encryption, choose CUSTOMER_MANAGED_KMS_KEY as the Key type and give the KMS key (the key id, key ARN, alias (alias/name) or alias ARN of your KMS key).',
    };
    const noKey = policyIssues(policy, { ...GOOD, SseConfiguration: undefined }, DOCUMENT);
    expect(noKey).toMatchObject([{ field: 'SseConfiguration', flag: '--sse-configuration', ...keyFix }]);
    const ownedKey = policyIssues(policy, { ...GOOD, SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } }, DOCUMENT);
    expect(ownedKey).toMatchObject([{ field: 'SseConfiguration.KmsEncryptionConfig.CmkType', ...keyFix }]);
  });

  it('derives a tag that keeps a contains rule, keeping the tags there (--tags replaces the list)', () => {
    const [issue] = policyIssues(withoutFixes, { ...GOOD, Tags: [{ Key: 'team', Value: 'care' }] }, DOCUMENT);
    expect(issue).toMatchObject({
      field: 'Tags',
      fix: 'Give Tags (--tags) a value that keeps the rule: --tags Key=team,Value=care Key=owner,Value=YOUR_TAG_VALUE, YOUR_TAG_VALUE being a tag value matching ^[a-z][a-z0-9-]{1,30}$.',
      wizardFix: 'In Tags, press {key:add} to add a tag: type owner as the Tag key and give the Tag value a value matching ^[a-z][a-z0-9-]{1,30}$.',
    });
  });

  it('suggests fixes that work: the flag as suggested, its placeholder filled in, keeps the policy and the service model', () => {
    const follow = (request: Record<string, unknown>, fill: Record<string, string>) => {
      const [issue, ...rest] = policyIssues(withoutFixes, request, DOCUMENT);
      expect(rest).toEqual([]);
      // The words after "keeps the rule: " up to the placeholders' explanation are the flag and its arguments.
      const command = /keeps the rule: (--[a-z-]+ .+?)(?:, [A-Z_]+ being .*)?\.$/.exec(issue!.fix)![1]!;
      const filled = Object.entries(fill).reduce((text, [name, value]) => text.replace(new RegExp(`(?<![A-Z_])${name}(?![A-Z_])`, 'g'), value), command);
      const given = parseCreateArgs(filled.split(' ')).request;
      const fixed = { ...request, ...given };
      expect(policyIssues(withoutFixes, fixed, DOCUMENT)).toEqual([]);
      expect(validateRequest(fixed)).toEqual([]);
      return given;
    };
    expect(follow({ ...GOOD, SseConfiguration: undefined }, { YOUR_KMS_KEY: 'alias/dp' })).toEqual({ SseConfiguration: GOOD.SseConfiguration });
    expect(follow({ ...GOOD, SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } }, { YOUR_KMS_KEY: 'alias/dp' })).toEqual({ SseConfiguration: GOOD.SseConfiguration });
    expect(follow({ ...GOOD, Tags: [{ Key: 'team', Value: 'care' }] }, { YOUR_TAG_VALUE: 'care-team' })).toEqual({ Tags: [{ Key: 'team', Value: 'care' }, { Key: 'owner', Value: 'care-team' }] });
  });

  it('forbids a member under a condition (no Synthea preload in prod)', () => {
    const prod = { ...GOOD, Tags: [...GOOD.Tags, { Key: 'env', Value: 'prod' }], PreloadDataConfig: { PreloadDataType: 'SYNTHEA' } };
    expect(policyIssues(policy, prod, DOCUMENT)).toMatchObject([{ field: 'PreloadDataConfig', flag: '--preload-data-config' }]);
    expect(brokenRules({ ...prod, Tags: GOOD.Tags })).toEqual([]);
  });

  it('checks Regions and accounts once they are known', () => {
    expect(brokenRules(GOOD, { stage: 'creation', region: 'eu-west-1', account: '999999999999' })).toEqual(['approved-regions', 'approved-accounts']);
    const [region] = policyIssues(policy, GOOD, { stage: 'creation', region: 'eu-west-1' });
    expect(region).toMatchObject({ field: '', flag: '--region', value: 'eu-west-1', fix: 'Create it in us-east-1 or us-west-2 (--region us-east-1).' });
    expect(brokenRules(GOOD, { stage: 'creation', region: 'us-west-2', account: '444455556666' })).toEqual([]);
  });

  it('requires the expiry tag at creation for the presets named, a time still to come', () => {
    expect(brokenRules(GOOD, { stage: 'creation', preset: 'prod', now: NOW })).toEqual([]);
    expect(brokenRules(GOOD, { stage: 'document', preset: 'test-load' })).toEqual([]);
    const [missing] = policyIssues(policy, GOOD, { stage: 'creation', preset: 'test-load', now: NOW });
    // --expires-in adds the tag; --tags would replace the preset's tags, the owner tag included.
    expect(missing).toMatchObject({ field: 'Tags', fix: 'Add --expires-in DURATION (e.g. 4h): it adds the tag healthlake-wizard:expires-at and keeps the other tags.' });
    const tagged = (value: string) => ({ ...GOOD, Tags: [...GOOD.Tags, { Key: 'healthlake-wizard:expires-at', Value: value }] });
    expect(brokenRules(tagged('2026-12-03T00:00:00Z'), { stage: 'creation', preset: 'ci', now: NOW })).toEqual([]);
    expect(policyIssues(policy, tagged('2026-12-01T00:00:00Z'), { stage: 'creation', preset: 'ci', now: NOW })[0]?.fix).toContain('which has passed');
    expect(policyIssues(policy, tagged('tomorrow'), { stage: 'creation', preset: 'ci', now: NOW })[0]?.fix).toContain('not an ISO 8601 UTC time');
  });
});

describe('the documented policy', () => {
  it('is the one tested here, whole', () => {
    const doc = readFileSync(new URL('../../docs/presets.md', import.meta.url), 'utf8');
    expect(doc).toContain(`\`\`\`yaml\n${TEXT}\`\`\``);
  });

  it('without the second rule\'s reason, gives the message the documentation quotes, line included', () => {
    const doc = readFileSync(new URL('../../docs/presets.md', import.meta.url), 'utf8');
    const quoted = /For the example above with the `reason` of its second rule left out:\n\n```\nhealthlake-wizard: (.+)\n {2}Fix: (.+)\n```/.exec(doc);
    expect(quoted).not.toBeNull();
    const lines = TEXT.split('\n');
    const second = lines.findIndex((line) => line.startsWith('  - id: ')) + 1 + lines.slice(lines.findIndex((line) => line.startsWith('  - id: ')) + 1).findIndex((line) => line.startsWith('  - id: '));
    const withoutReason = lines.filter((line, index) => !(index > second && index < second + 4 && line.startsWith('    reason: '))).join('\n');
    expect(withoutReason.split('\n')).toHaveLength(lines.length - 1);
    try {
      readPolicy(withoutReason, '.healthlake-wizard/policy.yaml');
      throw new Error('the policy was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyFileError);
      expect((error as PolicyFileError).message).toBe(quoted![1]);
      expect((error as PolicyFileError).fix).toBe(quoted![2]);
    }
  });
});

describe('a broken policy file', () => {
  const broken = (text: string, file = 'policy.yaml') => {
    try {
      readPolicy(text, file);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyFileError);
      return `${(error as PolicyFileError).message}\n  Fix: ${(error as PolicyFileError).fix}`;
    }
    throw new Error('the policy was accepted');
  };
  const rule = (body: string) => `version: 1\nrules:\n  - id: r\n    rule: a rule\n    reason: a reason\n${body}`;

  it('names the line of bad JSON or YAML', () => {
    expect(broken('{\n  "version": 1,\n  "rules": [,]\n}\n', 'policy.json')).toMatch(/^policy\.json line 3: the policy is not valid JSON/);
    expect(broken('{\n  "version": 1,\n  "rules": [],\n}\n', 'policy.json')).toMatch(/^policy\.json line 4: the policy is not valid JSON/);
    expect(broken('version: 1\nrules:\n  - id: r\n   rule: x\n')).toMatch(/^policy\.yaml line 4: the policy is not valid YAML/);
  });

  it('names the line of a bad shape: a rule without a reason, an unknown key, a rule that states nothing', () => {
    expect(broken('version: 1\nrules:\n  - id: r\n    rule: x\n    regions: [us-east-1]\n')).toMatch(/^policy\.yaml line 3: rules\[0\] needs "reason": every rule gives the team's reason\./);
    expect(broken(rule('    region: [us-east-1]\n'))).toMatch(/^policy\.yaml line 6: rules\[0\] has an unknown key "region"\. Did you mean regions\?/);
    expect(broken(rule(''))).toMatch(/^policy\.yaml line 3: rules\[0\] states no rule/);
    expect(broken(rule('    accounts: [111122223333]\n'))).toMatch(/line 6: rules\[0\]\.accounts\[0\] must be an account id of 12 digits/);
    expect(broken('version: 2\nrules: []\n')).toMatch(/^policy\.yaml line 1: version must be 1/);
  });

  it('names the line of a schema Ajv refuses: an unknown keyword, a member the request does not have', () => {
    expect(broken(rule('    request:\n      properties:\n        DatastoreName: { patern: "^dp-" }\n'))).toMatch(/^policy\.yaml line 6: the request schema of rule "r" cannot be used: strict mode: unknown keyword: "patern"/);
    expect(broken(rule('    request:\n      required: [DatastoreNme]\n'))).toMatch(/^policy\.yaml line 7: rules\[0\]\.request\.required\[0\] names "DatastoreNme", which the request does not have\. Did you mean DatastoreName\?/);
    expect(broken(rule('    request:\n      properties:\n        Tags: { contains: { properties: { Kee: { const: owner } } } }\n'))).toMatch(/line 8: .*names "Kee", which this part of the request does not have\. Did you mean Key\?/);
    expect(broken(rule('    request:\n      properties:\n        DatastoreName: { minLength: -1 }\n'))).toMatch(/line 8: the request schema of rule "r" is not valid JSON Schema/);
  });
});
