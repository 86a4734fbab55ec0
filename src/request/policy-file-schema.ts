/** The shape of a policy file, as a JSON Schema: the policy is checked with the same library as its rules. */

const WORDS = { type: 'string', minLength: 1 } as const;
const REGION = { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$', description: 'must be a Region code such as us-east-1' } as const;
const ACCOUNT = { type: 'string', pattern: '^[0-9]{12}$', description: 'must be an account id of 12 digits (quoted in YAML, so that it stays text)' } as const;
const PRESET_GLOB = { type: 'string', pattern: '^[A-Za-z0-9*][A-Za-z0-9._*-]*$', description: 'must be a preset name, * standing for any characters' } as const;
const list = (item: object) => ({ type: 'array', items: item, minItems: 1 }) as const;

/** One rule: its id, the rule and reason in words, when it applies, and what it requires. */
const RULE = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'rule', 'reason'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'must be lower-case letters, digits and "-", such as owner-tag' },
    rule: WORDS,
    reason: WORDS,
    fix: WORDS,
    field: WORDS,
    when: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { presets: list(PRESET_GLOB), regions: list(REGION), accounts: list(ACCOUNT) },
    },
    request: { type: ['object', 'boolean'] },
    regions: list(REGION),
    accounts: list(ACCOUNT),
    expiryTag: { const: 'required' },
  },
  anyOf: [{ required: ['request'] }, { required: ['regions'] }, { required: ['accounts'] }, { required: ['expiryTag'] }],
} as const;

/** `version: 1` and the rules. */
export const POLICY_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'rules'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    description: { type: 'string' },
    rules: { type: 'array', items: RULE },
  },
} as const;
