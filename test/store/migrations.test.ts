/** Files in the prototype's layout (schema 0, no version field) are read, upgraded and rewritten as schema 1. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { listDir, readJson, tempDir } from './store-fixtures.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

const write = (name: string, document: unknown) => writeFileSync(join(temp.dir, name), JSON.stringify(document));
const ID = '0123456789abcdef0123456789abcdef';

describe('migration from schema 0', () => {
  it('turns the presets list into presets by name, with timestamps, and drops the stored ClientToken', () => {
    write('presets.json', {
      presets: [{ name: 'dev', description: 'old', savedAt: '2025-01-01T00:00:00.000Z', answers: { DatastoreTypeVersion: 'R4', ClientToken: 'old-token' } }],
    });
    const store = openStore({ configDir: temp.dir });
    expect(store.notices()).toEqual([]);
    expect(store.presets.get('dev')).toEqual({
      name: 'dev',
      description: 'old',
      answers: { DatastoreTypeVersion: 'R4' },
      clientTokenPolicy: 'generate',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    // Reading does not rewrite; the next write stores schema 1, keeping the migrated preset.
    expect(readJson(join(temp.dir, 'presets.json')).schemaVersion).toBeUndefined();
    store.presets.save('prod', { DatastoreTypeVersion: 'R4' });
    const rewritten = readJson(join(temp.dir, 'presets.json'));
    expect(rewritten.schemaVersion).toBe(1);
    expect(Object.keys(rewritten.presets as object).sort()).toEqual(['dev', 'prod']);
    expect(JSON.stringify(rewritten)).not.toContain('old-token');
  });

  it('turns the last request into last answers keyed by spec path', () => {
    write('state.json', { lastRequest: { DatastoreTypeVersion: 'R4', DatastoreName: 'x', ClientToken: 't', PreloadDataConfig: { PreloadDataType: 'SYNTHEA' } } });
    expect(openStore({ configDir: temp.dir }).lastAnswers.get()).toEqual({
      DatastoreTypeVersion: 'R4',
      DatastoreName: 'x',
      'PreloadDataConfig.PreloadDataType': 'SYNTHEA',
    });
  });

  it('renames the history fields and fills the new ones', () => {
    write('history.json', { datastores: [{ id: ID, arn: `arn:aws:healthlake:eu-west-1:1:datastore/fhir/${ID}`, name: 'old', region: 'eu-west-1', status: 'ACTIVE', created: '2025-02-02T00:00:00.000Z' }] });
    expect(openStore({ configDir: temp.dir }).history.list()).toEqual([
      {
        datastoreId: ID,
        datastoreArn: `arn:aws:healthlake:eu-west-1:1:datastore/fhir/${ID}`,
        datastoreName: 'old',
        region: 'eu-west-1',
        endpoint: '',
        sandbox: false,
        createdAt: '2025-02-02T00:00:00.000Z',
        lastStatus: 'ACTIVE',
        lastSeenAt: '2025-02-02T00:00:00.000Z',
      },
    ]);
  });

  it('turns the journal keyed by token into a list', () => {
    write('journal.json', { pending: { 'tok-1': { request: { DatastoreTypeVersion: 'R4' }, target: { region: 'us-east-1', sandbox: false }, startedAt: '2025-03-03T00:00:00.000Z' } } });
    const store = openStore({ configDir: temp.dir });
    expect(store.journal.pending()).toEqual([
      { clientToken: 'tok-1', request: { DatastoreTypeVersion: 'R4' }, target: { region: 'us-east-1', sandbox: false }, startedAt: '2025-03-03T00:00:00.000Z' },
    ]);
    store.journal.complete('tok-1');
    expect(readJson(join(temp.dir, 'journal.json'))).toEqual({ schemaVersion: 1, pending: [] });
  });

  it('backs up a schema-0 file whose content it cannot convert, instead of dropping it silently', () => {
    write('presets.json', { presets: [{ name: 'dev', answers: { DatastoreTypeVersion: 'R4' }, savedAt: '2025-01-01T00:00:00.000Z' }, 'not a preset'] });
    const store = openStore({ configDir: temp.dir });
    expect(store.notices()).toEqual([expect.stringMatching(/1 of its entries had the wrong shape.*kept the readable presets/)]);
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['dev']);
    expect(listDir(temp.dir).some((name) => name.startsWith('presets.corrupt-'))).toBe(true);
  });

  it('reads a missing file as empty without creating it', () => {
    const store = openStore({ configDir: temp.dir });
    expect([store.presets.list(), store.history.list(), store.journal.pending(), store.lastAnswers.get()]).toEqual([[], [], [], undefined]);
    expect(listDir(temp.dir)).toEqual([]);
  });
});
