/** A WizardStore in memory, for the narrow component tests of the start screen and the save dialog. */
import type { Answers } from '../../../src/request/answers.js';
import type { HistoryEntry, PendingSubmission, Preset, WizardStore } from '../../../src/store/types.js';

/** A store whose state the test can read back. */
export function memoryStore(seed: { presets?: Preset[]; lastAnswers?: Answers; pending?: PendingSubmission[] } = {}): WizardStore & { saved: Preset[] } {
  const presets = new Map((seed.presets ?? []).map((preset) => [preset.name, preset]));
  let last = seed.lastAnswers;
  const history: HistoryEntry[] = [];
  const pending = new Map((seed.pending ?? []).map((submission) => [submission.clientToken, submission]));
  const saved: Preset[] = [];
  return {
    saved,
    presets: {
      list: () => [...presets.values()],
      get: (name) => presets.get(name),
      save(name, answers, description) {
        if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Preset name ${JSON.stringify(name)}: use lowercase letters, digits and hyphens.`);
        const now = new Date().toISOString();
        const preset: Preset = { name, answers, clientTokenPolicy: 'generate', createdAt: now, updatedAt: now, ...(description ? { description } : {}) };
        presets.set(name, preset);
        saved.push(preset);
        return preset;
      },
      delete: (name) => presets.delete(name),
      rename(from, to) {
        const preset = { ...presets.get(from)!, name: to };
        presets.delete(from);
        presets.set(to, preset);
        return preset;
      },
    },
    lastAnswers: { get: () => last, set: (answers) => (last = answers) },
    history: { list: () => history, add: (entry) => history.push(entry), updateStatus: () => undefined },
    journal: {
      begin: (submission) => pending.set(submission.clientToken, submission),
      complete: (token) => pending.delete(token),
      pending: () => [...pending.values()],
    },
    notices: () => [],
  };
}
