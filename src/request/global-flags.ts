/**
 * The AWS CLI global options, declared once: which of them each command takes (`COMMAND_GLOBALS`), how their
 * values are read and checked, and the help line of each. create's parser (argv.ts), the other commands' parser
 * (commands/command-args.ts), every `--help`, the shell completions and the man page all read this table.
 */
import type { CreateOptions } from '../options.js';
import { parseDuration } from './expiry.js';
import { FLAG_SYNTAX, syntaxIssue, type FieldIssue } from './issues.js';
import { didYouMean } from './suggest.js';

/** How a flag takes its value. */
export type FlagKind = 'boolean' | 'string' | 'integer' | 'choice' | 'optional-choice' | 'duration';

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

/** Every AWS CLI global option healthlake-wizard accepts, with the same spelling and value syntax. */
export const GLOBAL_FLAGS: readonly OptionFlag[] = [
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
  { flag: '--no-paginate', key: 'noPaginate', kind: 'boolean', sets: true, group: 'global', help: 'Accepted for compatibility; nothing here pages on its own (list answers one page per call).' },
  { flag: '--cli-binary-format', key: 'cliBinaryFormat', kind: 'choice', choices: ['base64', 'raw-in-base64-out'], group: 'global', help: 'Accepted for compatibility; no parameter here is a blob.' },
  { flag: '--cli-auto-prompt', key: 'noInteractive', kind: 'boolean', sets: false, group: 'global', help: 'The wizard: on a terminal it asks for what the flags leave out (the default here).' },
  { flag: '--no-cli-auto-prompt', key: 'noInteractive', kind: 'boolean', sets: true, group: 'global', help: 'Never prompt; the same as --no-interactive.' },
  { flag: '--version', key: 'version', kind: 'boolean', sets: true, group: 'global', help: 'Print the version.' },
];

/** The global options of a command that talks to HealthLake. */
const TALKS_TO_AWS = [
  '--region', '--profile', '--endpoint-url', '--no-verify-ssl', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout',
  '--output', '--query', '--color', '--debug', '--no-sign-request', '--no-cli-pager', '--no-paginate',
] as const;

/** The global options a local command (its own files only) accepts as the AWS CLI would, though it needs none. */
const LOCAL_ONLY = ['--debug', '--no-cli-pager', '--no-paginate'] as const;

/**
 * Which AWS CLI global options each command takes: the one table. A command's own flag of the same name (history's
 * `--output table|json|text`) is declared with the command instead.
 */
export const COMMAND_GLOBALS = {
  create: [...TALKS_TO_AWS, '--cli-binary-format', '--cli-auto-prompt', '--no-cli-auto-prompt', '--version'],
  status: TALKS_TO_AWS,
  list: TALKS_TO_AWS,
  delete: TALKS_TO_AWS,
  cleanup: TALKS_TO_AWS,
  history: LOCAL_ONLY,
  presets: LOCAL_ONLY,
  policy: LOCAL_ONLY,
} as const satisfies Record<string, readonly string[]>;

/** A command with an entry in COMMAND_GLOBALS. */
export type CommandName = keyof typeof COMMAND_GLOBALS;

/** The global options `command` takes, in the table's order. */
export function globalFlagsOf(command: CommandName): OptionFlag[] {
  const taken: readonly string[] = COMMAND_GLOBALS[command];
  return GLOBAL_FLAGS.filter((option) => taken.includes(option.flag));
}

/** Whether the flag takes a value word after it (`--region R`), as node:util parseArgs needs to know. */
export function takesValue(option: OptionFlag): boolean {
  return option.kind !== 'boolean' && option.kind !== 'optional-choice';
}

/**
 * A flag `command` does not take: unknown, or an AWS CLI global option another command takes (`history --region`),
 * which is said as such. `known` are the command's own flags, for the "did you mean".
 */
export function notTakenIssue(flag: string, command: string, known: readonly string[]): FieldIssue {
  const extensions = known.filter((candidate) => candidate.startsWith(flag));
  const suggestion = extensions.length === 1 ? ` Did you mean ${extensions[0]}?` : didYouMean(flag, known);
  const takers = Object.entries(COMMAND_GLOBALS)
    .filter(([, flags]) => (flags as readonly string[]).includes(flag))
    .map(([name]) => name);
  if (takers.length === 0) return FLAG_SYNTAX.unknown(flag, command, suggestion);
  const commands = takers.length === 1 ? takers[0] : `${takers.slice(0, -1).join(', ')} and ${takers.at(-1)}`;
  return syntaxIssue(
    flag,
    `${command} does not take ${flag}, an AWS CLI global option of ${commands}.${suggestion}`,
    `Remove it; run healthlake-wizard ${command} --help for the list of flags.`,
  );
}

/**
 * Reads one option's value (a word, or none for a boolean) into `options`; a bad value is an issue naming the flag,
 * the rule and the fix, the same for every command.
 */
export function applyOptionValue(options: Record<string, unknown>, option: OptionFlag, value: string | undefined, issues: FieldIssue[]): void {
  const set = (v: unknown) => {
    options[option.key] = v;
  };
  switch (option.kind) {
    case 'boolean':
      set(option.sets ?? true);
      return;
    case 'integer': {
      const number = Number(value);
      if (!/^\d+$/.test(value ?? '') || !Number.isSafeInteger(number)) {
        issues.push(syntaxIssue(option.flag, `${option.flag} must be a whole number of seconds.`, `Use for example ${option.flag} 30 (0 waits forever).`, value));
      } else set(number);
      return;
    }
    case 'choice':
    case 'optional-choice': {
      const chosen = value ?? option.defaultChoice;
      if (chosen === undefined || !option.choices!.includes(chosen)) {
        issues.push(syntaxIssue(option.flag, `${option.flag} must be one of ${option.choices!.join(', ')}.${didYouMean(chosen ?? '', option.choices!)}`, `Use ${option.flag} ${option.choices![0]}.`, value));
      } else set(chosen);
      return;
    }
    case 'duration': {
      const parsed = parseDuration(value ?? '', option.flag);
      if (typeof parsed === 'number') set(parsed);
      else issues.push(parsed);
      return;
    }
    default:
      set(value);
  }
}

/** How a flag's value is written in help: ` <json|yaml>`, ` [input|output]`, ` <url>`, or nothing. */
export function valueSyntax(option: Pick<OptionFlag, 'kind' | 'choices' | 'valueName'>): string {
  if (option.kind === 'choice') return ` <${option.choices!.join('|')}>`;
  if (option.kind === 'optional-choice') return ` [${option.choices!.join('|')}]`;
  return option.valueName ? ` ${option.valueName}` : '';
}
