/**
 * The one declarative description of every parameter of CreateFHIRDatastore.
 *
 * Constraints are copied from the HealthLake service model (`healthlake-service-2.json`, API 2017-07-01) and a
 * test checks that they still agree with it. Help texts are written from the model's documentation and the
 * AWS CLI reference page. Prompts, validation, the shorthand parser, skeletons, `--help`, the parameter docs and
 * the emulator's validation all read this table, and so do the cross-field rules (`appliesWhen` with what is
 * `required` when it holds and what happens `otherwise`, `uniqueBy`, `arnInDatastoreRegion`, `documentRules`):
 * one walk in request/cross-field-rules.ts checks them, so a new rule is declared here and nowhere else.
 */
import { RESPONSE_SHAPES } from './response-shapes.js';
import type { AppliesWhen, ListNode, StepId, StructureNode, TopLevelParameter } from './types.js';

/** The AWS CLI's operation name for this command. */
export const OPERATION = {
  service: 'healthlake',
  command: 'create-fhir-datastore',
  name: 'CreateFHIRDatastore',
  inputShape: 'CreateFHIRDatastoreRequest',
  outputShape: 'CreateFHIRDatastoreResponse',
} as const;

/** Strategies that use SMART on FHIR (and so need Metadata and an IdP Lambda). */
export const SMART_STRATEGIES: readonly string[] = ['SMART_ON_FHIR', 'SMART_ON_FHIR_V1'];

const SMART_DOCS = 'https://build.fhir.org/ig/HL7/smart-app-launch/conformance.html#metadata';

/** A SMART member given with AWS_AUTH: ignored by HealthLake, so a warning rather than an error. */
function smartOnly(member: string): NonNullable<AppliesWhen['otherwise']> {
  return {
    severity: 'warning',
    message: `${member} is only used with a SMART on FHIR strategy.`,
    fix: `Remove ${member}, or choose AuthorizationStrategy=SMART_ON_FHIR.`,
  };
}

export const datastoreName: TopLevelParameter = {
  kind: 'string',
  name: 'DatastoreName',
  shape: 'DatastoreName',
  flag: '--datastore-name',
  step: 'name',
  required: false,
  min: 1,
  max: 256,
  pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-%@]*)$',
  patternInWords: 'letters (any script), digits, spaces and _ . : / = + - % @',
  help: {
    label: 'Data store name',
    short: 'A name you choose for the data store; it helps you find it in lists. Optional.',
    long:
      'The user-generated name of the data store. It is not unique: HealthLake identifies a data store by the ' +
      'id it generates, and the name is what you see in lists and can filter on.\n\n' +
      'Up to 256 characters: letters in any script, digits, spaces and the characters _ . : / = + - % @.',
  },
  examples: ['FhirTestDatastore', 'clinic-prod:patients', 'Pacientes Ñandú 2026'],
};

export const datastoreTypeVersion: TopLevelParameter = {
  kind: 'enum',
  name: 'DatastoreTypeVersion',
  shape: 'FHIRVersion',
  flag: '--datastore-type-version',
  step: 'version',
  required: true,
  values: [{ value: 'R4', meaning: 'FHIR Release 4 (4.0.1), the only version HealthLake supports.' }],
  help: {
    label: 'FHIR version',
    short: 'The FHIR release the data store speaks. HealthLake supports R4.',
    long:
      'The FHIR release version supported by the data store. Current support is for version R4 ' +
      '(FHIR 4.0.1): the data store validates and stores resources of that release, and its endpoint ends ' +
      'in /r4/.\n\nThis is the one required parameter; it cannot be changed after creation.',
  },
  examples: ['R4'],
};

const kmsEncryptionConfig: StructureNode = {
  kind: 'structure',
  name: 'KmsEncryptionConfig',
  shape: 'KmsEncryptionConfig',
  required: true,
  help: {
    label: 'KMS encryption',
    short: 'Which kind of KMS key encrypts the data at rest, and which key.',
    long:
      'The Key Management Service (KMS) encryption configuration used to encrypt the data store contents at ' +
      'rest. If a customer managed key is not specified, an AWS owned key is used.',
  },
  examples: ['{CmkType=AWS_OWNED_KMS_KEY}'],
  members: [
    {
      kind: 'enum',
      name: 'CmkType',
      shape: 'CmkType',
      required: true,
      values: [
        {
          value: 'AWS_OWNED_KMS_KEY',
          meaning: 'AWS owns and manages the key; nothing to set up, no KMS charges. The default.',
        },
        {
          value: 'CUSTOMER_MANAGED_KMS_KEY',
          meaning: 'A KMS key in your account: you control its policy, rotation and audit trail.',
        },
      ],
      help: {
        label: 'Key type',
        short: 'Who owns the KMS key: AWS (default) or you.',
        long:
          'The type of customer managed key (CMK) used for encryption: an AWS owned key, managed entirely by ' +
          'AWS, or a customer managed key in your account.\n\n' +
          'A customer managed key must be a symmetric encryption key in the same Region as the data store, ' +
          'and its key policy must let HealthLake create a grant (kms:CreateGrant) for the identity that ' +
          'creates the data store. Encryption cannot be changed after creation.',
      },
      examples: ['AWS_OWNED_KMS_KEY', 'CUSTOMER_MANAGED_KMS_KEY'],
    },
    {
      kind: 'string',
      name: 'KmsKeyId',
      shape: 'EncryptionKeyID',
      required: false,
      appliesWhen: {
        sibling: 'CmkType',
        oneOf: ['CUSTOMER_MANAGED_KMS_KEY'],
        required: {
          message: { cli: 'A customer managed key needs KmsKeyId.', wizard: 'A customer managed key needs its KMS key.' },
          fix: {
            cli: 'Add KmsKeyId=<key id, key ARN or alias/NAME>, or use CmkType=AWS_OWNED_KMS_KEY.',
            wizard: 'Type the key id, key ARN or alias/NAME of your key, or choose AWS_OWNED_KMS_KEY in Encryption.',
          },
        },
        otherwise: {
          severity: 'warning',
          message: { cli: 'KmsKeyId is ignored with an AWS owned key.', wizard: 'The KMS key is ignored with an AWS owned key.' },
          fix: {
            cli: 'Remove KmsKeyId, or use CmkType=CUSTOMER_MANAGED_KMS_KEY to encrypt with that key.',
            wizard: 'Choose CUSTOMER_MANAGED_KMS_KEY in Encryption to encrypt with that key.',
          },
        },
      },
      arnInDatastoreRegion: true,
      pickedFrom: 'kms-key',
      min: 1,
      max: 400,
      pattern:
        '(arn:aws((-us-gov)|(-iso)|(-iso-b)|(-cn))?:kms:)?([a-z]{2}-[a-z]+(-[a-z]+)?-\\d:)?(\\d{12}:)?' +
        '(((key/)?[a-zA-Z0-9-_]+)|(alias/[a-zA-Z0-9:/_-]+))',
      patternInWords:
        'a key id (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN, an alias (alias/name) or an alias ARN',
      help: {
        label: 'KMS key',
        short: 'The key id, key ARN, alias (alias/name) or alias ARN of your KMS key.',
        long:
          'The KMS encryption key id or alias used to encrypt the data store contents at rest. Accepted forms: ' +
          'a key id, a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), an alias name (alias/NAME) or an alias ARN.\n\n' +
          'Required when the key type is CUSTOMER_MANAGED_KMS_KEY. The key must be symmetric, in the same ' +
          'Region as the data store, and its policy must allow HealthLake to create a grant.',
      },
      examples: [
        'alias/healthlake',
        '1234abcd-12ab-34cd-56ef-1234567890ab',
        'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ],
    },
  ],
};

export const sseConfiguration: TopLevelParameter = {
  kind: 'structure',
  name: 'SseConfiguration',
  shape: 'SseConfiguration',
  flag: '--sse-configuration',
  step: 'encryption',
  required: false,
  fixedAfterCreation: true,
  whenLeftOut: 'AWS owned key',
  help: {
    label: 'Encryption',
    short: 'How data is encrypted at rest. Leave it out to use an AWS owned key. Cannot be changed later.',
    long:
      'The server-side encryption key configuration. Without it, HealthLake encrypts the data store with an ' +
      'AWS owned key. With a customer managed key you keep control of the key policy and can audit its use ' +
      'in CloudTrail.\n\nEncryption cannot be changed after the data store is created.',
  },
  examples: ['KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/healthlake}'],
  members: [kmsEncryptionConfig],
};

export const preloadDataConfig: TopLevelParameter = {
  kind: 'structure',
  name: 'PreloadDataConfig',
  shape: 'PreloadDataConfig',
  flag: '--preload-data-config',
  step: 'preload',
  required: false,
  fixedAfterCreation: true,
  whenLeftOut: 'no sample data',
  help: {
    label: 'Preload sample data',
    short: 'Fill the new data store with synthetic patients from Synthea. Cannot be changed later.',
    long:
      'An optional parameter to preload (import) open source Synthea FHIR data upon creation of the data ' +
      'store. Synthea generates realistic but synthetic patient records (patients, encounters, conditions, ' +
      'observations...), useful for trying queries and apps without real health data.\n\n' +
      'Preloading happens only at creation and cannot be added or removed afterwards.',
  },
  examples: ['PreloadDataType=SYNTHEA'],
  members: [
    {
      kind: 'enum',
      name: 'PreloadDataType',
      shape: 'PreloadDataType',
      required: true,
      values: [{ value: 'SYNTHEA', meaning: 'Synthetic patient records generated by Synthea.' }],
      help: {
        label: 'Preloaded data type',
        short: 'The type of preloaded data. Only Synthea data is supported.',
        long: 'The type of preloaded data. Only Synthea preloaded data is supported.',
      },
      examples: ['SYNTHEA'],
    },
  ],
};

export const clientToken: TopLevelParameter = {
  kind: 'string',
  name: 'ClientToken',
  shape: 'ClientTokenString',
  flag: '--client-token',
  step: 'advanced',
  required: false,
  min: 1,
  max: 64,
  pattern: '^[a-zA-Z0-9-]+$',
  patternInWords: 'ASCII letters, digits and hyphens',
  help: {
    label: 'Client token',
    short: 'Makes the request idempotent: sending it again with the same token creates no second data store.',
    long:
      'An optional user-provided token to ensure API idempotency. If a request is retried with the same ' +
      'token (after a time-out or a lost connection), HealthLake returns the data store the first request ' +
      'created instead of creating another.\n\n' +
      'The wizard generates a fresh one for every run and keeps it until the response arrives; set your own ' +
      'only to tie a creation to an id of yours. 1 to 64 ASCII letters, digits and hyphens.',
  },
  examples: ['0f9c2a6e-5d1b-4c1e-9a57-3f1d2b7c8e90', 'ticket-1234'],
};

const tag: StructureNode = {
  kind: 'structure',
  name: 'member',
  shape: 'Tag',
  required: true,
  help: {
    label: 'Tag',
    short: 'A label: a key and a value.',
    long: 'A label consisting of a user-defined key and value.',
  },
  examples: ['Key=team,Value=data'],
  members: [
    {
      kind: 'string',
      name: 'Key',
      shape: 'TagKey',
      required: true,
      min: 1,
      max: 128,
      pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
      patternInWords: 'letters (any script), digits, spaces and _ . : / = + - @',
      help: {
        label: 'Tag key',
        short: 'The key of the tag; case sensitive.',
        long:
          'The key portion of a tag. Tag keys are case sensitive. 1 to 128 characters: letters in any script, ' +
          'digits, spaces and _ . : / = + - @. Keys must be unique within the data store.',
      },
      examples: ['team', 'cost-center'],
    },
    {
      kind: 'string',
      name: 'Value',
      shape: 'TagValue',
      required: true,
      min: 0,
      max: 256,
      pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
      patternInWords: 'letters (any script), digits, spaces and _ . : / = + - @',
      help: {
        label: 'Tag value',
        short: 'The value of the tag; case sensitive, may be empty.',
        long:
          'The value portion of a tag. Tag values are case sensitive. 0 to 256 characters: letters in any ' +
          'script, digits, spaces and _ . : / = + - @.',
      },
      examples: ['data', ''],
    },
  ],
};

export const tags: TopLevelParameter & ListNode = {
  kind: 'list',
  name: 'Tags',
  shape: 'Tag',
  listShape: 'TagList',
  flag: '--tags',
  step: 'tags',
  required: false,
  min: 0,
  max: 200,
  member: tag,
  uniqueBy: { member: 'Key', fix: 'Give each tag a different key, or remove the duplicate.' },
  help: {
    label: 'Tags',
    short: 'Labels (key and value) for cost allocation, access control and search. Up to 200.',
    long:
      'The resource tags applied to a data store when it is created. A tag is a label consisting of a ' +
      'user-defined key and value; both are case sensitive. Use them for cost allocation, attribute-based ' +
      'access control or to find data stores. Up to 200 tags with unique keys; tags can also be changed ' +
      'after creation.',
  },
  examples: ['Key=team,Value=data Key=env,Value=prod'],
};

export const identityProviderConfiguration: TopLevelParameter = {
  kind: 'structure',
  name: 'IdentityProviderConfiguration',
  shape: 'IdentityProviderConfiguration',
  flag: '--identity-provider-configuration',
  step: 'identity',
  required: false,
  fixedAfterCreation: true,
  whenLeftOut: 'AWS_AUTH',
  help: {
    label: 'Identity provider',
    short: 'How FHIR requests are authorized: AWS SigV4 (default) or SMART on FHIR with your OAuth server.',
    long:
      'The identity provider configuration to use for the data store. Without it, requests are authorized ' +
      'with AWS credentials (SigV4). With SMART on FHIR, apps authenticate with your OAuth 2.0 authorization ' +
      'server, and a Lambda function you provide decodes its access tokens for HealthLake.\n\n' +
      'The authorization strategy cannot be changed after creation.',
  },
  examples: [
    'AuthorizationStrategy=AWS_AUTH',
    'AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=true,' +
      'IdpLambdaArn=arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder,Metadata@=file://smart.json',
  ],
  members: [
    {
      kind: 'enum',
      name: 'AuthorizationStrategy',
      shape: 'AuthorizationStrategy',
      required: true,
      values: [
        {
          value: 'AWS_AUTH',
          meaning: 'The default: requests are signed with AWS credentials (SigV4); not SMART on FHIR.',
        },
        {
          value: 'SMART_ON_FHIR',
          meaning: 'SMART on FHIR V1 and V2: create, read, update, delete and search scopes.',
        },
        {
          value: 'SMART_ON_FHIR_V1',
          meaning: 'SMART on FHIR V1 only: read (read/search) and write (create/update/delete) scopes.',
        },
      ],
      help: {
        label: 'Authorization strategy',
        short: 'AWS_AUTH signs requests with AWS credentials; the SMART strategies use your OAuth server.',
        long:
          'The authorization strategy selected when the data store is created. HealthLake supports SMART on ' +
          'FHIR V1 and V2:\n\n' +
          'SMART_ON_FHIR_V1: only SMART on FHIR V1, with read (read/search) and write (create/update/delete) ' +
          'permissions.\n' +
          'SMART_ON_FHIR: SMART on FHIR V1 and V2, with create, read, update, delete and search permissions.\n' +
          'AWS_AUTH: the default HealthLake authorization strategy; not affiliated with SMART on FHIR.',
      },
      examples: ['AWS_AUTH', 'SMART_ON_FHIR'],
    },
    {
      kind: 'boolean',
      name: 'FineGrainedAuthorizationEnabled',
      shape: 'Boolean',
      required: false,
      appliesWhen: {
        sibling: 'AuthorizationStrategy',
        oneOf: SMART_STRATEGIES,
        otherwise: {
          severity: 'error',
          harmless: false,
          message: 'Fine-grained authorization only applies with a SMART on FHIR strategy.',
          fix: {
            cli: 'Set FineGrainedAuthorizationEnabled=false, or choose AuthorizationStrategy=SMART_ON_FHIR.',
            wizard: 'Choose false in Fine-grained authorization, or SMART_ON_FHIR in Identity provider.',
          },
        },
      },
      whenLeftOut: 'false',
      help: {
        label: 'Fine-grained authorization',
        short: 'Enforce SMART scopes per resource and patient (only with a SMART strategy).',
        long:
          'Enables SMART on FHIR fine-grained authorization for the data store: the scopes in the access ' +
          'token (for example patient/Observation.read) restrict which resources, and whose, a request may ' +
          'touch. It only applies with a SMART strategy.',
      },
      examples: ['true', 'false'],
    },
    {
      kind: 'string',
      name: 'Metadata',
      shape: 'ConfigurationMetadata',
      required: false,
      appliesWhen: {
        sibling: 'AuthorizationStrategy',
        oneOf: SMART_STRATEGIES,
        required: {
          message: { cli: '{value} needs Metadata describing your authorization server.', wizard: '{value} needs SMART metadata describing your authorization server.' },
          fix: {
            cli: 'Add Metadata@=file://smart-metadata.json (a JSON object), or build it in the wizard.',
            wizard: 'Build the metadata here, or paste a JSON document you already have.',
          },
        },
        otherwise: smartOnly('Metadata'),
      },
      holdsJson: true,
      documentRules: 'smart-metadata',
      help: {
        label: 'SMART metadata',
        short: 'A JSON document describing your authorization server (endpoints, grant types, PKCE).',
        long:
          'The JSON metadata elements to use in your identity provider configuration; a string holding a JSON ' +
          `object. Required elements follow SMART's App Launch specification (${SMART_DOCS}):\n\n` +
          'authorization_endpoint: the URL to the OAuth2 authorization endpoint.\n' +
          'token_endpoint: the URL to the OAuth2 token endpoint.\n' +
          'grant_types_supported: the grant types supported at the token endpoint; at least one of ' +
          'authorization_code and client_credentials.\n' +
          'capabilities: an array of strings of the SMART capabilities the authorization server supports.\n' +
          'code_challenge_methods_supported: the supported PKCE code challenge methods; must include S256.',
      },
      examples: [
        '{"authorization_endpoint":"https://auth.example.com/authorize","token_endpoint":"https://auth.example.com/token",' +
          '"grant_types_supported":["authorization_code"],"capabilities":["launch-standalone"],' +
          '"code_challenge_methods_supported":["S256"]}',
      ],
    },
    {
      kind: 'string',
      name: 'IdpLambdaArn',
      shape: 'LambdaArn',
      required: false,
      appliesWhen: {
        sibling: 'AuthorizationStrategy',
        oneOf: SMART_STRATEGIES,
        required: {
          message: {
            cli: '{value} needs IdpLambdaArn, the Lambda function that decodes access tokens.',
            wizard: '{value} needs the Lambda function that decodes access tokens.',
          },
          fix: {
            cli: 'Add IdpLambdaArn=arn:aws:lambda:REGION:ACCOUNT_ID:function:NAME.',
            wizard: 'Type the ARN of that function: arn:aws:lambda:REGION:ACCOUNT_ID:function:NAME.',
          },
        },
        otherwise: smartOnly('IdpLambdaArn'),
      },
      arnInDatastoreRegion: true,
      pickedFrom: 'lambda-function',
      min: 49,
      max: 256,
      pattern:
        'arn:aws:lambda:[a-z]{2}-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9\\-_\\.]+(:(\\$LATEST|[a-zA-Z0-9\\-_]+))?',
      patternInWords: 'arn:aws:lambda:REGION:ACCOUNT_ID:function:NAME, optionally followed by :VERSION or :ALIAS',
      help: {
        label: 'IdP Lambda ARN',
        short: 'The Lambda function that decodes your authorization server\'s access tokens.',
        long:
          'The Amazon Resource Name (ARN) of the Lambda function to use to decode the access token created by ' +
          'the authorization server. HealthLake calls it on every request to learn the token\'s scopes and ' +
          'subject. Required with a SMART strategy.',
      },
      examples: ['arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder'],
    },
  ],
};

/** Every top-level member of CreateFHIRDatastoreRequest, in the order the wizard asks for them. */
export const PARAMETERS: readonly TopLevelParameter[] = [
  datastoreName,
  datastoreTypeVersion,
  sseConfiguration,
  preloadDataConfig,
  tags,
  identityProviderConfiguration,
  clientToken,
];

/** The wizard's steps with their titles, in order. A step asks for the parameters whose `step` it is. */
export const STEPS: readonly { id: StepId; title: string; optional: boolean }[] = [
  { id: 'name', title: 'Name', optional: true },
  { id: 'version', title: 'FHIR version', optional: false },
  { id: 'encryption', title: 'Encryption', optional: true },
  { id: 'preload', title: 'Sample data', optional: true },
  { id: 'tags', title: 'Tags', optional: true },
  { id: 'identity', title: 'Identity provider', optional: true },
  { id: 'advanced', title: 'Client token', optional: true },
];

/** The SMART metadata elements HealthLake requires, from the Metadata documentation. */
export const SMART_METADATA = {
  docs: SMART_DOCS,
  grantTypes: [
    { value: 'authorization_code', meaning: 'Apps acting for a signed-in user (authorization code flow).' },
    { value: 'client_credentials', meaning: 'Back-end services acting for themselves (client credentials).' },
  ],
  requiredCodeChallengeMethod: 'S256',
  /** Capabilities from the SMART App Launch specification, offered as choices by the metadata builder. */
  knownCapabilities: [
    'launch-ehr',
    'launch-standalone',
    'client-public',
    'client-confidential-symmetric',
    'client-confidential-asymmetric',
    'context-passthrough-banner',
    'context-passthrough-style',
    'context-ehr-patient',
    'context-ehr-encounter',
    'context-standalone-patient',
    'context-standalone-encounter',
    'permission-offline',
    'permission-online',
    'permission-patient',
    'permission-user',
    'permission-v1',
    'permission-v2',
    'sso-openid-connect',
    'authorize-post',
  ],
} as const;

/** The request's top-level members in the service model's order; skeletons print them in this order. */
export const MODEL_MEMBER_ORDER: readonly string[] = [
  'DatastoreName',
  'DatastoreTypeVersion',
  'SseConfiguration',
  'PreloadDataConfig',
  'ClientToken',
  'Tags',
  'IdentityProviderConfiguration',
];

/** CreateFHIRDatastoreResponse's members, in the model's order (for `--generate-cli-skeleton output`). */
export const RESPONSE_MEMBERS: readonly string[] = Object.keys(RESPONSE_SHAPES.CreateFHIRDatastoreResponse);
