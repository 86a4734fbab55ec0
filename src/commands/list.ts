/**
 * `healthlake-wizard list [--filter F] [--max-results N] [--next-token T] [--output ...] [--query ...]`: the target
 * Region's data stores (ListFHIRDatastores), with `aws healthlake list-fhir-datastores`'s flags. Without an output
 * format (--output, AWS_DEFAULT_OUTPUT, the profile's output) or --query, a table for people that marks the data
 * stores created with this tool.
 */
import { parseDatastoreFilter } from '../request/datastore-filter.js';
import { usageError } from '../store/command-report.js';
import { commandHelp, parseCommandArgs, runParsedCommand, type CommandFlags } from './command-args.js';
import type { ListRequest } from '../aws/datastore-list.js';

/** The own flags of `list` (read by the parser, its help, the shell completion and man page); its AWS CLI global options come from COMMAND_GLOBALS. */
export const FLAGS = {
  filter: { type: 'string', valueName: '<filter>', help: 'Filter by DatastoreName, DatastoreStatus, CreatedBefore and CreatedAfter: shorthand (DatastoreStatus=ACTIVE,CreatedAfter=TIME), JSON or file://; a TIME is ISO 8601 (2024-01-31T12:00:00Z) or epoch seconds.' },
  'max-results': { type: 'string', valueName: '<n>', help: 'At most this many data stores per page (1-500).' },
  'next-token': { type: 'string', valueName: '<token>', help: 'The NextToken of the previous page.' },
  sandbox: { type: 'boolean', option: 'sandbox', help: 'List the built-in local emulator instead of AWS.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'list',
  '[--filter FILTER] [--max-results N] [--next-token TOKEN] [options]',
  "Lists the Region's data stores (ListFHIRDatastores), as aws healthlake list-fhir-datastores does: one page per call. Without an output format (--output, AWS_DEFAULT_OUTPUT or the profile's output) or --query: a table for people, a * marking the data stores created with healthlake-wizard, and the next page's command after it. With either: the response as the AWS CLI prints it.",
  FLAGS,
);

function parseListArgs(argv: string[]): ListRequest | 'help' {
  const { values, options } = parseCommandArgs('list', argv, FLAGS, false);
  if (values.help) return 'help';
  const request: ListRequest = { input: {}, options, argv };
  if (values.filter !== undefined) request.input.Filter = parseDatastoreFilter(values.filter);
  const max = values['max-results'];
  if (max !== undefined) {
    const count = Number(max);
    if (!Number.isInteger(count) || count < 1 || count > 500) throw usageError('--max-results', '--max-results must be a whole number from 1 to 500.', 'Use for example --max-results 50.', max);
    request.input.MaxResults = count;
  }
  if (values['next-token'] !== undefined) request.input.NextToken = values['next-token'];
  return request;
}

/** Runs `list`; returns the exit code. */
export function run(argv: string[]): Promise<number> {
  return runParsedCommand(argv, USAGE, parseListArgs, async (request) => (await import('../aws/datastore-list.js')).runList(request));
}
