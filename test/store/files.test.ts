/**
 * Where the files go and how they are written: mode 0600 whatever the umask, atomic replacement, the directory
 * from HEALTHLAKE_WIZARD_CONFIG_DIR, else conf's default under XDG_CONFIG_HOME (or ~/.config).
 */
import { chmodSync, existsSync, linkSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_DIR_ENV, openStore } from '../../src/store/index.js';
import { requireBuild, runBinary } from '../cli/built-binary.js';
import { historyEntry, listDir, modeOf, tempDir, VALID_ANSWERS } from './store-fixtures.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

describe('files in process', () => {
  it('writes all four files with mode 0600 and leaves no lock or temporary file', () => {
    const store = openStore({ configDir: temp.dir });
    store.presets.save('dev', VALID_ANSWERS);
    store.lastAnswers.set(VALID_ANSWERS);
    store.history.add(historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z'));
    store.journal.begin({ clientToken: 't', request: { DatastoreTypeVersion: 'R4' }, target: { region: 'us-east-1', sandbox: false }, startedAt: '2026-01-01T00:00:00.000Z' });
    expect(listDir(temp.dir)).toEqual(['history.json', 'journal.json', 'presets.json', 'state.json']);
    for (const name of listDir(temp.dir)) expect([name, modeOf(join(temp.dir, name))]).toEqual([name, 0o600]);
  });

  it('creates a missing directory private to the user', () => {
    const nested = join(temp.dir, 'a', 'b');
    openStore({ configDir: nested }).presets.save('dev', VALID_ANSWERS);
    expect(modeOf(nested)).toBe(0o700);
  });

  it('tightens a file found readable by others', () => {
    openStore({ configDir: temp.dir }).presets.save('dev', VALID_ANSWERS);
    chmodSync(join(temp.dir, 'presets.json'), 0o644);
    openStore({ configDir: temp.dir });
    expect(modeOf(join(temp.dir, 'presets.json'))).toBe(0o600);
  });

  it('replaces the file by rename (a reader never sees a half-written file)', () => {
    const store = openStore({ configDir: temp.dir });
    store.presets.save('dev', VALID_ANSWERS);
    // A hard link keeps the old inode: an in-place rewrite would change what it shows, a rename does not.
    const before = readFileSync(join(temp.dir, 'presets.json'), 'utf8');
    linkSync(join(temp.dir, 'presets.json'), join(temp.dir, 'old-inode'));
    store.presets.save('prod', VALID_ANSWERS);
    expect(readFileSync(join(temp.dir, 'old-inode'), 'utf8')).toBe(before);
    expect(readFileSync(join(temp.dir, 'presets.json'), 'utf8')).toContain('"prod"');
  });

  it('honours HEALTHLAKE_WIZARD_CONFIG_DIR when no directory is given', () => {
    const saved = process.env[CONFIG_DIR_ENV];
    process.env[CONFIG_DIR_ENV] = temp.dir;
    try {
      const store = openStore();
      expect(store.directory).toBe(temp.dir);
      store.presets.save('dev', VALID_ANSWERS);
      expect(existsSync(join(temp.dir, 'presets.json'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env[CONFIG_DIR_ENV];
      else process.env[CONFIG_DIR_ENV] = saved;
    }
  });
});

describe('files from the built binary', () => {
  beforeAll(requireBuild);
  const save = ['presets', 'save', 'dev', '--datastore-type-version', 'R4'];

  it('are 0600 even under umask 000', async () => {
    const result = await runBinary(save, { HOME: temp.dir, [CONFIG_DIR_ENV]: join(temp.dir, 'cfg') }, { umask: '000' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(modeOf(join(temp.dir, 'cfg', 'presets.json'))).toBe(0o600);
    expect(modeOf(join(temp.dir, 'cfg'))).toBe(0o700);
  });

  it('go to $XDG_CONFIG_HOME/healthlake-wizard without the override', async () => {
    const xdg = join(temp.dir, 'xdg');
    expect((await runBinary(save, { HOME: temp.dir, XDG_CONFIG_HOME: xdg }, { umask: '022' })).code).toBe(0);
    expect(listDir(join(xdg, 'healthlake-wizard'))).toEqual(['presets.json']);
    expect(modeOf(join(xdg, 'healthlake-wizard'))).toBe(0o700);
    expect(existsSync(join(temp.dir, '.config'))).toBe(false);
  });

  it('go to ~/.config/healthlake-wizard without XDG_CONFIG_HOME', async () => {
    expect((await runBinary(save, { HOME: temp.dir })).code).toBe(0);
    expect(listDir(join(temp.dir, '.config', 'healthlake-wizard'))).toEqual(['presets.json']);
  });

  it('follow HEALTHLAKE_WIZARD_CONFIG_DIR over XDG_CONFIG_HOME', async () => {
    const xdg = join(temp.dir, 'xdg');
    expect((await runBinary(save, { HOME: temp.dir, XDG_CONFIG_HOME: xdg, [CONFIG_DIR_ENV]: join(temp.dir, 'cfg') })).code).toBe(0);
    expect(listDir(join(temp.dir, 'cfg'))).toEqual(['presets.json']);
    expect(existsSync(xdg)).toBe(false);
  });
});
