/** A WizardStore in memory, for tests that run before (or without) the file-backed store. */
import type { HistoryEntry, PendingSubmission, WizardStore } from '../../src/store/types.js';

/** An in-memory WizardStore; `events` records journal and history calls in order. */
export function memoryStore(): WizardStore & { events: string[] } {
  const pending = new Map<string, PendingSubmission>();
  const history: HistoryEntry[] = [];
  const events: string[] = [];
  return {
    events,
    presets: {
      list: () => [],
      get: () => undefined,
      save: () => {
        throw new Error('not in this test');
      },
      delete: () => false,
      rename: () => {
        throw new Error('not in this test');
      },
    },
    lastAnswers: { get: () => undefined, set: () => undefined },
    history: {
      list: () => [...history],
      add: (entry) => {
        events.push(`history.add ${entry.datastoreId}`);
        history.unshift(entry);
      },
      updateStatus: (id, status, seenAt) => {
        const entry = history.find((item) => item.datastoreId === id);
        if (entry) Object.assign(entry, { lastStatus: status, lastSeenAt: seenAt });
      },
    },
    journal: {
      begin: (submission) => {
        events.push(`journal.begin ${submission.clientToken}`);
        pending.set(submission.clientToken, submission);
      },
      complete: (token) => {
        events.push(`journal.complete ${token}`);
        pending.delete(token);
      },
      pending: () => [...pending.values()],
    },
    notices: () => [],
  };
}
