/**
 * The local store: presets, last answers, history and pending submissions, each in its own file
 * (`presets.json`, `state.json`, `history.json`, `journal.json`) in `HEALTHLAKE_WIZARD_CONFIG_DIR` or the
 * platform's config directory for `healthlake-wizard`. Loaded lazily by the commands that need it.
 */
import { redactUrlUserinfo } from '../redact-url.js';
import { DocumentFile, type DocumentContext } from './document-file.js';
import { HISTORY_FILE, JOURNAL_FILE, PRESETS_FILE, STATE_FILE } from './document-kinds.js';
import type { LockTiming } from './lock-file.js';
import { configuredDirectory, defaultDirectory, ensurePrivateDirectory, tightenDirectory } from './location.js';
import { withProjectPresets } from './preset-catalogue.js';
import { presetShelf } from './preset-shelf.js';
import { findProjectFolder, type ProjectFolder } from './project-folder.js';
import { readProjectPresets, type ProjectPresets } from './project-presets.js';
import { formatStoreError, StoreError } from './store-error.js';
import { answersSafeToKeep } from './secret-guard.js';
import type { HistoryEntry, WizardStore } from './types.js';

export type * from './types.js';
export { StoreError, formatStoreError } from './store-error.js';
export { CONFIG_DIR_ENV } from './location.js';
export { checkPresetName, PRESET_NAME_RULE } from './preset-name.js';
export { presetAnswers, requirePreset, DESCRIPTION_MAX_LENGTH } from './preset-shelf.js';
export { findProjectFolder, PROJECT_DIR_ENV, PROJECT_FOLDER_NAME, type ProjectFolder } from './project-folder.js';

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

/** The store with the project's presets beside yours (`presets.list()` and `get()` see both, the project's winning). */
export interface ProjectAwareStore extends LocalStore {
  /** Your own presets alone. */
  readonly personalPresets: WizardStore['presets'];
  /** The project folder found from the working directory, if any. */
  readonly project?: ProjectFolder;
  /** What its presets folder holds. */
  readonly projectPresets?: ProjectPresets;
}

/**
 * Opens the store (as `openStore`) and the project folder found from `cwd` upward. A project preset file that
 * cannot be used is told once among the notices; a project folder that cannot be trusted too, and then the
 * store goes on with your own presets only (the commands that enforce the policy refuse to go on).
 */
export function openStoreWithProject(options: OpenStoreOptions & { cwd?: string } = {}): ProjectAwareStore {
  const store = openStore(options);
  const extra: string[] = [];
  let project: ProjectFolder | undefined;
  let projectPresets: ProjectPresets | undefined;
  try {
    project = findProjectFolder(options.cwd);
    projectPresets = project ? readProjectPresets(project) : undefined;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    project = undefined;
    extra.push(`the project presets are not used: ${formatStoreError(error)}`);
  }
  for (const [name, problem] of projectPresets?.broken ?? []) {
    const first = problem.issues[0]!;
    extra.push(`the project preset ${JSON.stringify(name)} cannot be used: ${first.flag}: ${first.message}${problem.issues.length > 1 ? ` (and ${problem.issues.length - 1} more)` : ''}\n  Fix: ${first.fix}`);
  }
  const personalPresets = store.presets;
  return {
    ...store,
    personalPresets,
    presets: projectPresets ? withProjectPresets(personalPresets, projectPresets) : personalPresets,
    ...(project ? { project } : {}),
    ...(projectPresets ? { projectPresets } : {}),
    notices: () => [...store.notices(), ...extra.splice(0)],
  };
}
