/** The local store as the commands open it: lazily (conf loads only here), reporting what it could not read. */
import type { WizardStore } from './types.js';

/** Opens the local store; a broken store is reported and the command goes on without it. */
export async function openLocalStore(stderr: NodeJS.WritableStream = process.stderr): Promise<WizardStore | undefined> {
  try {
    const { openStore } = await import('./index.js');
    const store = openStore();
    for (const notice of store.notices()) stderr.write(`healthlake-wizard: ${notice}\n`);
    return store;
  } catch (error) {
    stderr.write(`healthlake-wizard: the local history is unavailable (${(error as Error).message}); going on without it.\n`);
    return undefined;
  }
}
