/**
 * `healthlake-wizard delete DATASTORE_ID [--yes] [--no-wait]`: deletes a data store after a confirmation that
 * names it and says its data is lost, then follows it to DELETED. Without a terminal (or with --no-interactive)
 * nothing is asked, so --yes is required.
 */
import { usageError } from '../store/command-report.js';
import { commandHelp, parseCommandArgs, runParsedCommand, type CommandFlags } from './command-args.js';
import type { DeleteRequest } from '../aws/datastore-delete.js';

/** The own flags of `delete` (read by the parser, its help, the shell completion and man page); its AWS CLI global options come from COMMAND_GLOBALS. */
export const FLAGS = {
  yes: { type: 'boolean', short: 'y', help: 'Delete without asking (required without a terminal, or with --no-interactive).' },
  wait: { type: 'boolean', help: 'Follow the deletion to DELETED (the default).' },
  'no-wait': { type: 'boolean', help: 'Stop once the deletion started, instead of following it to DELETED.' },
  'no-interactive': { type: 'boolean', help: 'Ask nothing (needs --yes).' },
  sandbox: { type: 'boolean', option: 'sandbox', help: 'Delete in the built-in local emulator instead of AWS.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'delete',
  'DATASTORE_ID [--yes] [--no-wait] [options]',
  'Deletes a data store and all its FHIR data (DeleteFHIRDatastore); this cannot be undone. It asks first, naming the data store. A data store in the local history is deleted where it was created (its region, profile, endpoint or the sandbox) unless flags say otherwise.',
  FLAGS,
);

function parseDeleteArgs(argv: string[]): DeleteRequest | 'help' {
  const { values, positionals, options } = parseCommandArgs('delete', argv, FLAGS, true);
  if (values.help) return 'help';
  const [datastoreId, ...extra] = positionals;
  if (!datastoreId) throw usageError('delete', 'needs the DATASTORE_ID of the data store to delete.', 'Give its id: healthlake-wizard delete DATASTORE_ID (healthlake-wizard list shows the ids).');
  if (extra.length > 0) throw usageError('delete', 'deletes one data store at a time.', 'Give one DATASTORE_ID per command.', positionals.join(' '));
  if (values.wait && values['no-wait']) throw usageError('--no-wait', '--wait and --no-wait exclude each other.', 'Keep one of them.');
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const interactive = tty && !values['no-interactive'];
  if (!values.yes && !interactive) {
    const why = values['no-interactive'] ? 'With --no-interactive' : 'Without a terminal to ask on';
    throw usageError(
      '--yes',
      `${why}, delete needs --yes: a data store and all its FHIR data are deleted for good.`,
      `Check the id, then run: healthlake-wizard delete ${datastoreId} --yes`,
    );
  }
  return { datastoreId, confirmed: values.yes === true, wait: values['no-wait'] !== true, options };
}

/** Runs `delete`; returns the exit code. */
export function run(argv: string[]): Promise<number> {
  return runParsedCommand(argv, USAGE, parseDeleteArgs, async (request) => (await import('../aws/datastore-delete.js')).runDelete(request));
}
