/**
 * The `list` command's work: one page of ListFHIRDatastores, printed as the AWS CLI prints it, or as a table for
 * people that marks the data stores in the local history (created with this tool).
 */
import { EXIT, type GlobalOptions } from '../options.js';
import { describeExpiry, describeSpan, expiryFromTags, type Expiry } from '../request/expiry.js';
import type { HistoryEntry } from '../store/types.js';
import { formatFriendlyError, toFriendlyError } from './errors.js';
import { checkQuery, outputFormatFor, renderOutput } from '../cli-output/render-output.js';
import { textLength } from '../cli-output/table-output.js';
import { debugLogFor, openLocalStore, openSession, type Session } from './session.js';
import type { DatastoreProperties, HealthLakeGateway, ListDatastoresInput } from './types.js';
import { writeStdout } from '../stdout.js';

/** What `list` was asked. */
export interface ListRequest {
  input: ListDatastoresInput;
  options: GlobalOptions;
  /** The command's arguments, to print the next page's command. */
  argv: readonly string[];
}

/** `2024-05-01 12:00` (UTC): the minute is what a person compares. */
function shortTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The EXPIRES cell: `in 3h 5m`, `expired 2d ago`, or what is wrong with the tag. */
function expiryCell(expiry: Expiry | undefined, now: Date): string {
  if (expiry?.kind === 'at') return describeExpiry(expiry.at, now);
  return expiry?.kind === 'unreadable' ? 'tag unreadable' : '';
}

/**
 * The table for people, one line per data store: a `*` marks one in the local history
 * (created with this tool); its age at `now`, when its expiry tag says it expires;
 * the name comes last, as it is the one column of any length.
 */
export function peopleTable(list: readonly DatastoreProperties[], history: readonly HistoryEntry[], now = new Date(), expiries: ReadonlyMap<string, Expiry> = new Map()): string {
  const mine = new Set(history.map((entry) => entry.datastoreId));
  const rows = [
    ['', 'DATASTORE ID', 'STATUS', 'CREATED', 'AGE', 'EXPIRES', 'NAME'],
    ...list.map((properties) => [
      mine.has(properties.DatastoreId) ? '*' : '',
      properties.DatastoreId,
      properties.DatastoreStatus,
      properties.CreatedAt ? shortTime(new Date(properties.CreatedAt)) : '',
      properties.CreatedAt ? describeSpan(Math.max(0, now.getTime() - new Date(properties.CreatedAt).getTime())) : '',
      expiryCell(expiries.get(properties.DatastoreId), now),
      properties.DatastoreName ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => textLength(row[column]!))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - textLength(cell))))
      .join('  ')
      .trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/**
 * The expiry tag of each data store not DELETED (one ListTagsForResource each). A data store whose tags cannot be
 * read shows no expiry: the list is about the data stores, and a policy may allow listing without tags.
 */
async function readExpiries(gateway: HealthLakeGateway, list: readonly DatastoreProperties[]): Promise<Map<string, Expiry>> {
  const expiries = new Map<string, Expiry>();
  for (const properties of list) {
    if (properties.DatastoreStatus === 'DELETED') continue;
    try {
      expiries.set(properties.DatastoreId, expiryFromTags(await gateway.listTags(properties.DatastoreArn)));
    } catch {
      // left blank
    }
  }
  return expiries;
}

/** The command line that fetches the page after this one: the same flags, with its token. */
function nextPageCommand(request: ListRequest, token: string): string {
  const kept: string[] = [];
  for (let i = 0; i < request.argv.length; i += 1) {
    const flag = request.argv[i]!;
    if (flag === '--next-token') i += 1;
    else if (!flag.startsWith('--next-token=')) kept.push(flag);
  }
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);
  return ['healthlake-wizard', 'list', ...kept.map(quote), '--next-token', quote(token)].join(' ');
}

/** Lists one page and prints it; returns the exit code. */
export async function runList(request: ListRequest): Promise<number> {
  const { options } = request;
  const queryProblem = await checkQuery(options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  const store = await openLocalStore();
  let session: Session | undefined;
  try {
    // No output format set (--output, AWS_DEFAULT_OUTPUT, the profile's output) and no --query: the table for people.
    const output = await outputFormatFor(options);
    session = await openSession(options, store, options.debug ? { debug: debugLogFor(options) } : {});
    const page = await session.gateway.list(request.input);
    if (output !== undefined || options.query !== undefined) {
      writeStdout(await renderOutput(page, { output, query: options.query, operation: 'ListFHIRDatastores', shape: 'ListFHIRDatastoresResponse', color: options.color }));
      return EXIT.ok;
    }
    const history = store?.history.list() ?? [];
    const target = await session.gateway.target();
    const where = target.sandbox ? 'the sandbox' : target.region;
    if (page.DatastorePropertiesList.length === 0) {
      process.stderr.write(`No data stores in ${where}${request.input.Filter ? ' match the filter' : ''}.\n`);
    } else {
      writeStdout(peopleTable(page.DatastorePropertiesList, history, new Date(), await readExpiries(session.gateway, page.DatastorePropertiesList)));
      if (history.some((entry) => page.DatastorePropertiesList.some((properties) => properties.DatastoreId === entry.datastoreId))) {
        process.stderr.write(`* created with healthlake-wizard (in its local history)\n`);
      }
    }
    if (page.NextToken) process.stderr.write(`More data stores: ${nextPageCommand(request, page.NextToken)}\n`);
    return EXIT.ok;
  } catch (error) {
    const friendly = toFriendlyError(error, { operation: 'list' });
    process.stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
