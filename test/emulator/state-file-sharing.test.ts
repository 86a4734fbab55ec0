/**
 * One `--state` file shared by several emulator processes at once (concurrent sandbox runs): every data store
 * any of them created is in the file afterwards, and each answers for all of them.
 */
import { CreateFHIRDatastoreCommand, DescribeFHIRDatastoreCommand, HealthLakeClient } from '@aws-sdk/client-healthlake';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION } from '../../src/emulator/index.js';
import { startEmulatorProcess } from './emulator-process.js';

const PROCESSES = 5;
const CREATES_PER_PROCESS = 8;

const folders: string[] = [];
const clients: HealthLakeClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a state file shared by concurrent emulator processes', () => {
  it(`keeps every data store created by ${PROCESSES} processes at once (${PROCESSES * CREATES_PER_PROCESS} creates)`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hlw-shared-state-'));
    folders.push(folder);
    const statePath = join(folder, 'sandbox-state.json');
    const emulators = await Promise.all(
      Array.from({ length: PROCESSES }, () => startEmulatorProcess(['--port', '0', '--create-delay-ms', '0', '--state', statePath])),
    );
    const clientOf = emulators.map((emulator) => {
      const client = new HealthLakeClient({ endpoint: emulator.url, region: SANDBOX_REGION, credentials: { ...SANDBOX_CREDENTIALS } });
      clients.push(client);
      return client;
    });

    // Every process gets its creates at the same moment, so their read-modify-writes overlap.
    const created = await Promise.all(
      clientOf.flatMap((client, process) =>
        Array.from({ length: CREATES_PER_PROCESS }, (_, index) =>
          client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: `p${process}-n${index}` })).then((answer) => answer.DatastoreId!),
        ),
      ),
    );
    expect(new Set(created).size).toBe(PROCESSES * CREATES_PER_PROCESS);

    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: { id: string }[] };
    expect(saved.datastores.map((datastore) => datastore.id).sort()).toEqual([...created].sort());
    // Any process answers for a data store another created (what `status ID` after a sandbox run relies on).
    for (const [index, id] of created.entries()) {
      const { DatastoreProperties } = await clientOf[(index + 1) % PROCESSES]!.send(new DescribeFHIRDatastoreCommand({ DatastoreId: id }));
      expect(DatastoreProperties?.DatastoreId).toBe(id);
    }

    for (const emulator of emulators) emulator.child.kill('SIGTERM');
    expect(await Promise.all(emulators.map((emulator) => emulator.exit))).toEqual(Array(PROCESSES).fill(0));
  }, 60_000);
});
