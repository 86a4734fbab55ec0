/**
 * The sandbox's KMS keys and Lambda functions: one of each kind the pre-flight checks tell apart, so the sandbox
 * shows what AWS would do with each. In the fixture format of `--fixtures` (see docs/emulator.md).
 */
import type { Fixtures, PolicyDocument } from './fixtures.js';

/** The identity the sandbox's key signs as (see sts.ts). */
const SANDBOX_USER = 'arn:aws:iam::${AccountId}:user/sandbox';

/** The key policy statement of the HealthLake documentation ("Encryption at rest"), for the sandbox's user. */
const HEALTHLAKE_USE: PolicyDocument['Statement'] = {
  Sid: 'Allow access to create data stores and do CRUD/search in AWS HealthLake',
  Effect: 'Allow',
  Principal: { AWS: SANDBOX_USER },
  Action: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt'],
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': 'healthlake.amazonaws.com', 'kms:CallerAccount': '${AccountId}' } },
};

/** Lets the sandbox's user administer and read the key, but not use it through HealthLake. */
const ADMIN_ONLY: PolicyDocument['Statement'] = {
  Sid: 'Key administrators',
  Effect: 'Allow',
  Principal: { AWS: SANDBOX_USER },
  Action: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ListGrants', 'kms:EnableKey', 'kms:DisableKey', 'kms:PutKeyPolicy'],
  Resource: '*',
};

const invokeByHealthLake = (name: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'healthlake-invoke',
      Effect: 'Allow',
      Principal: { Service: 'healthlake.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:\${Region}:\${AccountId}:function:${name}`,
      Condition: { StringEquals: { 'AWS:SourceAccount': '${AccountId}' } },
    },
  ],
});

/** The default set: a usable key, a disabled one, an asymmetric one, one whose policy lacks the grant; two functions. */
export const DEFAULT_FIXTURES: Fixtures = {
  kmsKeys: [
    {
      keyId: '1b2c3d4e-0000-4000-8000-000000000001',
      aliases: ['alias/sandbox-usable'],
      description: 'Usable by HealthLake: its policy allows the documented actions through HealthLake',
      policy: { Version: '2012-10-17', Statement: [ADMIN_ONLY, HEALTHLAKE_USE] },
    },
    {
      keyId: '1b2c3d4e-0000-4000-8000-000000000002',
      aliases: ['alias/sandbox-disabled'],
      description: 'Disabled: it cannot encrypt until enabled (aws kms enable-key)',
      keyState: 'Disabled',
      policy: { Version: '2012-10-17', Statement: [ADMIN_ONLY, HEALTHLAKE_USE] },
    },
    {
      keyId: '1b2c3d4e-0000-4000-8000-000000000003',
      aliases: ['alias/sandbox-asymmetric'],
      description: 'Asymmetric (RSA_2048, SIGN_VERIFY): HealthLake needs a symmetric encryption key',
      keySpec: 'RSA_2048',
      keyUsage: 'SIGN_VERIFY',
      policy: { Version: '2012-10-17', Statement: [ADMIN_ONLY, HEALTHLAKE_USE] },
    },
    {
      keyId: '1b2c3d4e-0000-4000-8000-000000000004',
      // alias/healthlake-wizard-fail: the failure trigger documented before fixtures existed.
      aliases: ['alias/sandbox-no-grant', 'alias/healthlake-wizard-fail'],
      description: 'Its key policy does not let the caller use it through HealthLake (no kms:CreateGrant)',
      policy: { Version: '2012-10-17', Statement: [ADMIN_ONLY] },
    },
  ],
  lambdaFunctions: [
    { name: 'sandbox-token-decoder', description: 'HealthLake may invoke it', policy: invokeByHealthLake('sandbox-token-decoder') },
    { name: 'sandbox-token-decoder-no-permission', description: 'No resource policy: HealthLake may not invoke it' },
  ],
};
