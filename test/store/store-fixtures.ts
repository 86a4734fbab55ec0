/** Shared pieces of the store tests: a throwaway config directory, a fixed clock, valid answers, file helpers. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers } from '../../src/request/answers.js';
import type { HistoryEntry } from '../../src/store/types.js';

/** A new empty directory under the OS temp dir; `remove()` deletes it. */
export function tempDir(prefix = 'hlw-store-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that moves one second per call, from a fixed start. */
export function steppingClock(start = Date.parse('2026-01-02T03:04:05.000Z')): () => Date {
  let next = start;
  return () => new Date((next += 1000));
}

/** Answers that pass validation. */
export const VALID_ANSWERS: Answers = {
  DatastoreTypeVersion: 'R4',
  DatastoreName: 'clinic-dev',
  'SseConfiguration.KmsEncryptionConfig.CmkType': 'AWS_OWNED_KMS_KEY',
  Tags: [{ Key: 'team', Value: 'care' }],
};

/** A history entry for a data store id. */
export function historyEntry(datastoreId: string, createdAt: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    datastoreId,
    datastoreArn: `arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/${datastoreId}`,
    datastoreName: `store-${datastoreId.slice(0, 6)}`,
    region: 'us-east-1',
    endpoint: `https://healthlake.us-east-1.amazonaws.com/datastore/${datastoreId}/r4/`,
    sandbox: false,
    createdAt,
    lastStatus: 'CREATING',
    lastSeenAt: createdAt,
    ...overrides,
  };
}

/** The file's permission bits, e.g. 0o600. */
export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** The names in a directory, sorted. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** A file parsed as JSON. */
export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
