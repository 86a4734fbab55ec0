/**
 * Where the programs the tests start may write V8 code caches (the launcher writes one for scripts the build's
 * warm-up did not cache): never the user's cache. Under vitest, one folder for the whole run, made and removed by
 * the global setup (test workers end without an exit event); in the bench and the media recorder, a folder of
 * the process, removed at its exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_CODE_CACHE_ENV = 'HLW_TEST_CODE_CACHE_DIR';

let own: string | undefined;

export function testCodeCacheDir(): string {
  const shared = process.env[TEST_CODE_CACHE_ENV];
  if (shared) return shared;
  if (!own) {
    const created = mkdtempSync(join(tmpdir(), 'hlw-code-cache-'));
    own = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return own;
}
