/** Vitest's global setup: one code-cache folder for every program the tests start (see code-cache-dir.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CODE_CACHE_ENV } from './code-cache-dir.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'hlw-code-cache-'));
  process.env[TEST_CODE_CACHE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
