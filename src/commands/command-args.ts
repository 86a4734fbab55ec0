/**
 * Flag parsing for the commands besides `create` (whose flags come from the spec): node:util's parseArgs, with
 * its errors worded as `create`'s are (the flag, the rule, a "did you mean", the fix) instead of Node's.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type GlobalOptions, type OutputFormat } from '../options.js';
import { fitHelp } from '../request/help.js';
import { FLAG_SYNTAX, InputError, syntaxIssue, type FieldIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';
import { writeStdout } from '../stdout.js';
import { reportCommandError } from '../store/command-report.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** AWS CLI global options every command accepts, though a local one (history, presets) has no use for them. */
export const INERT_GLOBAL_OPTIONS = { debug: { type: 'boolean' }, 'no-cli-pager': { type: 'boolean' }, 'no-paginate': { type: 'boolean' } } as const;

/** The AWS CLI global options of the commands that talk to HealthLake (status, list, delete), and `--sandbox`. */
export const AWS_GLOBAL_FLAGS = {
  sandbox: { type: 'boolean' },
  output: { type: 'string' },
  query: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  profile: { type: 'string' },
  'ca-bundle': { type: 'string' },
  'no-verify-ssl': { type: 'boolean' },
  'no-sign-request': { type: 'boolean' },
  'cli-read-timeout': { type: 'string' },
  'cli-connect-timeout': { type: 'string' },
  color: { type: 'string' },
  ...INERT_GLOBAL_OPTIONS,
} as const;

const OUTPUTS: readonly OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table'];

/** Bad usage, worded as every command's: the flag, the rule, what was given, the fix. */
function usage(flag: string, message: string, fix: string, value?: unknown): InputError {
  return new InputError([syntaxIssue(flag, message, fix, value)]);
}

function seconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw usage(flag, `${flag} must be a number of seconds (0 = no limit).`, `Use for example ${flag} 30.`, raw);
  return value;
}

/** The GlobalOptions named by parsed AWS_GLOBAL_FLAGS values; throws an InputError (exit 252) on a bad value. */
export function globalOptionsFrom(values: { [K in keyof typeof AWS_GLOBAL_FLAGS]?: (typeof AWS_GLOBAL_FLAGS)[K]['type'] extends 'boolean' ? boolean : string }): GlobalOptions {
  const output = values.output as OutputFormat | undefined;
  if (output !== undefined && !OUTPUTS.includes(output)) {
    throw usage('--output', `--output must be one of ${OUTPUTS.join(', ')}.${didYouMean(output, OUTPUTS)}`, 'Use for example --output json.', output);
  }
  const color = values.color as GlobalOptions['color'];
  if (color !== undefined && !['on', 'off', 'auto'].includes(color)) throw usage('--color', '--color must be on, off or auto.', 'Use --color on, --color off or --color auto.', color);
  const options: GlobalOptions = {
    ...(values.region ? { region: values.region } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values['endpoint-url'] ? { endpointUrl: values['endpoint-url'] } : {}),
    ...(values['ca-bundle'] ? { caBundle: values['ca-bundle'] } : {}),
    ...(values['no-verify-ssl'] ? { noVerifySsl: true } : {}),
    ...(values['no-sign-request'] ? { noSignRequest: true } : {}),
    ...(output ? { output } : {}),
    ...(values.query !== undefined ? { query: values.query } : {}),
    ...(color ? { color } : {}),
    ...(values.debug ? { debug: true } : {}),
    ...(values.sandbox ? { sandbox: true } : {}),
  };
  const read = seconds('--cli-read-timeout', values['cli-read-timeout']);
  const connect = seconds('--cli-connect-timeout', values['cli-connect-timeout']);
  if (read !== undefined) options.cliReadTimeout = read;
  if (connect !== undefined) options.cliConnectTimeout = connect;
  return options;
}

/** Parses `args` for `command` (e.g. `presets show`); throws an InputError (exit 252) on bad syntax. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new InputError([commandArgsIssue(command, error, Object.keys(options).map((name) => `--${name}`))]);
  }
}

function commandArgsIssue(command: string, error: unknown, flags: string[]): FieldIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes what it stumbled on: '--bogus', '--output <value>', '-o, --output <value>', 'stray'.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const flag = /--?[^\s,<=]+(?=[^,]*$)/.exec(quoted)?.[0] ?? quoted;
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return FLAG_SYNTAX.unknown(flag, command, didYouMean(flag, flags));
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "does not take an argument" for a boolean given one; "argument missing" or "ambiguous" (a dash-led word
      // after it) for a flag without its value.
      return message.includes('does not take an argument') ? FLAG_SYNTAX.takesNoValue(flag) : FLAG_SYNTAX.needsValue(flag);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return syntaxIssue(command, 'takes no arguments.', `Remove it; run healthlake-wizard ${command} --help for what it takes.`, quoted);
    default:
      throw error;
  }
}

/**
 * The life of a command that parses, then acts: bad usage is reported with the usage text (exit 252), `help`
 * prints it (exit 0), anything else runs `act` (usually a lazy import of the code that talks to HealthLake).
 */
export async function runParsedCommand<T>(argv: string[], usageText: string, parse: (argv: string[]) => T | 'help', act: (parsed: T) => Promise<number>): Promise<number> {
  let parsed: T | 'help';
  try {
    parsed = parse(argv);
  } catch (error) {
    const code = reportCommandError(error);
    process.stderr.write(fitHelp(usageText));
    return code;
  }
  if (parsed === 'help') {
    writeStdout(fitHelp(usageText));
    return EXIT.ok;
  }
  return act(parsed);
}
