/** `--state FILE`: a restarted emulator keeps its data stores, and transitions due while it was down happen. */
import { CreateFHIRDatastoreCommand, DescribeFHIRDatastoreCommand } from '@aws-sdk/client-healthlake';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StateFileError, startEmulator } from '../../src/emulator/index.js';
import { clientFor, emulatorForTest } from './emulator-fixture.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function stateFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hlw-emulator-state-'));
  folders.push(folder);
  return join(folder, 'nested', 'state.json');
}

describe('state file', () => {
  it('keeps data stores, tags and requests across a restart; due transitions happen on load', async () => {
    const statePath = stateFile();
    let now = Date.now();
    const first = await emulatorForTest({ statePath, createDelayMs: 60_000, now: () => now });
    const { DatastoreId } = await clientFor(first).send(
      new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'kept', ClientToken: 'keep-me', Tags: [{ Key: 'a', Value: 'b' }] }),
    );
    await first.stop();
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: { id: string; status: string }[] };
    expect(saved.datastores.map((d) => [d.id, d.status])).toEqual([[DatastoreId, 'CREATING']]);
    // Saved atomically: no temporary file is left next to it.
    expect(readdirSync(join(statePath, '..'))).toEqual(['state.json']);

    now += 61_000; // the emulator was "down" past the creation delay
    const second = await emulatorForTest({ statePath, createDelayMs: 60_000, now: () => now });
    expect(second.datastores()[0]).toMatchObject({ id: DatastoreId, status: 'ACTIVE', request: { DatastoreName: 'kept', ClientToken: 'keep-me' } });
    const client = clientFor(second);
    const { DatastoreProperties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId }));
    expect(DatastoreProperties?.DatastoreStatus).toBe('ACTIVE');
    // Idempotency survives the restart too.
    const again = await client.send(
      new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'kept', ClientToken: 'keep-me', Tags: [{ Key: 'a', Value: 'b' }] }),
    );
    expect(again.DatastoreId).toBe(DatastoreId);
    expect((JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: { status: string }[] }).datastores[0]!.status).toBe('ACTIVE');
  });

  it('is shared by two emulators at once (two sandbox runs): neither loses what the other created', async () => {
    const statePath = stateFile();
    const one = await emulatorForTest({ statePath, createDelayMs: 0 });
    const two = await emulatorForTest({ statePath, createDelayMs: 0 });
    const created = [];
    for (const [emulator, name] of [[one, 'first'], [two, 'second'], [one, 'third']] as const) {
      const { DatastoreId } = await clientFor(emulator).send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: name }));
      created.push(DatastoreId);
    }
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: { id: string }[] };
    expect(saved.datastores.map((d) => d.id).sort()).toEqual([...created].sort());
    // Each answers for the data stores the other created.
    const { DatastoreProperties } = await clientFor(two).send(new DescribeFHIRDatastoreCommand({ DatastoreId: created[2] }));
    expect(DatastoreProperties?.DatastoreName).toBe('third');
    expect(one.datastores().map((d) => d.id).sort()).toEqual([...created].sort());
  });

  it('refuses a corrupt state file with a clear error, and leaves it untouched', async () => {
    const statePath = stateFile();
    mkdirSync(join(statePath, '..'), { recursive: true });
    writeFileSync(statePath, '{"version": 1, "datastores": [');
    const error = await startEmulator({ statePath }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain('is not valid JSON');
    expect(readFileSync(statePath, 'utf8')).toBe('{"version": 1, "datastores": [');
  });
});
