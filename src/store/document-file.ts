/**
 * One of the store's files: a JSON document with a schema version and migrations, recovery from a corrupt file,
 * and a lock around every read-modify-write so that concurrent processes lose nothing. Reads and writes go
 * through regular-file.ts (no links followed, no FIFO read, atomic replacement, mode 0600). Each file stands
 * alone: a corrupt one costs only itself.
 */
import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { withLock, type LockTiming } from './lock-file.js';
import { ensurePrivateDirectory } from './location.js';
import { lstatIfPresent, makeFilePrivate, readRegularFile, writeRegularFile } from './regular-file.js';
import { StoreError } from './store-error.js';

/** A document as stored: the data's own keys plus `schemaVersion` (absent in version 0). */
export type RawDocument = Record<string, unknown>;

/** What one file holds and how to read every version of it. */
export interface DocumentKind<T> {
  /** The file is `<name>.json`. */
  name: string;
  /** What it holds, for messages: "presets", "history". */
  label: string;
  /** The schema version this code writes. */
  version: number;
  /** `migrations[n]` turns a version-n document into version n+1 (`schemaVersion` aside). */
  migrations: Record<number, (document: RawDocument) => RawDocument>;
  /** The data of an empty file. */
  empty(): T;
  /**
   * Reads a current-version document. Undefined when its shape is wrong as a whole; `dropped` counts entries
   * left out because they were unreadable (the rest is kept).
   */
  decode(document: RawDocument): { value: T; dropped: number } | undefined;
  /** The document to write for the data (without `schemaVersion`). */
  encode(value: T): RawDocument;
}

/** Where a file's notices go, and the clock used for backup names. */
export interface DocumentContext {
  /** The store's directory. */
  directory: string;
  notify(message: string): void;
  now(): Date;
  lockTiming?: LockTiming;
}

// Unreadable content is handed back under this key and dealt with by inspect().
const UNREADABLE = Symbol('unreadable');
const VERSION_KEY = 'schemaVersion';

type Inspection<T> =
  | { state: 'ok'; value: T; migrated: boolean }
  | { state: 'damaged'; reason: string; salvaged: T; dropped: number }
  | { state: 'newer'; version: number };

function deserialize(text: string): RawDocument {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as RawDocument;
    return { [UNREADABLE]: 'it does not hold a JSON object' };
  } catch {
    return { [UNREADABLE]: text.trim() === '' ? 'it is empty' : 'it is not valid JSON (truncated or damaged)' };
  }
}

/** A store file with versioning, recovery and locking. */
export class DocumentFile<T> {
  /** The file's path: `<directory>/<name>.json`. */
  readonly path: string;
  private newerNoticeGiven = false;

  constructor(
    private readonly kind: DocumentKind<T>,
    private readonly context: DocumentContext,
  ) {
    this.path = join(context.directory, `${kind.name}.json`);
  }

  /**
   * Checks the file now (so that notices are ready at start-up): repairs damage, tightens a loose mode. Throws
   * StoreError when it is a link, a FIFO or anything but a regular file.
   */
  check(): void {
    makeFilePrivate(this.path);
    this.read();
  }

  /** The current data; a damaged file is moved aside first (under the lock). */
  read(): T {
    const inspection = this.inspect();
    if (inspection.state === 'ok') return inspection.value;
    if (inspection.state === 'newer') return this.kind.empty();
    return this.update(() => undefined);
  }

  /**
   * Re-reads the file under the lock, applies `change` (which may mutate the value or return a new one) and
   * writes the result atomically. Returns the data written.
   */
  update(change: (value: T) => T | void): T {
    // The directory may have been removed since the store was opened.
    ensurePrivateDirectory(dirname(this.path));
    return withLock(`${this.path}.lock`, () => {
      const inspection = this.inspect();
      if (inspection.state === 'newer') throw this.newerError(inspection.version);
      let value = inspection.state === 'ok' ? inspection.value : inspection.salvaged;
      if (inspection.state === 'damaged') this.moveAside(inspection.reason, inspection.dropped);
      value = change(value) ?? value;
      writeRegularFile(this.path, `${JSON.stringify({ [VERSION_KEY]: this.kind.version, ...this.kind.encode(value) }, null, '\t')}`);
      return value;
    }, this.context.lockTiming);
  }

  private inspect(): Inspection<T> {
    const text = readRegularFile(this.path);
    const raw = (text === undefined ? {} : deserialize(text)) as RawDocument & { [UNREADABLE]?: string };
    const empty = this.kind.empty();
    if (raw[UNREADABLE]) return { state: 'damaged', reason: raw[UNREADABLE], salvaged: empty, dropped: 0 };
    const declared = raw[VERSION_KEY] ?? 0;
    if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
      return { state: 'damaged', reason: `its ${VERSION_KEY} is not a version number`, salvaged: empty, dropped: 0 };
    }
    if (declared > this.kind.version) {
      this.noticeNewer(declared);
      return { state: 'newer', version: declared };
    }
    let document: RawDocument = { ...raw };
    delete document[VERSION_KEY];
    try {
      for (let version = declared; version < this.kind.version; version++) {
        const migrate = this.kind.migrations[version];
        if (!migrate) throw new Error(`no migration from version ${version}`);
        document = migrate(document);
      }
    } catch (error) {
      return { state: 'damaged', reason: `it could not be upgraded (${(error as Error).message})`, salvaged: empty, dropped: 0 };
    }
    const decoded = this.kind.decode(document);
    if (!decoded) return { state: 'damaged', reason: 'its content has the wrong shape', salvaged: empty, dropped: 0 };
    if (decoded.dropped > 0) {
      return { state: 'damaged', reason: `${decoded.dropped} of its entries had the wrong shape`, salvaged: decoded.value, dropped: decoded.dropped };
    }
    return { state: 'ok', value: decoded.value, migrated: declared !== this.kind.version };
  }

  /** Renames the damaged file to `<name>.corrupt-<timestamp>.json` (kept private) and says so once. */
  private moveAside(reason: string, dropped: number): void {
    if (!lstatIfPresent(this.path)) return;
    const stamp = this.context.now().toISOString().replace(/[:.]/g, '-');
    let backup = join(dirname(this.path), `${this.kind.name}.corrupt-${stamp}.json`);
    for (let n = 1; lstatIfPresent(backup); n++) backup = join(dirname(this.path), `${this.kind.name}.corrupt-${stamp}-${n}.json`);
    // rename moves the entry itself (never a link's target); the file was checked to be a regular one on reading.
    renameSync(this.path, backup);
    makeFilePrivate(backup);
    const rest = dropped > 0 ? `kept the readable ${this.kind.label}` : `starting with no ${this.kind.label}`;
    this.context.notify(`${basename(this.path)} was unreadable (${reason}); moved to ${backup}; ${rest}.`);
  }

  private noticeNewer(version: number): void {
    if (this.newerNoticeGiven) return;
    this.newerNoticeGiven = true;
    this.context.notify(
      `${this.path} was written by a newer healthlake-wizard (schema ${version}; this one knows ${this.kind.version}); ` +
        `its ${this.kind.label} are left untouched and not used.`,
    );
  }

  private newerError(version: number): StoreError {
    return new StoreError(
      `${this.path} was written by a newer healthlake-wizard (schema ${version}; this one knows ${this.kind.version}), so it is not changed.`,
      'Upgrade healthlake-wizard, or point HEALTHLAKE_WIZARD_CONFIG_DIR at another directory.',
    );
  }
}
