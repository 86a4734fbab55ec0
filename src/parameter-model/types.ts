/** The shapes of the declarative parameter spec. Everything that knows about a parameter reads these. */

/** One allowed value of an enum, with what it means in a line. */
export interface EnumValue {
  value: string;
  /** One line a person can act on. */
  meaning: string;
}

/** Help written from the AWS documentation. */
export interface Help {
  /** A short label for prompts and tables, e.g. "Data store name". */
  label: string;
  /** One sentence shown by default. */
  short: string;
  /** The longer text shown on `?`, in plain text (paragraphs separated by blank lines). */
  long: string;
}

/** Words for the command line, and for the wizard where they differ (it has screens, not flags). */
export type Wording = string | { cli: string; wizard: string };

/** A cross-field rule's message and fix; `{value}` in either stands for the sibling's value that set the rule off. */
export interface RuleWords {
  message: Wording;
  fix: Wording;
}

/**
 * When a member applies: a sibling member holds one of `oneOf`. The wizard asks for the member only then, and the
 * validation's one walk over the spec (request/cross-field-rules.ts) enforces what is declared here.
 */
export interface AppliesWhen {
  sibling: string;
  oneOf: readonly string[];
  /** Required when it applies (KmsKeyId with a customer managed key). */
  required?: RuleWords;
  /**
   * Given while the sibling holds another of its valid values: refused (`error`) or ignored (`warning`). A value
   * equal to `harmless` (false for a switch that is off) is neither.
   */
  otherwise?: RuleWords & { severity: 'error' | 'warning'; harmless?: string | boolean };
}

interface NodeBase {
  /** The service model's member name (e.g. `DatastoreName`). */
  name: string;
  /** The service model's shape name (e.g. `DatastoreName`), for the spec-vs-model test. */
  shape: string;
  /** Required inside its parent structure, as the service model says. */
  required: boolean;
  help: Help;
  /** Values that show the syntax, valid for the field. */
  examples: string[];
  /** The member applies only when a sibling member holds one of these values (e.g. KmsKeyId with a customer managed key). */
  appliesWhen?: AppliesWhen;
  /** What applies when an optional member is left out, in a few words (e.g. "an AWS owned key"). */
  whenLeftOut?: string;
}

/** A string member. */
export interface StringNode extends NodeBase {
  kind: 'string';
  min?: number;
  max?: number;
  /** The service model's regular expression, verbatim. Matched against the whole value with the `u` flag. */
  pattern?: string;
  /** The pattern rule in words, for messages. */
  patternInWords?: string;
  /** The string holds a JSON document (IdentityProviderConfiguration.Metadata). */
  holdsJson?: boolean;
  /** An ARN given here must be in the data store's Region (HealthLake uses the key or function from there). */
  arnInDatastoreRegion?: boolean;
  /** The value names a resource of the target Region the wizard offers in a picker (free text stays possible). */
  pickedFrom?: 'kms-key' | 'lambda-function';
  /** The JSON document's own rules, checked while the member applies (the SMART metadata's required elements). */
  documentRules?: 'smart-metadata';
}

/** A string member whose value is one of a closed set. */
export interface EnumNode extends NodeBase {
  kind: 'enum';
  values: EnumValue[];
}

/** A boolean member. */
export interface BooleanNode extends NodeBase {
  kind: 'boolean';
}

/** A structure with named members. */
export interface StructureNode extends NodeBase {
  kind: 'structure';
  members: SpecNode[];
}

/** A list of structures (Tags). */
export interface ListNode extends NodeBase {
  kind: 'list';
  /** The model's list shape name (e.g. `TagList`); `shape` holds the member shape. */
  listShape: string;
  min: number;
  max: number;
  member: StructureNode;
  /**
   * No two items may hold the same value of this member (tag keys); the message is made from the labels, `fix`
   * says what to do.
   */
  uniqueBy?: { member: string; fix: string };
}

export type SpecNode = StringNode | EnumNode | BooleanNode | StructureNode | ListNode;
export type ScalarNode = StringNode | EnumNode | BooleanNode;

/** A top-level request member, with its AWS CLI flag and the wizard step that asks for it. */
export type TopLevelParameter = SpecNode & {
  /** The AWS CLI flag, e.g. `--datastore-name`. */
  flag: string;
  /** The id of the wizard step that asks for it. */
  step: StepId;
  /** Cannot be changed once the data store exists: the confirmation before creating names it. */
  fixedAfterCreation?: boolean;
};

/** The wizard's steps, in the order a person thinks. */
export type StepId = 'name' | 'version' | 'encryption' | 'preload' | 'tags' | 'identity' | 'advanced';

/** A leaf of the spec with where it sits in the request. */
export interface SpecLeaf {
  /** Path in the request, e.g. `SseConfiguration.KmsEncryptionConfig.KmsKeyId`, `Tags[].Key`. */
  path: string;
  /** The top-level parameter it belongs to. */
  parameter: TopLevelParameter;
  node: ScalarNode;
}
