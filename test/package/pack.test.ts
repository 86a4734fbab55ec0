/**
 * The packed tarball installs on a clean prefix and runs: `--version`, a dry run, and a sandbox creation that
 * reaches ACTIVE (which loads the AWS SDK, the credential chain, the emulator and the store from the bundle).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/pty-terminal.js';

const work = mkdtempSync(join(tmpdir(), 'hlw-pack-'));
const prefix = join(work, 'prefix');
const home = join(work, 'home');
let tarball = '';
let files: string[] = [];

function run(file: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(file, args, {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...env },
    timeout: 120_000,
  });
}

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  files = packed[0]!.files.map((file) => file.path);
  // --prefer-offline: the dependencies are in npm's cache after `npm ci`; the registry is asked only if not.
  run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds only what is needed: the launcher, the bundle and its code cache, the docs, README and licence', () => {
    for (const file of files) {
      expect(file).toMatch(/^(bin\/healthlake-wizard\.cjs|dist\/.+\.cjs|dist\/code-cache\/.+\.cjs\.v8|docs\/.+\.md|README\.md|LICENSE|package\.json)$/);
    }
    expect(files).toEqual(expect.arrayContaining(['dist/launcher.cjs', 'dist/app.cjs', 'dist/code-cache/app.cjs.v8']));
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('test/') || file.endsWith('.map'))).toBe(false);
  });

  it('installs and prints its version', () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    expect(run('healthlake-wizard', ['--version']).trim()).toContain(version);
  });

  it('runs a dry run', () => {
    const out = run('healthlake-wizard', ['create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', 'packed']);
    expect(JSON.parse(out)).toEqual({ DatastoreName: 'packed', DatastoreTypeVersion: 'R4' });
  });

  it('starts from the code cache it ships (same Node as the build)', () => {
    const out = execFileSync('sh', ['-c', 'healthlake-wizard create --no-interactive --dry-run --datastore-type-version R4 --debug 2>&1 >/dev/null'], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home },
    });
    expect(out).toContain('code cache: loaded app.cjs (cached code)');
  });

  it('creates a data store in the sandbox and waits for ACTIVE', () => {
    const out = run(
      'healthlake-wizard',
      ['create', '--no-interactive', '--sandbox', '--wait', '--datastore-type-version', 'R4', '--datastore-name', 'packed', '--output', 'json'],
      { HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config'), HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '200' },
    );
    expect(JSON.parse(out).DatastoreId).toMatch(/^[0-9a-f]{32}$/);
  });
});
