/** The local store as the commands open it: lazily (its file code loads only here), reporting what it could not read. */
import type { WizardStore } from './types.js';

/**
 * The local store with the project's presets beside yours (found from the working directory upward), or why it
 * cannot be opened (its notices already written to `stderr`).
 */
export async function tryOpenStore(stderr: NodeJS.WritableStream = process.stderr): Promise<{ store: WizardStore } | { error: Error & { fix?: string } }> {
  try {
    const { openStoreWithProject } = await import('./index.js');
    const store = openStoreWithProject();
    for (const notice of store.notices()) stderr.write(`healthlake-wizard: ${notice}\n`);
    return { store };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * Opens the local store; a broken store is reported and the command goes on without it. `without` says what is
 * lost then (the default suits commands that only read or record history).
 */
export async function openLocalStore(stderr: NodeJS.WritableStream = process.stderr, without = 'going on without it'): Promise<WizardStore | undefined> {
  const opened = await tryOpenStore(stderr);
  if ('store' in opened) return opened.store;
  stderr.write(`healthlake-wizard: the local store is unavailable (${opened.error.message}); ${without}.\n`);
  return undefined;
}
