/**
 * `healthlake-wizard status [DATASTORE_ID] [--wait] [--output ...] [--query ...] [--region ...] [--endpoint-url ...]
 * [--profile ...] [--sandbox] [--plain]`: the live panel on a terminal; otherwise (no TTY, `--no-interactive`,
 * `--wait`) describe once and print as the AWS CLI does, or follow the status until ACTIVE/CREATE_FAILED, as
 * `--plain` (or TERM=dumb) does on a terminal.
 */
import { EXIT, type GlobalOptions, type OutputFormat } from '../options.js';
import { fitHelp } from '../request/help.js';
import { formatIssue, InputError, syntaxIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';
import { parseCommandArgs } from './command-args.js';
import { writeStdout } from '../stdout.js';

const OUTPUTS: readonly OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table'];

/** The flags of `status` (read by the parser and by the shell completion and man page). */
export const FLAGS = {
  wait: { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  plain: { type: 'boolean' },
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
  debug: { type: 'boolean' },
  'no-cli-pager': { type: 'boolean' },
  'no-paginate': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: healthlake-wizard status [DATASTORE_ID] [--wait] [--no-interactive] [--plain] [--sandbox]
         [--output json|yaml|yaml-stream|text|table] [--query JMESPATH] [--region R] [--profile P] [--endpoint-url URL]
Without DATASTORE_ID: the newest data store in the local history.
--plain (the default when TERM=dumb): on a terminal, follow the status line by line as --wait does, instead
of the live panel (for screen readers, dumb terminals and editors' shells).
`;

/** Parsed `status` arguments. */
interface StatusArgs {
  datastoreId?: string;
  wait: boolean;
  interactive: boolean;
  options: GlobalOptions;
}

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

function parseStatusArgs(argv: string[]): StatusArgs | 'help' {
  const { values, positionals } = parseCommandArgs('status', argv, FLAGS, true);
  if (values.help) return 'help';
  if (positionals.length > 1) throw usage('status', 'takes at most one DATASTORE_ID.', 'Give one data store id, or none for the newest in history.', positionals.join(' '));
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
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const onTerminal = tty && !values['no-interactive'];
  // The plain mode has no panel (it redraws): a person on a terminal gets the status line by line instead.
  const plain = values.plain === true || process.env.TERM === 'dumb';
  const wait = values.wait === true || (onTerminal && plain);
  return {
    ...(positionals[0] ? { datastoreId: positionals[0] } : {}),
    wait,
    interactive: onTerminal && !wait,
    options,
  };
}

/** Runs `status`; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let args: StatusArgs | 'help';
  try {
    args = parseStatusArgs(argv);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.issues.map((issue) => `healthlake-wizard: ${formatIssue(issue)}\n`).join('')}${fitHelp(USAGE)}`);
    return EXIT.usage;
  }
  if (args === 'help') {
    writeStdout(fitHelp(USAGE));
    return EXIT.ok;
  }
  if (args.interactive) {
    const { runStatusPanel } = await import('../ui/run-status.js');
    return runStatusPanel({ ...(args.datastoreId ? { datastoreId: args.datastoreId } : {}), options: args.options });
  }
  const { runStatusOnce } = await import('../aws/status-report.js');
  return runStatusOnce(args);
}
