/**
 * `healthlake-wizard cleanup [--yes] [--dry-run]`: deletes the Region's data stores whose expiry tag
 * (`--expires-in`) has passed, whoever created them, after one confirmation, and follows each to DELETED.
 * Without a terminal (or with --no-interactive) nothing is asked, so --yes is required (or --dry-run, to list).
 */
import { EXPIRY_TAG_KEY } from '../request/expiry.js';
import { usageError } from '../store/command-report.js';
import { commandHelp, parseCommandArgs, runParsedCommand, type CommandFlags } from './command-args.js';
import type { CleanupRequest } from '../aws/datastore-cleanup.js';

/** The own flags of `cleanup` (read by the parser, its help, the shell completion and man page); its AWS CLI global options come from COMMAND_GLOBALS. */
export const FLAGS = {
  yes: { type: 'boolean', short: 'y', help: 'Delete without asking (required without a terminal, or with --no-interactive).' },
  'dry-run': { type: 'boolean', help: 'List the expired data stores and delete nothing.' },
  'no-interactive': { type: 'boolean', help: 'Ask nothing (needs --yes or --dry-run).' },
  sandbox: { type: 'boolean', option: 'sandbox', help: 'Clean up the built-in local emulator instead of AWS.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'cleanup',
  '[--yes] [--dry-run] [--no-interactive] [options]',
  `Deletes the Region's data stores whose expiry has passed: those tagged ${EXPIRY_TAG_KEY} (create --expires-in) with a time before now, whoever created them. It lists them and asks once, then deletes each and follows it to DELETED. Their FHIR data is lost; this cannot be undone.

Without an output format (--output, AWS_DEFAULT_OUTPUT or the profile's output) or --query the list is a table for people; with either, it is printed as the AWS CLI prints a response ({"ExpiredDatastores": [...]}). Ctrl+C stops: the data stores whose deletion started are named (they go on to DELETED), and those not yet touched are left as they are.`,
  FLAGS,
);

function parseCleanupArgs(argv: string[]): CleanupRequest | 'help' {
  const { values, options } = parseCommandArgs('cleanup', argv, FLAGS, false);
  if (values.help) return 'help';
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const interactive = tty && !values['no-interactive'];
  if (!values.yes && !values['dry-run'] && !interactive) {
    const why = values['no-interactive'] ? 'With --no-interactive' : 'Without a terminal to ask on';
    throw usageError(
      '--yes',
      `${why}, cleanup needs --yes: the expired data stores and all their FHIR data are deleted for good.`,
      'See what would be deleted with healthlake-wizard cleanup --dry-run, then run: healthlake-wizard cleanup --yes',
    );
  }
  return { confirmed: values.yes === true, dryRun: values['dry-run'] === true, options };
}

/** Runs `cleanup`; returns the exit code. */
export function run(argv: string[]): Promise<number> {
  return runParsedCommand(argv, USAGE, parseCleanupArgs, async (request) => (await import('../aws/datastore-cleanup.js')).runCleanup(request));
}
