/**
 * The flags `create` accepts besides the request parameters (which come from the spec): the AWS CLI global
 * options that make sense here and the wizard's own. One table, read by the argv parser and by `--help`.
 */
import type { CreateOptions } from '../options.js';

/** How a flag takes its value. */
export type FlagKind = 'boolean' | 'string' | 'integer' | 'choice' | 'optional-choice';

/** One non-request flag. */
export interface OptionFlag {
  /** As typed, e.g. `--endpoint-url`. */
  flag: string;
  /** Where the value goes: a CreateOptions key, or the cli-input readers. */
  key: keyof CreateOptions | 'cliInputJson' | 'cliInputYaml';
  kind: FlagKind;
  /** The value a boolean flag sets (false for `--no-wait`). */
  sets?: boolean;
  /** Allowed values of a choice. */
  choices?: readonly string[];
  /** The value an optional choice takes when none is given. */
  defaultChoice?: string;
  /** How the value is shown in help, e.g. `<url>`. */
  valueName?: string;
  /** `global` for the AWS CLI's global options, `command` for this command's own. */
  group: 'global' | 'command';
  help: string;
}

/** Output formats of `--output`, as the AWS CLI's. */
export const OUTPUT_FORMATS = ['json', 'yaml', 'yaml-stream', 'text', 'table'] as const;
/** Values of `--generate-cli-skeleton`. */
export const SKELETON_KINDS = ['input', 'yaml-input', 'output'] as const;

/** Every non-request flag of `create`. */
export const OPTION_FLAGS: readonly OptionFlag[] = [
  { flag: '--cli-input-json', key: 'cliInputJson', kind: 'string', valueName: '<json|file://path>', group: 'command', help: 'Read the request from JSON (inline or file://), in the format --generate-cli-skeleton prints. Flags given too replace whole top-level keys.' },
  { flag: '--cli-input-yaml', key: 'cliInputYaml', kind: 'string', valueName: '<yaml|file://path>', group: 'command', help: 'The same, from YAML. Not together with --cli-input-json.' },
  { flag: '--generate-cli-skeleton', key: 'generateCliSkeleton', kind: 'optional-choice', choices: SKELETON_KINDS, defaultChoice: 'input', group: 'command', help: 'Print a JSON (input), YAML (yaml-input) request skeleton, or a sample response (output, after validating the flags); send nothing.' },
  { flag: '--no-interactive', key: 'noInteractive', kind: 'boolean', sets: true, group: 'command', help: 'Never prompt: validate the flags, then send (or print with --dry-run). Also the behaviour without a terminal.' },
  { flag: '--plain', key: 'plain', kind: 'boolean', sets: true, group: 'command', help: 'Ask line by line (question, help, limits, default in brackets), with no cursor movement or redraws: for screen readers, dumb terminals and editors\' shells. The default when TERM=dumb.' },
  { flag: '--dry-run', key: 'dryRun', kind: 'boolean', sets: true, group: 'command', help: 'Print the request that would be sent (JSON, or --output yaml) and send nothing.' },
  { flag: '--preset', key: 'preset', kind: 'string', valueName: '<name>', group: 'command', help: 'Start from a saved preset; cli-input and flags override it.' },
  { flag: '--from-datastore', key: 'fromDatastore', kind: 'string', valueName: '<id>', group: 'command', help: 'Start from an existing data store\'s settings and tags (data stores cannot be changed; re-creating is the way): name and client token are fresh. A preset, cli-input and flags override it.' },
  { flag: '--preflight', key: 'preflight', kind: 'boolean', sets: true, group: 'command', help: 'Run the pre-flight checks (KMS key, token Lambda, SMART metadata, quota, Region, name) with read-only calls; with --dry-run, print their report and send nothing. A failed check exits 254.' },
  { flag: '--no-preflight', key: 'preflight', kind: 'boolean', sets: false, group: 'command', help: 'Send without the pre-flight checks (they run before sending by default).' },
  { flag: '--save-preset', key: 'savePreset', kind: 'string', valueName: '<name>', group: 'command', help: 'Save the answers as a preset (never the client token) when the request is sent or printed; in the wizard also when you quit from review.' },
  { flag: '--wait', key: 'wait', kind: 'boolean', sets: true, group: 'command', help: 'Wait until the data store is ACTIVE (or failed) before exiting.' },
  { flag: '--no-wait', key: 'wait', kind: 'boolean', sets: false, group: 'command', help: 'Exit as soon as the creation is accepted.' },
  { flag: '--no-journal', key: 'noJournal', kind: 'boolean', sets: true, group: 'command', help: 'Send without journaling the ClientToken first (needed when the local store cannot be opened): a lost response can then be neither resumed nor safely retried.' },
  { flag: '--sandbox', key: 'sandbox', kind: 'boolean', sets: true, group: 'command', help: 'Send to the built-in local emulator instead of AWS; no account needed.' },
  { flag: '--help', key: 'help', kind: 'boolean', sets: true, group: 'command', help: 'Show this help.' },
  { flag: '--region', key: 'region', kind: 'string', valueName: '<region>', group: 'global', help: 'The AWS Region, e.g. us-east-1.' },
  { flag: '--profile', key: 'profile', kind: 'string', valueName: '<name>', group: 'global', help: 'A profile from your AWS credentials and config files.' },
  { flag: '--endpoint-url', key: 'endpointUrl', kind: 'string', valueName: '<url>', group: 'global', help: 'Send requests to this URL instead of the Region\'s endpoint.' },
  { flag: '--no-verify-ssl', key: 'noVerifySsl', kind: 'boolean', sets: true, group: 'global', help: 'Do not verify TLS certificates (unsafe; for test endpoints).' },
  { flag: '--ca-bundle', key: 'caBundle', kind: 'string', valueName: '<path>', group: 'global', help: 'A CA certificate bundle to verify TLS certificates with.' },
  { flag: '--cli-read-timeout', key: 'cliReadTimeout', kind: 'integer', valueName: '<seconds>', group: 'global', help: 'Socket read time-out in seconds; 0 waits forever. Default 60.' },
  { flag: '--cli-connect-timeout', key: 'cliConnectTimeout', kind: 'integer', valueName: '<seconds>', group: 'global', help: 'Socket connect time-out in seconds; 0 waits forever. Default 60.' },
  { flag: '--output', key: 'output', kind: 'choice', choices: OUTPUT_FORMATS, group: 'global', help: 'Output format.' },
  { flag: '--query', key: 'query', kind: 'string', valueName: '<jmespath>', group: 'global', help: 'A JMESPath query applied to the output, e.g. DatastoreId.' },
  { flag: '--color', key: 'color', kind: 'choice', choices: ['on', 'off', 'auto'], group: 'global', help: 'Colour in the output.' },
  { flag: '--debug', key: 'debug', kind: 'boolean', sets: true, group: 'global', help: 'Print debug logs (never credentials).' },
  { flag: '--no-sign-request', key: 'noSignRequest', kind: 'boolean', sets: true, group: 'global', help: 'Do not sign requests (credentials are not loaded).' },
  { flag: '--no-cli-pager', key: 'noCliPager', kind: 'boolean', sets: true, group: 'global', help: 'Accepted for compatibility; output is never paged.' },
  { flag: '--no-paginate', key: 'noPaginate', kind: 'boolean', sets: true, group: 'global', help: 'Accepted for compatibility; CreateFHIRDatastore answers in one page.' },
  { flag: '--cli-binary-format', key: 'cliBinaryFormat', kind: 'choice', choices: ['base64', 'raw-in-base64-out'], group: 'global', help: 'Accepted for compatibility; no parameter here is a blob.' },
  { flag: '--cli-auto-prompt', key: 'noInteractive', kind: 'boolean', sets: false, group: 'global', help: 'The wizard: on a terminal it asks for what the flags leave out (the default here).' },
  { flag: '--no-cli-auto-prompt', key: 'noInteractive', kind: 'boolean', sets: true, group: 'global', help: 'Never prompt; the same as --no-interactive.' },
  { flag: '--version', key: 'version', kind: 'boolean', sets: true, group: 'global', help: 'Print the version.' },
];

/** The option flag with this spelling. */
export function optionFlag(flag: string): OptionFlag | undefined {
  return OPTION_FLAGS.find((option) => option.flag === flag);
}
