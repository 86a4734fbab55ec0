/** Corrupt, truncated and mistyped files: moved aside with a notice, never a crash; other files untouched. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { historyEntry, listDir, modeOf, readJson, steppingClock, tempDir, VALID_ANSWERS } from './store-fixtures.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

const CLOCK_START = Date.parse('2026-05-06T07:08:09.000Z');

/** Writes a healthy presets file and history, then damages `file` with `content`. */
function seedThenDamage(file: string, content: string): void {
  const seeded = openStore({ configDir: temp.dir });
  seeded.presets.save('dev', VALID_ANSWERS);
  seeded.history.add(historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z'));
  writeFileSync(join(temp.dir, file), content);
}

const DAMAGES: Array<[string, string, RegExp]> = [
  ['truncated JSON', '{"schemaVersion":1,"presets":{"dev":{"name":"dev","ans', /not valid JSON/],
  ['garbage', '\u0000\u0001 garbage \uFFFD', /not valid JSON/],
  ['an empty file', '', /it is empty/],
  ['a JSON array', '[1,2,3]', /does not hold a JSON object/],
  ['presets of the wrong type', '{"schemaVersion":1,"presets":"dev"}', /wrong shape/],
  ['a version that is not a number', '{"schemaVersion":"one","presets":{}}', /not a version number/],
];

describe.each(DAMAGES)('presets.json holding %s', (_label, content, reason) => {
  it('is moved aside, reported once, and replaced by an empty store; history is untouched', () => {
    seedThenDamage('presets.json', content);
    const store = openStore({ configDir: temp.dir, now: steppingClock(CLOCK_START) });
    const notices = store.notices();
    expect(notices).toHaveLength(1);
    const backup = join(temp.dir, 'presets.corrupt-2026-05-06T07-08-10-000Z.json');
    expect(notices[0]).toMatch(reason);
    expect(notices[0]).toContain(`presets.json was unreadable`);
    expect(notices[0]).toContain(`moved to ${backup}; starting with no presets.`);
    expect(store.notices()).toEqual([]);
    expect(readFileSync(backup, 'utf8')).toBe(content);
    expect(modeOf(backup)).toBe(0o600);
    expect(store.presets.list()).toEqual([]);
    expect(store.history.list()).toHaveLength(1);
    // The store goes on working and writes a healthy file.
    store.presets.save('again', VALID_ANSWERS);
    expect(openStore({ configDir: temp.dir }).presets.list().map((preset) => preset.name)).toEqual(['again']);
  });
});

describe('recovery', () => {
  it('keeps the readable entries of a file with some mistyped ones, backing up the original', () => {
    seedThenDamage('history.json', JSON.stringify({
      schemaVersion: 1,
      entries: [historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z'), { datastoreId: 42 }, historyEntry('b'.repeat(32), '2026-01-02T00:00:00.000Z', { lastStatus: 'SLEEPING' as never })],
    }));
    const store = openStore({ configDir: temp.dir, now: steppingClock(CLOCK_START) });
    expect(store.notices()).toEqual([
      expect.stringMatching(/history\.json was unreadable \(2 of its entries had the wrong shape\); moved to .*history\.corrupt-.*\.json; kept the readable history\./),
    ]);
    expect(store.history.list().map((entry) => entry.datastoreId)).toEqual(['a'.repeat(32)]);
    expect(readJson(join(temp.dir, 'history.json')).entries).toHaveLength(1);
  });

  it('gives two damaged files two backups in the same second', () => {
    seedThenDamage('presets.json', '{');
    writeFileSync(join(temp.dir, 'journal.json'), '{"pending": 5}');
    const store = openStore({ configDir: temp.dir, now: () => new Date(CLOCK_START) });
    expect(store.notices()).toHaveLength(2);
    expect(listDir(temp.dir).filter((name) => name.includes('.corrupt-'))).toEqual([
      'journal.corrupt-2026-05-06T07-08-09-000Z.json',
      'presets.corrupt-2026-05-06T07-08-09-000Z.json',
    ]);
  });

  it('does not overwrite an earlier backup taken at the same instant', () => {
    const store = openStore({ configDir: temp.dir, now: () => new Date(CLOCK_START) });
    writeFileSync(join(temp.dir, 'state.json'), 'first damage');
    expect(store.lastAnswers.get()).toBeUndefined();
    writeFileSync(join(temp.dir, 'state.json'), 'second damage');
    expect(store.lastAnswers.get()).toBeUndefined();
    expect(store.notices()).toHaveLength(2);
    expect(readFileSync(join(temp.dir, 'state.corrupt-2026-05-06T07-08-09-000Z.json'), 'utf8')).toBe('first damage');
    expect(readFileSync(join(temp.dir, 'state.corrupt-2026-05-06T07-08-09-000Z-1.json'), 'utf8')).toBe('second damage');
  });

  it('leaves a file from a newer version untouched, says so, and refuses to change it', () => {
    const newer = JSON.stringify({ schemaVersion: 99, presets: { dev: { shape: 'unknown to us' } } });
    writeFileSync(join(temp.dir, 'presets.json'), newer);
    const store = openStore({ configDir: temp.dir });
    expect(store.notices()).toEqual([expect.stringMatching(/written by a newer healthlake-wizard \(schema 99; this one knows 1\)/)]);
    expect(store.presets.list()).toEqual([]);
    expect(() => store.presets.save('dev', VALID_ANSWERS)).toThrow(/newer healthlake-wizard/);
    expect(readFileSync(join(temp.dir, 'presets.json'), 'utf8')).toBe(newer);
    expect(existsSync(join(temp.dir, 'presets.json.lock'))).toBe(false);
    // The other files work as usual.
    store.lastAnswers.set(VALID_ANSWERS);
    expect(store.lastAnswers.get()).toEqual(VALID_ANSWERS);
  });
});
