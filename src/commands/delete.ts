/**
 * `healthlake-wizard delete DATASTORE_ID [--yes] [--no-wait]`: deletes a data store after a confirmation that
 * names it and says its data is lost, then follows it to DELETED. Without a terminal (or with --no-interactive)
 * nothing is asked, so --yes is required.
 */
import { usageError } from '../store/command-report.js';
import { AWS_GLOBAL_FLAGS, globalOptionsFrom, parseCommandArgs, runParsedCommand } from './command-args.js';
import type { DeleteRequest } from '../aws/datastore-delete.js';

/** The flags of `delete` (read by the parser and by the shell completion and man page). */
export const FLAGS = {
  yes: { type: 'boolean', short: 'y' },
  wait: { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...AWS_GLOBAL_FLAGS,
} as const;

const USAGE = `Usage: healthlake-wizard delete DATASTORE_ID [--yes] [--no-wait]
         [--no-interactive] [--sandbox] [--query JMESPATH]
         [--output json|yaml|yaml-stream|text|table]
         [--region R] [--profile P] [--endpoint-url URL]

Deletes a data store and all its FHIR data (DeleteFHIRDatastore); this cannot
be undone. It asks first, naming the data store.
  --yes           delete without asking (required without a terminal, or with
                  --no-interactive)
  --no-wait       stop once the deletion started, instead of following it to
                  DELETED
A data store in the local history is deleted where it was created (its region,
profile, endpoint or the sandbox) unless flags say otherwise.
`;

function parseDeleteArgs(argv: string[]): DeleteRequest | 'help' {
  const { values, positionals } = parseCommandArgs('delete', argv, FLAGS, true);
  if (values.help) return 'help';
  const [datastoreId, ...extra] = positionals;
  if (!datastoreId) throw usageError('delete', 'needs the DATASTORE_ID of the data store to delete.', 'Give its id: healthlake-wizard delete DATASTORE_ID (healthlake-wizard list shows the ids).');
  if (extra.length > 0) throw usageError('delete', 'deletes one data store at a time.', 'Give one DATASTORE_ID per command.', positionals.join(' '));
  if (values.wait && values['no-wait']) throw usageError('--no-wait', '--wait and --no-wait exclude each other.', 'Keep one of them.');
  const options = globalOptionsFrom(values);
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
