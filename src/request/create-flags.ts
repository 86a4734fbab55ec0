/**
 * The flags `create` accepts besides the request parameters (which come from the spec): the wizard's own, then
 * the AWS CLI global options it takes (declared once, in global-flags.ts). One table, read by the argv parser, by
 * `--help` and by the shell completion and man page.
 */
import { EXPORT_FORMAT_NAMES } from './export-formats.js';
import { globalFlagsOf, type OptionFlag } from './global-flags.js';

export { OUTPUT_FORMATS, type FlagKind, type OptionFlag } from './global-flags.js';

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
  { flag: '--export', key: 'export', kind: 'choice', choices: EXPORT_FORMAT_NAMES, valueName: '<format>', group: 'command', help: 'Print the request in this format (see Export formats below) instead of sending it; nothing is asked or sent.' },
  { flag: '--export-file', key: 'exportFile', kind: 'string', valueName: '<path>', group: 'command', help: 'Write the --export to this new file instead of standard output; an existing file is never overwritten (name-2.ext is written instead, and said).' },
  { flag: '--expires-in', key: 'expiresInMs', kind: 'duration', valueName: '<duration>', group: 'command', help: 'Tag the data store to expire after this long, e.g. 30m, 4h, 2d or 1w: the tag healthlake-wizard:expires-at holds the time (UTC), and healthlake-wizard cleanup deletes it once that time has passed.' },
  { flag: '--wait', key: 'wait', kind: 'boolean', sets: true, group: 'command', help: 'Wait until the data store is ACTIVE (or failed) before exiting.' },
  { flag: '--no-wait', key: 'wait', kind: 'boolean', sets: false, group: 'command', help: 'Exit as soon as the creation is accepted.' },
  { flag: '--no-journal', key: 'noJournal', kind: 'boolean', sets: true, group: 'command', help: 'Send without journaling the ClientToken first (needed when the local store cannot be opened): a lost response can then be neither resumed nor safely retried.' },
  { flag: '--sandbox', key: 'sandbox', kind: 'boolean', sets: true, group: 'command', help: 'Send to the built-in local emulator instead of AWS; no account needed.' },
  { flag: '--help', key: 'help', kind: 'boolean', sets: true, group: 'command', help: 'Show this help.' },
  ...globalFlagsOf('create'),
];

/** The option flag with this spelling. */
export function optionFlag(flag: string): OptionFlag | undefined {
  return OPTION_FLAGS.find((option) => option.flag === flag);
}
