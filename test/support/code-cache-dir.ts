/**
 * Where the programs the tests start may write V8 code caches (the launcher writes one for scripts the build's
 * warm-up did not cache): a folder of this test process, removed when it exits, never the user's cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;

export function testCodeCacheDir(): string {
  if (!dir) {
    const created = mkdtempSync(join(tmpdir(), 'hlw-code-cache-'));
    dir = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return dir;
}
