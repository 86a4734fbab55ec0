/**
 * `healthlake-wizard list [--filter F] [--max-results N] [--next-token T] [--output ...] [--query ...]`: the target
 * Region's data stores (ListFHIRDatastores), with `aws healthlake list-fhir-datastores`'s flags. Without --output
 * or --query, a table for people that marks the data stores created with this tool.
 */
import { parseDatastoreFilter } from '../request/datastore-filter.js';
import { usageError } from '../store/command-report.js';
import { AWS_GLOBAL_FLAGS, globalOptionsFrom, parseCommandArgs, runParsedCommand } from './command-args.js';
import type { ListRequest } from '../aws/datastore-list.js';

/** The flags of `list` (read by the parser and by the shell completion and man page). */
export const FLAGS = {
  filter: { type: 'string' },
  'max-results': { type: 'string' },
  'next-token': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...AWS_GLOBAL_FLAGS,
} as const;

const USAGE = `Usage: healthlake-wizard list [--filter FILTER] [--max-results N]
         [--next-token TOKEN] [--sandbox] [--query JMESPATH]
         [--output json|yaml|yaml-stream|text|table]
         [--region R] [--profile P] [--endpoint-url URL]

Lists the Region's data stores (ListFHIRDatastores), as aws healthlake
list-fhir-datastores does: one page per call.
  --filter        DatastoreName=NAME,DatastoreStatus=STATUS,CreatedBefore=TIME,
                  CreatedAfter=TIME (shorthand, JSON or file://); a TIME is
                  ISO 8601 (2024-01-31T12:00:00Z) or epoch seconds
  --max-results   data stores per page, 1-500
  --next-token    the NextToken of the previous page
Without --output or --query: a table for people, a * marking the data stores
created with healthlake-wizard, and the next page's command after it.
With either: the response as the AWS CLI prints it.
`;

function parseListArgs(argv: string[]): ListRequest | 'help' {
  const { values } = parseCommandArgs('list', argv, FLAGS, false);
  if (values.help) return 'help';
  const options = globalOptionsFrom(values);
  const request: ListRequest = { input: {}, options, forPeople: options.output === undefined && options.query === undefined, argv };
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
