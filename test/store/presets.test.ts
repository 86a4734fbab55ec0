/** Presets, last answers, history and journal through the real file-backed store in a temp directory. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/request/issues.js';
import { checkPresetName, openStore, requirePreset, type LocalStore } from '../../src/store/index.js';
import { historyEntry, readJson, steppingClock, tempDir, VALID_ANSWERS } from './store-fixtures.js';

let temp: ReturnType<typeof tempDir>;
let store: LocalStore;
beforeEach(() => {
  temp = tempDir();
  store = openStore({ configDir: temp.dir, now: steppingClock() });
});
afterEach(() => temp.remove());

function inputError(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('presets', () => {
  it('saves, lists by name, gets, overwrites keeping createdAt, deletes', () => {
    store.presets.save('zeta', VALID_ANSWERS);
    const first = store.presets.save('alpha', VALID_ANSWERS, '  first try  ');
    expect(first).toMatchObject({ name: 'alpha', description: 'first try', clientTokenPolicy: 'generate' });
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['alpha', 'zeta']);

    const again = store.presets.save('alpha', { ...VALID_ANSWERS, DatastoreName: 'clinic-prod' });
    expect(again.createdAt).toBe(first.createdAt);
    expect(again.updatedAt! > first.updatedAt!).toBe(true);
    expect(again.description).toBeUndefined();
    expect(store.presets.get('alpha')?.answers.DatastoreName).toBe('clinic-prod');

    // A second store on the same directory (another process) sees it all.
    expect(openStore({ configDir: temp.dir }).presets.get('alpha')).toEqual(again);
    expect(store.presets.delete('alpha')).toBe(true);
    expect(store.presets.delete('alpha')).toBe(false);
    expect(store.presets.get('alpha')).toBeUndefined();
  });

  it('never keeps a ClientToken, and keeps only request fields', () => {
    const saved = store.presets.save('dev', { ...VALID_ANSWERS, ClientToken: 'a8f5f167-0000-4000-8000-000000000001', Bogus: 'x' });
    expect(saved.answers).not.toHaveProperty('ClientToken');
    expect(saved.answers).not.toHaveProperty('Bogus');
    expect(readFileSync(join(temp.dir, 'presets.json'), 'utf8')).not.toContain('a8f5f167');
  });

  it('refuses invalid answers, listing every issue, and writes nothing', () => {
    const error = inputError(() => store.presets.save('dev', { DatastoreTypeVersion: 'R5', DatastoreName: 'bad name!' }));
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['DatastoreName', 'DatastoreTypeVersion']);
    expect(error.message).toContain('Fix:');
    expect(store.presets.list()).toEqual([]);
  });

  it('refuses a value that looks like an AWS access key', () => {
    const error = inputError(() => store.presets.save('dev', { ...VALID_ANSWERS, Tags: [{ Key: 'k', Value: 'AKIAIOSFODNN7EXAMPLE' }] }));
    expect(error.issues[0]!.message).toMatch(/Tags\[0\]\.Value looks like an AWS credential/);
  });

  it('checks names against the rule and says which part is broken', () => {
    for (const good of ['a', 'dev', 'Dev-2.r4_x', '9lives', 'x'.repeat(64)]) expect(checkPresetName(good)).toBeUndefined();
    expect(checkPresetName('')?.message).toMatch(/is empty/);
    expect(checkPresetName('x'.repeat(65))?.message).toMatch(/65 characters/);
    expect(checkPresetName('-dev')?.message).toMatch(/does not start with a letter or digit/);
    const spaced = checkPresetName('my preset');
    expect(spaced).toMatchObject({ rule: 'pattern', value: 'my preset' });
    expect(spaced?.message).toContain('contains " "');
    expect(spaced?.fix).toContain('"my-preset"');
    // A suggestion is itself a good name, without a separator left hanging where a character was dropped.
    expect(checkPresetName('smart-clinic#')?.fix).toBe('Use a name such as "smart-clinic".');
    expect(checkPresetName('smart clinic#')?.fix).toBe('Use a name such as "smart-clinic".');
    expect(inputError(() => store.presets.save('../etc', VALID_ANSWERS)).issues[0]!.rule).toBe('pattern');
  });

  it('refuses a multi-line or over-long description', () => {
    expect(inputError(() => store.presets.save('dev', VALID_ANSWERS, 'one\ntwo')).issues[0]!.rule).toBe('max-length');
    expect(inputError(() => store.presets.save('dev', VALID_ANSWERS, 'x'.repeat(257))).issues[0]!.rule).toBe('max-length');
  });

  it('renames, refusing a missing source, a taken target or a bad name', () => {
    store.presets.save('dev', VALID_ANSWERS);
    store.presets.save('prod', VALID_ANSWERS);
    expect(store.presets.rename('dev', 'staging').name).toBe('staging');
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['prod', 'staging']);
    expect(inputError(() => store.presets.rename('stagin', 'x')).message).toMatch(/no preset named "stagin"\. Did you mean staging\?/);
    expect(inputError(() => store.presets.rename('staging', 'prod')).issues[0]!.rule).toBe('duplicate');
    expect(inputError(() => store.presets.rename('staging', 'a b')).issues[0]!.rule).toBe('pattern');
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['prod', 'staging']);
  });

  it('requirePreset returns the preset or names the closest one (for --preset NAME)', () => {
    store.presets.save('clinic-dev', VALID_ANSWERS);
    expect(requirePreset(store.presets, 'clinic-dev').name).toBe('clinic-dev');
    const error = inputError(() => requirePreset(store.presets, 'clinic-deb'));
    expect(error.exitCode).toBe(252);
    expect(error.message).toContain('There is no preset named "clinic-deb". Did you mean clinic-dev?');
  });

  it('treats names like "constructor" as ordinary names', () => {
    expect(store.presets.get('constructor')).toBeUndefined();
    store.presets.save('constructor', VALID_ANSWERS);
    expect(store.presets.get('constructor')?.name).toBe('constructor');
  });
});

describe('last answers', () => {
  it('round-trips answers without the ClientToken', () => {
    expect(store.lastAnswers.get()).toBeUndefined();
    store.lastAnswers.set({ ...VALID_ANSWERS, ClientToken: 'token-1' });
    expect(store.lastAnswers.get()).toEqual(VALID_ANSWERS);
    expect(readFileSync(join(temp.dir, 'state.json'), 'utf8')).not.toContain('token-1');
  });
});

describe('history', () => {
  it('lists newest first, replaces an entry added twice, and updates the status', () => {
    store.history.add(historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z'));
    store.history.add(historyEntry('b'.repeat(32), '2026-01-03T00:00:00.000Z', { sandbox: true }));
    store.history.add(historyEntry('c'.repeat(32), '2026-01-02T00:00:00.000Z'));
    store.history.add(historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z', { datastoreName: 'renamed' }));
    expect(store.history.list().map((entry) => entry.datastoreId[0])).toEqual(['b', 'c', 'a']);
    expect(store.history.list().at(-1)!.datastoreName).toBe('renamed');

    store.history.updateStatus('c'.repeat(32), 'ACTIVE', '2026-01-02T00:05:00.000Z');
    // An older sighting arriving late does not undo a newer one.
    store.history.updateStatus('c'.repeat(32), 'CREATING', '2026-01-02T00:01:00.000Z');
    store.history.updateStatus('z'.repeat(32), 'ACTIVE', '2026-01-02T00:05:00.000Z');
    expect(store.history.list()[1]).toMatchObject({ lastStatus: 'ACTIVE', lastSeenAt: '2026-01-02T00:05:00.000Z' });
    expect(store.history.list()).toHaveLength(3);
  });
});

describe('journal', () => {
  const submission = (clientToken: string, startedAt: string) => ({
    clientToken,
    request: { DatastoreTypeVersion: 'R4' as const, ClientToken: clientToken },
    target: { region: 'us-east-1', sandbox: true, endpoint: 'http://127.0.0.1:1' },
    startedAt,
  });

  it('keeps a submission from begin (on disk at once) until complete', () => {
    store.journal.begin(submission('t-2', '2026-01-02T00:00:00.000Z'));
    store.journal.begin(submission('t-1', '2026-01-01T00:00:00.000Z'));
    // Durable before begin returns: the file already holds it.
    expect(readJson(join(temp.dir, 'journal.json')).pending).toHaveLength(2);
    expect(store.journal.pending().map((pending) => pending.clientToken)).toEqual(['t-1', 't-2']);
    store.journal.begin(submission('t-1', '2026-01-01T00:00:00.000Z'));
    expect(store.journal.pending()).toHaveLength(2);
    store.journal.complete('t-1');
    store.journal.complete('unknown');
    expect(openStore({ configDir: temp.dir }).journal.pending().map((pending) => pending.clientToken)).toEqual(['t-2']);
  });
});

describe('notices', () => {
  it('are empty for a healthy store and returned once', () => {
    expect(store.notices()).toEqual([]);
  });
});
