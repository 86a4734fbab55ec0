/**
 * The non-interactive `status`: find the data store (the id given, or the newest in the history), point at
 * where it was created (its region, endpoint, profile, or the sandbox), then describe once or watch to the end.
 */
import { EXIT, type GlobalOptions } from '../../options.js';
import type { HistoryEntry, WizardStore } from '../../store/types.js';
import { formatFriendlyError, toFriendlyError } from '../../aws/errors.js';
import { checkQuery, outputFormatFor, renderOutput } from '../../cli-output/render-output.js';
import { debugLogFor, openLocalStore, openSession, watchToExitCode, type Session } from '../../aws/session.js';
import type { DatastoreProperties } from '../../aws/types.js';
import { writeStdout } from '../../stdout.js';
import { optionsForEntry } from '../../aws/history-target.js';

/** What `status` was asked. */
export interface StatusRequest {
  datastoreId?: string;
  wait: boolean;
  options: GlobalOptions;
}

function newest(store: WizardStore | undefined): HistoryEntry | undefined {
  return store?.history.list().slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}


async function print(properties: DatastoreProperties, options: GlobalOptions): Promise<void> {
  const response = { DatastoreProperties: properties };
  writeStdout(await renderOutput(response, { output: await outputFormatFor(options), query: options.query, operation: 'DescribeFHIRDatastore', shape: 'DescribeFHIRDatastoreResponse', color: options.color }));
}

/** Describes once (or watches with `wait`) and prints; returns the exit code. */
export async function runStatusOnce(request: StatusRequest): Promise<number> {
  const queryProblem = await checkQuery(request.options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  const store = await openLocalStore();
  const entry = request.datastoreId
    ? store?.history.list().find((item) => item.datastoreId === request.datastoreId)
    : newest(store);
  const datastoreId = request.datastoreId ?? entry?.datastoreId;
  if (!datastoreId) {
    process.stderr.write(
      'healthlake-wizard: no DATASTORE_ID given, and no data store in the local history to default to.\n  Fix: give its id (healthlake-wizard list shows the Region\'s data stores): healthlake-wizard status DATASTORE_ID\n',
    );
    return EXIT.usage;
  }
  const options = optionsForEntry(request.options, entry);
  let session: Session | undefined;
  try {
    session = await openSession(options, store, options.debug ? { debug: debugLogFor(options) } : {});
    if (!request.wait) {
      const properties = await session.gateway.describe(datastoreId);
      if (entry?.datastoreId === datastoreId) store?.history.updateStatus(datastoreId, properties.DatastoreStatus, new Date().toISOString());
      await print(properties, options);
      return EXIT.ok;
    }
    return await watchToExitCode(session.gateway, datastoreId, {
      stderr: process.stderr,
      onEnd: (event) => print(event.properties, options),
    });
  } catch (error) {
    const friendly = toFriendlyError(error, { operation: 'describe', datastoreId });
    process.stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
