/** `runStatusPanel`: the live status panel of an existing data store (the id given, or the newest in history). */
import { EXIT, type GlobalOptions } from '../options.js';
import { LineCollector, renderApp } from './render-app.js';

/** Shows the status of a data store on a terminal; returns the exit code. */
export async function runStatusPanel(input: { datastoreId?: string; options: GlobalOptions }): Promise<number> {
  const later = new LineCollector();
  const [{ checkSessionTarget, openLocalStore, openSession }, { optionsForEntry }] = await Promise.all([import('../aws/session.js'), import('../aws/status-report.js')]);
  const store = await openLocalStore(later);
  const history = store?.history.list() ?? [];
  const entry = input.datastoreId
    ? history.find((candidate) => candidate.datastoreId === input.datastoreId)
    : history.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const datastoreId = input.datastoreId ?? entry?.datastoreId;
  if (!datastoreId) {
    process.stderr.write('healthlake-wizard: no data store in the local history. Pass its id: healthlake-wizard status DATASTORE_ID\n');
    return EXIT.usage;
  }
  const options = optionsForEntry(input.options, entry);
  return renderApp(
    { mode: 'status', datastoreId, sandbox: options.sandbox ?? false, options },
    {
      async connect({ sandbox }, opened) {
        const session = await openSession({ ...options, sandbox }, opened, { stderr: later });
        return { gateway: session.gateway, checkTarget: () => checkSessionTarget(session, { ...options, sandbox }), close: () => session.close() };
      },
      listProfiles: async () => [],
      openStore: async () => store,
      detectCredentials: async () => ({ found: true }),
    },
    later,
  );
}
