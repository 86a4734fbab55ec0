/**
 * The `delete` command's work: find where the data store lives (the local history knows its region, endpoint
 * and profile), name it in a confirmation, delete it, and follow it to DELETED with the status watcher.
 */
import { createInterface } from 'node:readline/promises';
import { EXIT, type GlobalOptions } from '../options.js';
import { formatFriendlyError, toFriendlyError } from './errors.js';
import { checkQuery, outputFormatFor, renderOutput } from '../cli-output/render-output.js';
import { debugLogFor, openLocalStore, openSession, watchToExitCode, type Session } from './session.js';
import { optionsForEntry } from './history-target.js';
import type { DatastoreProperties, Target } from './types.js';
import { writeStdout } from '../stdout.js';

/** What `delete` was asked. */
export interface DeleteRequest {
  datastoreId: string;
  /** --yes: delete without asking. */
  confirmed: boolean;
  /** Follow the deletion to DELETED (not with --no-wait). */
  wait: boolean;
  options: GlobalOptions;
}

/** `"name" (id) in us-east-1`: the data store as the confirmation names it. */
export function describeDatastore(properties: DatastoreProperties, target: Target): string {
  const name = properties.DatastoreName ? `"${properties.DatastoreName}" (${properties.DatastoreId})` : properties.DatastoreId;
  return `${name} in ${target.sandbox ? 'the sandbox' : target.region}`;
}

/** Asks on the terminal; true only for y or yes. Ctrl+C or end of input is a no. */
export async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  const closed = new Promise<string>((resolve) => terminal.once('close', () => resolve('')));
  terminal.once('SIGINT', () => terminal.close());
  try {
    const answer = await Promise.race([terminal.question(question), closed]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}

/** Deletes (after the confirmation) and follows the deletion; returns the exit code. */
export async function runDelete(request: DeleteRequest): Promise<number> {
  const queryProblem = await checkQuery(request.options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  const { datastoreId } = request;
  const store = await openLocalStore();
  const entry = store?.history.list().find((item) => item.datastoreId === datastoreId);
  const options = optionsForEntry(request.options, entry);
  let session: Session | undefined;
  let operation: 'describe' | 'delete' = 'describe';
  try {
    session = await openSession(options, store, options.debug ? { debug: debugLogFor(options) } : {});
    const { gateway } = session;
    const properties = await gateway.describe(datastoreId);
    const named = describeDatastore(properties, await gateway.target());
    if (properties.DatastoreStatus === 'DELETED') {
      process.stderr.write(`The data store ${named} is already DELETED; nothing to do.\n`);
      if (entry) store?.history.updateStatus(datastoreId, 'DELETED', new Date().toISOString());
      return EXIT.ok;
    }
    if (properties.DatastoreStatus !== 'DELETING') {
      const state = `${named} (${properties.DatastoreStatus})`;
      if (!request.confirmed) {
        process.stderr.write(`Deleting the data store ${state} deletes all its FHIR data; this cannot be undone.\n`);
        if (!(await confirm('Delete it? Type y to delete, anything else to keep it: '))) {
          process.stderr.write('Nothing was deleted.\n');
          return EXIT.interrupted;
        }
      } else {
        process.stderr.write(`Deleting the data store ${state} and all its FHIR data; this cannot be undone.\n`);
      }
      operation = 'delete';
      const result = await gateway.delete(datastoreId);
      writeStdout(await renderOutput(result, { output: await outputFormatFor(options), query: options.query, operation: 'DeleteFHIRDatastore', shape: 'DeleteFHIRDatastoreResponse', color: options.color }));
    } else {
      process.stderr.write(`The data store ${named} is already being deleted.\n`);
    }
    if (!request.wait) {
      process.stderr.write(`Deleting. Follow it with: healthlake-wizard status ${datastoreId}\n`);
      return EXIT.ok;
    }
    return await watchToExitCode(gateway, datastoreId, { stderr: process.stderr, until: 'deleted' });
  } catch (error) {
    const friendly = toFriendlyError(error, { operation, datastoreId });
    process.stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
