/**
 * `runStatusPanel`: the live status panel of an existing data store: the id given, or without one the data store
 * picked from the Region's data stores and the local history.
 */
import type { GlobalOptions } from '../../options.js';
import { LineCollector, renderApp } from '../render-app.js';

/** Shows the status of a data store on a terminal; returns the exit code. */
export async function runStatusPanel(input: { datastoreId?: string; options: GlobalOptions }): Promise<number> {
  const later = new LineCollector();
  const [{ checkSessionTarget, openLocalStore, openSession }, { optionsForEntry }] = await Promise.all([import('../../aws/session.js'), import('../../aws/history-target.js')]);
  const store = await openLocalStore(later);
  const entry = input.datastoreId ? store?.history.list().find((candidate) => candidate.datastoreId === input.datastoreId) : undefined;
  const options = optionsForEntry(input.options, entry);
  return renderApp(
    { mode: 'status', ...(input.datastoreId ? { datastoreId: input.datastoreId } : {}), sandbox: options.sandbox ?? false, options },
    {
      async connect(choice, opened, where) {
        // A data store picked from the history is followed where it was created (flags still win).
        const target = { ...optionsForEntry(options, where), ...(choice.sandbox ? { sandbox: true } : {}) };
        const session = await openSession(target, opened, { stderr: later });
        return { gateway: session.gateway, checkTarget: (check) => checkSessionTarget(session, target, check), close: () => session.close() };
      },
      listProfiles: async () => [],
      openStore: async () => store,
      detectCredentials: async () => ({ found: true }),
    },
    later,
  );
}
