/**
 * The local store: presets, last answers, history and pending submissions, each in its own file
 * (`presets.json`, `state.json`, `history.json`, `journal.json`) in `HEALTHLAKE_WIZARD_CONFIG_DIR` or the
 * platform's config directory for `healthlake-wizard`. Loaded lazily by the commands that need it.
 */
import { redactUrlUserinfo } from '../aws/redact-url.js';
import { DocumentFile, type DocumentContext } from './document-file.js';
import { HISTORY_FILE, JOURNAL_FILE, PRESETS_FILE, STATE_FILE } from './document-kinds.js';
import type { LockTiming } from './lock-file.js';
import { configuredDirectory, defaultDirectory, ensurePrivateDirectory, tightenDirectory } from './location.js';
import { presetShelf } from './preset-shelf.js';
import { answersSafeToKeep } from './secret-guard.js';
import type { HistoryEntry, WizardStore } from './types.js';

export type * from './types.js';
export { StoreError, formatStoreError } from './store-error.js';
export { CONFIG_DIR_ENV } from './location.js';
export { checkPresetName, PRESET_NAME_RULE } from './preset-name.js';
export { presetAnswers, requirePreset, DESCRIPTION_MAX_LENGTH } from './preset-shelf.js';

/** How to open the store; all optional. */
export interface OpenStoreOptions {
  /** The directory of the files; else `HEALTHLAKE_WIZARD_CONFIG_DIR`, else the platform's config directory. */
  configDir?: string;
  /** The clock for timestamps and backup names (tests). */
  now?: () => Date;
  /** Lock waiting and staleness (tests). */
  lockTiming?: LockTiming;
}

/** The store, plus where it lives. */
export interface LocalStore extends WizardStore {
  /** The directory holding the files. */
  readonly directory: string;
}

/** The entry with the user info (a password) of its URLs redacted: never written to a file. */
function withoutUrlPasswords(entry: HistoryEntry): HistoryEntry {
  return {
    ...entry,
    endpoint: redactUrlUserinfo(entry.endpoint),
    ...(entry.serviceEndpoint ? { serviceEndpoint: redactUrlUserinfo(entry.serviceEndpoint) } : {}),
  };
}

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/**
 * Opens the store and checks its files: a damaged file is moved aside now, so that `notices()` tells about it
 * right away. Throws StoreError when the directory is unusable or a file is a link, a FIFO or another
 * non-regular file.
 */
export function openStore(options: OpenStoreOptions = {}): LocalStore {
  const now = options.now ?? (() => new Date());
  const configured = configuredDirectory(options.configDir);
  const directory = configured ?? defaultDirectory();
  ensurePrivateDirectory(directory);
  // The default directory is ours alone (named after the project): one made by an older version under a loose
  // umask is tightened. A configured one may be shared on purpose, and is left as it is.
  if (!configured) tightenDirectory(directory);
  const pendingNotices: string[] = [];
  const context: DocumentContext = { directory, now, notify: (message) => pendingNotices.push(message), ...(options.lockTiming ? { lockTiming: options.lockTiming } : {}) };
  const presets = new DocumentFile(PRESETS_FILE, context);
  const state = new DocumentFile(STATE_FILE, context);
  const history = new DocumentFile(HISTORY_FILE, context);
  const journal = new DocumentFile(JOURNAL_FILE, context);
  for (const file of [presets, state, history, journal]) file.check();

  return {
    directory,
    presets: presetShelf(presets, now),
    lastAnswers: {
      get: () => state.read().lastAnswers,
      set(answers) {
        const kept = answersSafeToKeep(answers);
        state.update(() => ({ lastAnswers: kept }));
      },
    },
    history: {
      // A stable sort: entries created in the same millisecond keep the newest-added first.
      list: () => history.read().reverse().sort(newestFirst),
      add(given) {
        const entry = withoutUrlPasswords(given);
        history.update((entries) => {
          const index = entries.findIndex((known) => known.datastoreId === entry.datastoreId);
          if (index >= 0) entries[index] = { ...entries[index]!, ...entry };
          else entries.push({ ...entry });
        });
      },
      updateStatus(datastoreId, status, seenAt) {
        history.update((entries) => {
          const entry = entries.find((known) => known.datastoreId === datastoreId);
          // Two watchers may report out of order: the later sighting wins.
          if (entry && seenAt >= entry.lastSeenAt) Object.assign(entry, { lastStatus: status, lastSeenAt: seenAt });
        });
      },
    },
    journal: {
      begin(given) {
        const submission = given.target.endpoint ? { ...given, target: { ...given.target, endpoint: redactUrlUserinfo(given.target.endpoint) } } : given;
        // Written to a temporary file that is fsynced before the rename: durable once this returns.
        journal.update((pending) => [...pending.filter((known) => known.clientToken !== submission.clientToken), submission]);
      },
      complete(clientToken) {
        journal.update((pending) => pending.filter((known) => known.clientToken !== clientToken));
      },
      pending: () => journal.read().sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    },
    notices: () => pendingNotices.splice(0),
  };
}
