/** `--state FILE`: the data stores survive a restart. Saved atomically (write a temporary file, then rename). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
export function loadState(path: string): EmulatedDatastore[] {
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
export function saveState(path: string, datastores: readonly EmulatedDatastore[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: VERSION, datastores }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
