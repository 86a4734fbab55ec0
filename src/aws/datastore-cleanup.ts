/**
 * The `cleanup` command's work: every data store of the Region (all pages of ListFHIRDatastores), the expiry tag
 * of each (ListTagsForResource), then those expired listed, confirmed once, deleted and followed to DELETED with
 * delete's watcher. A stop signal ends it between steps: a deletion already sent is never lost from the report.
 */
import { EXIT, STOP_SIGNALS, type GlobalOptions, type StopSignal } from '../options.js';
import { EXPIRY_TAG_KEY, describeSpan, expiryFromTags, utcSecond } from '../request/expiry.js';
import { confirm, describeDatastore } from './datastore-delete.js';
import { formatFriendlyError, toFriendlyError } from './errors.js';
import { checkQuery, outputFormatFor, renderOutput } from '../cli-output/render-output.js';
import { debugLogFor, openLocalStore, openSession, watchToExitCode, type Session } from './session.js';
import { textLength } from '../cli-output/table-output.js';
import type { DatastoreProperties, FriendlyError, HealthLakeGateway } from './types.js';
import { writeStdout } from '../stdout.js';

/** What `cleanup` was asked. */
export interface CleanupRequest {
  /** --yes: delete without asking. */
  confirmed: boolean;
  /** --dry-run: list only. */
  dryRun: boolean;
  options: GlobalOptions;
}

/** What cleanup is given besides the request: the clock the expiry is compared with, where messages go. */
export interface CleanupDeps {
  now: () => Date;
  stderr: NodeJS.WritableStream;
  /** Asks the one question; true to delete. */
  confirm: (question: string) => Promise<boolean>;
}

/** A data store whose expiry has passed. */
export interface ExpiredDatastore {
  properties: DatastoreProperties;
  expiresAt: Date;
}

const DELETABLE = new Set(['ACTIVE', 'CREATE_FAILED']);
const GONE = new Set(['DELETING', 'DELETED']);

/** Every data store of the target Region, page after page. */
async function listAll(gateway: HealthLakeGateway): Promise<DatastoreProperties[]> {
  const all: DatastoreProperties[] = [];
  let token: string | undefined;
  do {
    const page = await gateway.list({ MaxResults: 500, ...(token ? { NextToken: token } : {}) });
    all.push(...page.DatastorePropertiesList);
    token = page.NextToken;
  } while (token);
  return all;
}

/** The data stores past their expiry at `now` (oldest expiry first), and what else is worth saying about the rest. */
export async function findExpired(gateway: HealthLakeGateway, now: Date, warn: (line: string) => void): Promise<{ expired: ExpiredDatastore[]; nextExpiry?: Date }> {
  const expired: ExpiredDatastore[] = [];
  let nextExpiry: Date | undefined;
  for (const properties of await listAll(gateway)) {
    if (GONE.has(properties.DatastoreStatus)) continue;
    const expiry = expiryFromTags(await gateway.listTags(properties.DatastoreArn));
    if (expiry.kind === 'unreadable') {
      warn(`${properties.DatastoreId}: its tag ${EXPIRY_TAG_KEY} is ${JSON.stringify(expiry.value)}, not an ISO 8601 time such as 2026-12-02T19:30:00Z; it is left alone.`);
    } else if (expiry.kind === 'at' && expiry.at.getTime() <= now.getTime()) {
      expired.push({ properties, expiresAt: expiry.at });
    } else if (expiry.kind === 'at' && (!nextExpiry || expiry.at < nextExpiry)) {
      nextExpiry = expiry.at;
    }
  }
  expired.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return { expired, ...(nextExpiry ? { nextExpiry } : {}) };
}

/** The table for people: id, status, age, how long ago it expired, name (last: the one column of any length). */
export function expiredTable(expired: readonly ExpiredDatastore[], now: Date): string {
  const rows = [
    ['DATASTORE ID', 'STATUS', 'AGE', 'EXPIRED', 'NAME'],
    ...expired.map(({ properties, expiresAt }) => [
      properties.DatastoreId,
      properties.DatastoreStatus,
      properties.CreatedAt ? describeSpan(now.getTime() - new Date(properties.CreatedAt).getTime()) : '',
      `${describeSpan(now.getTime() - expiresAt.getTime())} ago`,
      properties.DatastoreName ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => textLength(row[column]!))));
  const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - textLength(cell)))).join('  ').trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/** How the deletions went, for the closing report. */
interface Outcome {
  deleted: string[];
  /** Sent, not yet seen DELETED (the watch was stopped, or not reached). */
  started: string[];
  failed: { id: string; error: FriendlyError }[];
  /** Never sent (a stop signal came first). */
  untouched: string[];
  stoppedBy?: StopSignal;
}

/** Sends every deletion, then follows each to DELETED; a stop signal ends it between two steps. */
async function deleteAll(gateway: HealthLakeGateway, ids: string[], named: Map<string, string>, stderr: NodeJS.WritableStream): Promise<Outcome> {
  const outcome: Outcome = { deleted: [], started: [], failed: [], untouched: [] };
  const stop = (signal: StopSignal) => {
    outcome.stoppedBy ??= signal;
  };
  const signals = Object.keys(STOP_SIGNALS) as StopSignal[];
  for (const signal of signals) process.on(signal, stop);
  try {
    for (const [index, id] of ids.entries()) {
      // A request already sent is awaited (its answer says whether the data store is being deleted); the next is not sent.
      if (outcome.stoppedBy) {
        outcome.untouched.push(...ids.slice(index));
        break;
      }
      try {
        await gateway.delete(id);
        outcome.started.push(id);
        stderr.write(`Deleting ${named.get(id)}.\n`);
      } catch (error) {
        outcome.failed.push({ id, error: toFriendlyError(error, { operation: 'delete', datastoreId: id }) });
      }
    }
    for (const id of [...outcome.started]) {
      if (outcome.stoppedBy) break;
      const code = await watchToExitCode(gateway, id, { stderr, until: 'deleted' });
      const signal = signals.find((name) => STOP_SIGNALS[name] === code);
      if (signal) {
        outcome.stoppedBy ??= signal;
        break;
      }
      outcome.started = outcome.started.filter((started) => started !== id);
      if (code === EXIT.ok) outcome.deleted.push(id);
      else outcome.failed.push({ id, error: { code: 'Watch', message: `${named.get(id)} did not reach DELETED.`, fix: `Check it with: healthlake-wizard status ${id}`, exitCode: code, transient: false } });
    }
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }
  return outcome;
}

/** The closing report: what was deleted, what is still being deleted, what failed, what was left. */
function report(outcome: Outcome, named: Map<string, string>, stderr: NodeJS.WritableStream): void {
  const list = (ids: string[]) => ids.map((id) => `  ${named.get(id)}\n`).join('');
  if (outcome.stoppedBy) stderr.write(`Stopped (${outcome.stoppedBy}).\n`);
  if (outcome.deleted.length > 0) stderr.write(`Deleted (${outcome.deleted.length}):\n${list(outcome.deleted)}`);
  if (outcome.started.length > 0) {
    stderr.write(`Being deleted, not yet DELETED (${outcome.started.length}); they go on without this command:\n${list(outcome.started)}`);
    stderr.write(`  Follow one with: healthlake-wizard status ${outcome.started[0]}\n`);
  }
  for (const { id, error } of outcome.failed) stderr.write(`Not deleted: ${named.get(id)}: ${error.message}\n  Fix: ${error.fix}\n`);
  if (outcome.untouched.length > 0) stderr.write(`Left as they are (${outcome.untouched.length}); run cleanup again to delete them:\n${list(outcome.untouched)}`);
}

/** Lists, confirms, deletes and follows; returns the exit code. */
export async function runCleanup(request: CleanupRequest, deps: Partial<CleanupDeps> = {}): Promise<number> {
  const { now = () => new Date(), stderr = process.stderr } = deps;
  const ask = deps.confirm ?? confirm;
  const { options } = request;
  const queryProblem = await checkQuery(options.query);
  if (queryProblem) {
    stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  const store = await openLocalStore();
  let session: Session | undefined;
  let operation: 'list' | 'delete' = 'list';
  try {
    // No output format set (--output, AWS_DEFAULT_OUTPUT, the profile's output) and no --query: the table for people.
    const output = await outputFormatFor(options);
    session = await openSession(options, store, options.debug ? { debug: debugLogFor(options, stderr) } : {});
    const { gateway } = session;
    const target = await gateway.target();
    const where = target.sandbox ? 'the sandbox' : target.region;
    const at = now();
    const { expired, nextExpiry } = await findExpired(gateway, at, (line) => stderr.write(`healthlake-wizard: ${line}\n`));
    if (output !== undefined || options.query !== undefined) {
      const data = { ExpiredDatastores: expired.map(({ properties, expiresAt }) => ({ DatastoreId: properties.DatastoreId, DatastoreName: properties.DatastoreName, DatastoreStatus: properties.DatastoreStatus, ExpiresAt: utcSecond(expiresAt) })) };
      writeStdout(await renderOutput(data, { output, query: options.query, operation: 'Cleanup', color: options.color }));
    } else if (expired.length > 0) {
      writeStdout(expiredTable(expired, at));
    }
    if (expired.length === 0) {
      const next = nextExpiry ? ` The next expires in ${describeSpan(nextExpiry.getTime() - at.getTime())} (${utcSecond(nextExpiry)}).` : '';
      stderr.write(`No data store in ${where} has expired.${next}\n`);
      return EXIT.ok;
    }
    const named = new Map(expired.map(({ properties }) => [properties.DatastoreId, describeDatastore(properties, target)]));
    const waiting = expired.filter(({ properties }) => !DELETABLE.has(properties.DatastoreStatus));
    for (const { properties } of waiting) {
      stderr.write(`${named.get(properties.DatastoreId)} is still ${properties.DatastoreStatus}: it can be deleted once ACTIVE; run cleanup again then.\n`);
    }
    const ids = expired.filter(({ properties }) => DELETABLE.has(properties.DatastoreStatus)).map(({ properties }) => properties.DatastoreId);
    if (request.dryRun || ids.length === 0) {
      stderr.write(request.dryRun ? `${ids.length} expired data store${ids.length === 1 ? '' : 's'} in ${where} would be deleted; nothing was deleted (--dry-run).\n` : 'Nothing to delete now.\n');
      return EXIT.ok;
    }
    const what = `${ids.length === 1 ? 'this data store' : `these ${ids.length} data stores`} in ${where} and all ${ids.length === 1 ? 'its' : 'their'} FHIR data`;
    if (!request.confirmed) {
      stderr.write(`Deleting ${what} cannot be undone.\n`);
      if (!(await ask(`Delete ${ids.length === 1 ? 'it' : 'them'}? Type y to delete, anything else to keep ${ids.length === 1 ? 'it' : 'them'}: `))) {
        stderr.write('Nothing was deleted.\n');
        return EXIT.interrupted;
      }
    } else {
      stderr.write(`Deleting ${what}; this cannot be undone.\n`);
    }
    operation = 'delete';
    const outcome = await deleteAll(gateway, ids, named, stderr);
    report(outcome, named, stderr);
    if (outcome.stoppedBy) return STOP_SIGNALS[outcome.stoppedBy];
    return outcome.failed.length > 0 ? Math.max(...outcome.failed.map(({ error }) => error.exitCode)) : EXIT.ok;
  } catch (error) {
    const friendly = toFriendlyError(error, { operation });
    stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
