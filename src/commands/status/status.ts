/**
 * `healthlake-wizard status [DATASTORE_ID] [--wait] [--output ...] [--query ...] [--region ...] [--endpoint-url ...]
 * [--profile ...] [--sandbox] [--plain]`: the live panel on a terminal (without an id, after a picker over the
 * Region's data stores and the local history); otherwise (no TTY, `--no-interactive`,
 * `--wait`) describe once and print as the AWS CLI does, or follow the status until ACTIVE/CREATE_FAILED, as
 * `--plain` (or TERM=dumb) does on a terminal.
 */
import type { GlobalOptions } from '../../options.js';
import { InputError, syntaxIssue } from '../../request/issues.js';
import { commandHelp, parseCommandArgs, runParsedCommand, type CommandFlags } from '../command-args.js';

/** The own flags of `status` (read by the parser, its help, the shell completion and man page); its AWS CLI global options come from COMMAND_GLOBALS. */
export const FLAGS = {
  wait: { type: 'boolean', help: 'Wait until the data store is ACTIVE (or failed), printing each change.' },
  'no-interactive': { type: 'boolean', help: 'Describe once (or wait with --wait) and print, with no status panel.' },
  plain: { type: 'boolean', help: "On a terminal, follow the status line by line as --wait does, instead of the live panel (for screen readers, dumb terminals and editors' shells). The default when TERM=dumb." },
  sandbox: { type: 'boolean', option: 'sandbox', help: 'Look in the built-in local emulator instead of AWS.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'status',
  '[DATASTORE_ID] [options]',
  "The live status of a data store (DescribeFHIRDatastore). Without DATASTORE_ID: on a terminal, a picker over the Region's data stores and the local history (type to filter); with --no-interactive, --wait or --plain, or without a terminal, the newest data store in the local history. Without a terminal, or with --no-interactive, it describes once and prints as the AWS CLI does.",
  FLAGS,
);

/** Parsed `status` arguments. */
interface StatusArgs {
  datastoreId?: string;
  wait: boolean;
  interactive: boolean;
  options: GlobalOptions;
}

function parseStatusArgs(argv: string[]): StatusArgs | 'help' {
  const { values, positionals, options } = parseCommandArgs('status', argv, FLAGS, true);
  if (values.help) return 'help';
  if (positionals.length > 1) {
    throw new InputError([syntaxIssue('status', 'takes at most one DATASTORE_ID.', 'Give one data store id, or none for the newest in history.', positionals.join(' '))]);
  }
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
export function run(argv: string[]): Promise<number> {
  return runParsedCommand(argv, USAGE, parseStatusArgs, async (args) => {
    if (args.interactive) {
      const { runStatusPanel } = await import('../../ui/status/run-status.js');
      return runStatusPanel({ ...(args.datastoreId ? { datastoreId: args.datastoreId } : {}), options: args.options });
    }
    const { runStatusOnce } = await import('./status-report.js');
    return runStatusOnce(args);
  });
}
