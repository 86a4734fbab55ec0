/**
 * The contract of the local memory: presets, last answers, history and pending submissions. `src/store`
 * implements it with JSON files; the UI and commands receive it as a dependency. Type-only.
 */
import type { Answers } from '../request/answers.js';
import type { DatastoreStatus, PendingSubmission } from '../domain-types.js';

export type { PendingSubmission } from '../domain-types.js';

/** A named, reusable set of answers (never secrets). */
export interface Preset {
  name: string;
  description?: string;
  /** Answers without ClientToken: a preset never carries a token to reuse by accident. */
  answers: Answers;
  /** `generate` (default): a new token per run. */
  clientTokenPolicy: 'generate';
  /** When saved first and last; absent for a project preset, whose file holds no timestamps (its history is git's). */
  createdAt?: string;
  updatedAt?: string;
  /** Where it comes from: the project folder (`.healthlake-wizard/presets/`) or, when absent, your own presets. */
  origin?: 'project';
  /** A project preset's file, as messages show it (relative to the working directory). */
  file?: string;
  /** A project preset that hides a personal preset of the same name (the project's wins). */
  hidesPersonal?: boolean;
}

/** One data store this tool created. */
export interface HistoryEntry {
  datastoreId: string;
  datastoreArn: string;
  datastoreName?: string;
  region: string;
  profile?: string;
  endpoint: string;
  /** The service endpoint override used (the emulator in the sandbox). */
  serviceEndpoint?: string;
  sandbox: boolean;
  createdAt: string;
  lastStatus: DatastoreStatus;
  lastSeenAt: string;
}

/** What the app needs from the local store. Methods are synchronous: the store reads and writes its files synchronously. */
export interface WizardStore {
  presets: {
    list(): Preset[];
    get(name: string): Preset | undefined;
    save(name: string, answers: Answers, description?: string): Preset;
    delete(name: string): boolean;
    rename(from: string, to: string): Preset;
  };
  lastAnswers: {
    get(): Answers | undefined;
    set(answers: Answers): void;
  };
  history: {
    list(): HistoryEntry[];
    add(entry: HistoryEntry): void;
    updateStatus(datastoreId: string, status: DatastoreStatus, seenAt: string): void;
  };
  journal: {
    begin(submission: PendingSubmission): void;
    complete(clientToken: string): void;
    pending(): PendingSubmission[];
  };
  /** Messages to show once, e.g. "a corrupt file was moved to ...". */
  notices(): string[];
}
