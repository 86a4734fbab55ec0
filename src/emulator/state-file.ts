/** `--state FILE`: the data stores survive a restart. Saved atomically (write a temporary file, then rename). */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatedDatastore } from './types.js';

const VERSION = 1;

/** A state file that cannot be used; the command reports it as a configuration problem. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

/** The data stores in the file; none when it does not exist yet. */
function loadState(path: string): EmulatedDatastore[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StateFileError(`Cannot read the state file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`The state file ${path} is not valid JSON (${(error as Error).message}). Move it away or pass another --state file.`);
  }
  const state = parsed as { version?: unknown; datastores?: unknown };
  if (state?.version !== VERSION || !Array.isArray(state.datastores)) {
    throw new StateFileError(`The state file ${path} is not an emulator state file (version ${VERSION}). Move it away or pass another --state file.`);
  }
  return state.datastores as EmulatedDatastore[];
}

/** Writes the data stores; readers never see a half-written file. */
function saveState(path: string, datastores: readonly EmulatedDatastore[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: VERSION, datastores }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/**
 * A state file that several emulators may share: two sandbox runs at once use the same one. Each saves after
 * every change, and before each request takes the file again when another wrote it since (a new file: the save
 * renames one into place), so no run overwrites the data stores another created. Two saves in the same instant
 * can still lose one of the two changes; a request never sees a half-written file.
 */
export class SharedStateFile {
  /** What the file was when this emulator last read or wrote it. */
  private seen: string | undefined;

  constructor(readonly path: string) {}

  load(): EmulatedDatastore[] {
    const datastores = loadState(this.path);
    this.seen = this.identity();
    return datastores;
  }

  /** The file's data stores when another emulator wrote it since; undefined when not (or when it is unusable). */
  changedElsewhere(): EmulatedDatastore[] | undefined {
    if (this.identity() === this.seen) return undefined;
    try {
      return this.load();
    } catch (error) {
      if (error instanceof StateFileError) return undefined; // keep serving what this emulator has
      throw error;
    }
  }

  save(datastores: readonly EmulatedDatastore[]): void {
    saveState(this.path, datastores);
    this.seen = this.identity();
  }

  private identity(): string | undefined {
    try {
      const stat = statSync(this.path);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return undefined;
    }
  }
}
