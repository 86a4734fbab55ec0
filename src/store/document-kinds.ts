/**
 * The four files of the store, each with its schema version and migrations. Version 0 is the layout of the
 * first prototype (no `schemaVersion` field); a file without a version is read as version 0 and upgraded.
 *
 *   presets.json  v0 `{presets: [{name, answers, description?, savedAt}]}`  v1 `{presets: {[name]: Preset}}`
 *   state.json    v0 `{lastRequest: CreateRequest}`                          v1 `{lastAnswers?: Answers}`
 *   history.json  v0 `{datastores: [{id, arn, name?, region, status, created}]}`  v1 `{entries: HistoryEntry[]}`
 *   journal.json  v0 `{pending: {[clientToken]: {request, target, startedAt}}}`  v1 `{pending: PendingSubmission[]}`
 */
import type { Answers } from '../request/answers.js';
import { answersFromRequest } from '../request/answers.js';
import type { RawDocument, DocumentKind } from './document-file.js';
import { isAnswers, isHistoryEntry, isPendingSubmission, isPreset, isRecord, keepReadable } from './entry-shapes.js';
import { withoutClientToken } from './secret-guard.js';
import type { HistoryEntry, PendingSubmission, Preset } from './types.js';

// Migrations convert what they recognise and pass anything else through unchanged, so that `decode` reports it
// (and the original is backed up) instead of a migration dropping it silently.

/** Presets by name. */
export type PresetMap = Record<string, Preset>;

/** presets.json */
export const PRESETS_FILE: DocumentKind<PresetMap> = {
  name: 'presets',
  label: 'presets',
  version: 1,
  migrations: {
    0: (document) => {
      if (!Array.isArray(document.presets)) return document;
      const presets: Record<string, unknown> = {};
      for (const [index, old] of document.presets.entries()) {
        if (!isRecord(old) || typeof old.name !== 'string') {
          presets[`#${index}`] = old;
          continue;
        }
        const savedAt = typeof old.savedAt === 'string' ? old.savedAt : new Date(0).toISOString();
        presets[old.name] = {
          name: old.name,
          ...(typeof old.description === 'string' ? { description: old.description } : {}),
          // The prototype kept the ClientToken in presets; a preset must never reuse one.
          answers: isAnswers(old.answers) ? withoutClientToken(old.answers) : old.answers,
          clientTokenPolicy: 'generate',
          createdAt: savedAt,
          updatedAt: savedAt,
        };
      }
      return { presets };
    },
  },
  empty: () => Object.create(null) as PresetMap,
  decode(document) {
    if (document.presets === undefined) return { value: this.empty(), dropped: 0 };
    if (!isRecord(document.presets)) return undefined;
    const value = this.empty();
    let dropped = 0;
    for (const [name, preset] of Object.entries(document.presets)) {
      if (isPreset(preset) && preset.name === name) value[name] = { ...preset, answers: withoutClientToken(preset.answers) };
      else dropped++;
    }
    return { value, dropped };
  },
  encode: (presets) => ({ presets }),
};

/** What state.json holds. */
export interface SavedState {
  lastAnswers?: Answers;
}

/** state.json */
export const STATE_FILE: DocumentKind<SavedState> = {
  name: 'state',
  label: 'last answers',
  version: 1,
  migrations: {
    0: (document) => {
      if (document.lastRequest === undefined) return {};
      return { lastAnswers: isRecord(document.lastRequest) ? answersFromRequest(document.lastRequest) : document.lastRequest };
    },
  },
  empty: () => ({}),
  decode(document) {
    if (document.lastAnswers === undefined) return { value: {}, dropped: 0 };
    if (!isAnswers(document.lastAnswers)) return undefined;
    return { value: { lastAnswers: withoutClientToken(document.lastAnswers) }, dropped: 0 };
  },
  encode: (state) => ({ ...state }),
};

/** history.json */
export const HISTORY_FILE: DocumentKind<HistoryEntry[]> = {
  name: 'history',
  label: 'history',
  version: 1,
  migrations: {
    0: (document) => ({
      entries: !Array.isArray(document.datastores) ? document.datastores : document.datastores.map((old: unknown) => {
        if (!isRecord(old)) return old;
        const region = typeof old.region === 'string' ? old.region : '';
        return {
          datastoreId: old.id,
          datastoreArn: old.arn,
          ...(typeof old.name === 'string' ? { datastoreName: old.name } : {}),
          region,
          endpoint: '',
          sandbox: false,
          createdAt: old.created,
          lastStatus: old.status,
          lastSeenAt: old.created,
        };
      }),
    }),
  },
  empty: () => [],
  decode(document) {
    if (document.entries === undefined) return { value: [], dropped: 0 };
    if (!Array.isArray(document.entries)) return undefined;
    const { kept, dropped } = keepReadable(document.entries, isHistoryEntry);
    return { value: kept, dropped };
  },
  encode: (entries) => ({ entries }),
};

/** journal.json */
export const JOURNAL_FILE: DocumentKind<PendingSubmission[]> = {
  name: 'journal',
  label: 'pending submissions',
  version: 1,
  migrations: {
    0: (document): RawDocument => ({
      pending: isRecord(document.pending)
        ? Object.entries(document.pending).map(([clientToken, old]) => (isRecord(old) ? { clientToken, ...old } : old))
        : document.pending,
    }),
  },
  empty: () => [],
  decode(document) {
    if (document.pending === undefined) return { value: [], dropped: 0 };
    if (!Array.isArray(document.pending)) return undefined;
    const { kept, dropped } = keepReadable(document.pending, isPendingSubmission);
    return { value: kept, dropped };
  },
  encode: (pending) => ({ pending }),
};
