/**
 * Where the files go and how they are written: mode 0600 whatever the umask, atomic replacement, the directory
 * from HEALTHLAKE_WIZARD_CONFIG_DIR, else the default under XDG_CONFIG_HOME (or ~/.config); links, FIFOs and other
 * non-regular files refused, never followed or read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_DIR_ENV, openStore, StoreError } from '../../src/store/index.js';
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

describe('store files that are links, FIFOs or other non-regular files', () => {
  const FILES = ['presets.json', 'state.json', 'history.json', 'journal.json'];

  /** A file outside the store that a planted link points to; it must come out untouched. */
  function victim(): string {
    const path = join(temp.dir, 'victim.txt');
    writeFileSync(path, 'not yours');
    chmodSync(path, 0o644);
    return path;
  }

  function refusal(open: () => unknown): StoreError {
    try {
      open();
    } catch (error) {
      if (error instanceof StoreError) return error;
      throw error;
    }
    throw new Error('expected a StoreError');
  }

  it.each(FILES)('%s as a symbolic link is refused (exit 253) at open, naming the file and the fix; its target is untouched', (name) => {
    const target = victim();
    mkdirSync(join(temp.dir, 'cfg'), { mode: 0o700 });
    symlinkSync(target, join(temp.dir, 'cfg', name));
    const error = refusal(() => openStore({ configDir: join(temp.dir, 'cfg') }));
    expect(error.exitCode).toBe(253);
    expect(error.message).toContain(`${join(temp.dir, 'cfg', name)} is a symbolic link`);
    expect(error.fix).toContain(`rm ${join(temp.dir, 'cfg', name)}`);
    expect([readFileSync(target, 'utf8'), modeOf(target)]).toEqual(['not yours', 0o644]);
  });

  it('a link planted after opening is refused at the next write, which never writes or chmods through it', () => {
    const target = victim();
    const store = openStore({ configDir: join(temp.dir, 'cfg') });
    store.presets.save('dev', VALID_ANSWERS);
    rmSync(join(temp.dir, 'cfg', 'presets.json'));
    symlinkSync(target, join(temp.dir, 'cfg', 'presets.json'));
    expect(refusal(() => store.presets.save('prod', VALID_ANSWERS)).message).toContain('is a symbolic link');
    expect([readFileSync(target, 'utf8'), modeOf(target)]).toEqual(['not yours', 0o644]);
    expect(lstatSync(join(temp.dir, 'cfg', 'presets.json')).isSymbolicLink()).toBe(true);
    expect(listDir(join(temp.dir, 'cfg'))).toEqual(['presets.json']); // no lock or temporary file left
  });

  it('the fix printed for a link works when followed: the data it pointed to is kept and the store opens', () => {
    const target = join(temp.dir, 'elsewhere.json');
    openStore({ configDir: temp.dir }).presets.save('dev', VALID_ANSWERS);
    renameSync(join(temp.dir, 'presets.json'), target);
    symlinkSync(target, join(temp.dir, 'presets.json'));
    const fix = refusal(() => openStore({ configDir: temp.dir })).fix;
    const command = fix.slice(fix.indexOf('cp -L'));
    execFileSync('/bin/sh', ['-c', command]);
    expect(openStore({ configDir: temp.dir }).presets.list().map((preset) => preset.name)).toEqual(['dev']);
    expect(lstatSync(join(temp.dir, 'presets.json')).isFile()).toBe(true);
  });

  it.each(FILES)('%s as a FIFO is refused at once, never read (a read would wait forever)', (name) => {
    execFileSync('mkfifo', [join(temp.dir, name)]);
    const error = refusal(() => openStore({ configDir: temp.dir }));
    expect(error.message).toBe(`${join(temp.dir, name)} is a FIFO (named pipe), not a regular file, so healthlake-wizard cannot use it (reading it would wait forever).`);
    expect(error.fix).toBe(`Move it out of the way (mv ${join(temp.dir, name)} ${join(temp.dir, name)}.aside); healthlake-wizard then starts a new file.`);
  });

  it('a directory where a file should be is refused, and the fix moves it away', () => {
    mkdirSync(join(temp.dir, 'history.json'));
    const error = refusal(() => openStore({ configDir: temp.dir }));
    expect(error.message).toContain('history.json is a directory, not a regular file');
    execFileSync('/bin/sh', ['-c', error.fix.slice(error.fix.indexOf('mv '), error.fix.indexOf(')'))]);
    expect(openStore({ configDir: temp.dir }).history.list()).toEqual([]);
  });

  it('from the built binary: a symlinked presets.json exits 253 with the message and fix, target untouched', async () => {
    requireBuild();
    const target = victim();
    const cfg = join(temp.dir, 'cfg');
    mkdirSync(cfg, { mode: 0o700 });
    symlinkSync(target, join(cfg, 'presets.json'));
    const result = await runBinary(['presets', 'save', 'dev', '--datastore-type-version', 'R4'], { HOME: temp.dir, [CONFIG_DIR_ENV]: cfg });
    expect(result.code).toBe(253);
    expect(result.stderr).toContain(`${join(cfg, 'presets.json')} is a symbolic link`);
    expect(result.stderr).toContain('Fix: Delete the link');
    expect([readFileSync(target, 'utf8'), modeOf(target)]).toEqual(['not yours', 0o644]);
  });

  it('from the built binary: a FIFO history.json exits 253 at once instead of hanging', async () => {
    requireBuild();
    execFileSync('mkfifo', [join(temp.dir, 'history.json')]);
    const result = await runBinary(['history'], { HOME: temp.dir, [CONFIG_DIR_ENV]: temp.dir }, { timeoutMs: 10_000 });
    expect(result.code).toBe(253);
    expect(result.stderr).toContain('history.json is a FIFO (named pipe)');
  });
});

describe('as an unprivileged user (setpriv, nobody)', () => {
  const BIN = fileURLToPath(new URL('../../bin/healthlake-wizard.cjs', import.meta.url));
  const asNobody = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', HOME: temp.dir, HEALTHLAKE_WIZARD_CACHE_DIR: join(temp.dir, 'cache'), ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('saves private files it owns, and refuses a link to one of its own files elsewhere, which stays untouched', () => {
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv')) return; // needs root to become nobody
    requireBuild();
    chmodSync(temp.dir, 0o777);
    const save = ['presets', 'save', 'dev', '--datastore-type-version', 'R4'];
    const saved = asNobody(save, { [CONFIG_DIR_ENV]: join(temp.dir, 'cfg') });
    expect([saved.status, saved.stderr]).toEqual([0, '']);
    const presets = lstatSync(join(temp.dir, 'cfg', 'presets.json'));
    expect([presets.uid, presets.mode & 0o777]).toEqual([65534, 0o600]);

    // The user's own file, writable by them: a link must not make the tool overwrite it.
    const own = join(temp.dir, 'cfg', 'notes.txt');
    writeFileSync(own, 'mine');
    execFileSync('chown', ['65534:65534', own]);
    const linked = join(temp.dir, 'linked');
    mkdirSync(linked);
    execFileSync('chown', ['65534:65534', linked]);
    symlinkSync(own, join(linked, 'presets.json'));
    const refused = asNobody(save, { [CONFIG_DIR_ENV]: linked });
    expect(refused.status).toBe(253);
    expect(refused.stderr).toContain(`${join(linked, 'presets.json')} is a symbolic link`);
    expect(readFileSync(own, 'utf8')).toBe('mine');
  });
});
