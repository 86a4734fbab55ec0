/** `--state FILE`: a restarted emulator keeps its data stores, and transitions due while it was down happen. */
import { CreateFHIRDatastoreCommand, DescribeFHIRDatastoreCommand, ListFHIRDatastoresCommand } from '@aws-sdk/client-healthlake';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StateFileError, startEmulator } from '../../src/emulator/index.js';
import { clientFor, emulatorForTest } from './emulator-fixture.js';
import { startEmulatorProcess } from './emulator-process.js';
import { requireBuild } from '../cli/built-binary.js';
import { BIN } from '../support/pty-terminal.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function stateFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hlw-emulator-state-'));
  folders.push(folder);
  chmodSync(folder, 0o755); // an unprivileged user may have to reach it
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

  it('keeps ClientToken idempotency across emulators sharing the file', async () => {
    const statePath = stateFile();
    const one = await emulatorForTest({ statePath, createDelayMs: 0 });
    const two = await emulatorForTest({ statePath, createDelayMs: 0 });
    const request = { DatastoreTypeVersion: 'R4' as const, DatastoreName: 'once', ClientToken: 'shared-token' };
    const first = await clientFor(one).send(new CreateFHIRDatastoreCommand(request));
    const second = await clientFor(two).send(new CreateFHIRDatastoreCommand(request));
    expect(second.DatastoreId).toBe(first.DatastoreId);
    expect((JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: unknown[] }).datastores).toHaveLength(1);
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

  it('refuses a state path that is a symbolic link, and leaves the file it points to alone', async () => {
    const statePath = stateFile();
    mkdirSync(join(statePath, '..'), { recursive: true });
    const victim = join(statePath, '..', 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    symlinkSync(victim, statePath);
    const error = await startEmulator({ statePath }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(`The state file ${statePath} is a symbolic link`);
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
  });

  it('refuses a FIFO at once instead of waiting for a writer (the command exits 253)', async () => {
    const statePath = stateFile();
    mkdirSync(join(statePath, '..'), { recursive: true });
    expect(spawnSync('mkfifo', [statePath]).status).toBe(0);
    const error = await startEmulator({ statePath }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain('is a FIFO; it must be a regular file');
    const failure = await startEmulatorProcess(['--state', statePath]).then(() => 'it started', (caught: Error) => caught.message);
    expect(failure).toContain('the emulator exited with 253');
    expect(failure).toContain('is a FIFO');
  });

  it('writes through no link: a link planted where a temporary file could go is never followed', async () => {
    const statePath = stateFile();
    mkdirSync(join(statePath, '..'), { recursive: true });
    const victim = join(statePath, '..', 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    // The name the emulator used to write to first (the path, its pid, .tmp): predictable, so it could be planted.
    symlinkSync(victim, `${statePath}.${process.pid}.tmp`);
    const emulator = await emulatorForTest({ statePath, createDelayMs: 0 });
    await clientFor(emulator).send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: unknown[] }).datastores).toHaveLength(1);
    // Nothing is left beside it but the planted link and the victim: no temporary file, no lock file.
    expect(readdirSync(join(statePath, '..')).sort()).toEqual(['state.json', 'state.json.' + process.pid + '.tmp', 'victim.txt'].sort());
  });

  it('reports a malformed entry (file, position, id, what is wrong), starts without it, and keeps it in the file', async () => {
    const statePath = stateFile();
    const first = await emulatorForTest({ statePath, createDelayMs: 0 });
    const { DatastoreId } = await clientFor(first).send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'good' }));
    await first.stop();
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { version: number; datastores: Record<string, unknown>[] };
    const good = saved.datastores[0]!;
    const broken = { ...good, id: 'f'.repeat(32), request: null };
    const twice = { ...good, name: 'same id again' };
    writeFileSync(statePath, JSON.stringify({ version: 1, datastores: [good, broken, 'not an entry', twice] }));

    const second = await emulatorForTest({ statePath, createDelayMs: 0 });
    expect(second.notices).toEqual([
      expect.stringContaining(`The state file ${statePath}, entry 1 (id "${'f'.repeat(32)}"): request must be an object (the CreateFHIRDatastore request); got null.`),
      expect.stringContaining(`The state file ${statePath}, entry 2: it must be an object; got "not an entry".`),
      expect.stringContaining(`entry 3 (id "${DatastoreId}"): its id is used by an earlier entry.`),
    ]);
    expect(second.notices[0]).toContain('runs without this data store and leaves the entry in the file; correct or delete it');
    const client = clientFor(second);
    const listed = await client.send(new ListFHIRDatastoresCommand({}));
    expect(listed.DatastorePropertiesList?.map((datastore) => datastore.DatastoreId)).toEqual([DatastoreId]);
    const { DatastoreId: added } = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'added' }));
    const after = JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: unknown[] };
    expect(after.datastores).toEqual([good, expect.objectContaining({ id: added, status: 'ACTIVE' }), broken, 'not an entry', twice]);
  });

  it('prints what it left out as a warning when run as a command', async () => {
    const statePath = stateFile();
    mkdirSync(join(statePath, '..'), { recursive: true });
    writeFileSync(statePath, JSON.stringify({ version: 1, datastores: [{ id: 'abc', status: 'ACTIVE' }] }));
    const emulator = await startEmulatorProcess(['--port', '0', '--state', statePath]);
    expect(emulator.stderr()).toContain(`healthlake-wizard emulator: warning: The state file ${statePath}, entry 0 (id "abc"): arn is missing (it must be a string).`);
    emulator.child.kill('SIGTERM');
    expect(await emulator.exit).toBe(0);
  });

  it('a folder it cannot write to: exit 253 naming the file and the fix, no stack trace (as an unprivileged user)', () => {
    requireBuild();
    const statePath = stateFile();
    const folder = join(statePath, '..');
    mkdirSync(folder);
    // A data store whose creation fell due while the emulator was down: the start has a change to save.
    const entry = { id: 'a'.repeat(32), arn: 'arn', status: 'CREATING', createdAt: 0, endpoint: 'e', settlesAt: 1, tags: [], request: { DatastoreTypeVersion: 'R4' } };
    writeFileSync(statePath, JSON.stringify({ version: 1, datastores: [entry] }), { mode: 0o644 });
    chmodSync(folder, 0o555);
    const command = [BIN, 'emulator', '--port', '0', '--state', statePath];
    // Root may write anywhere: run as nobody then.
    const [file, args] = process.getuid?.() === 0 ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...command]] : [process.execPath, command];
    const result = spawnSync(file, args, { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, HEALTHLAKE_WIZARD_CACHE_DIR: join(folder, '..', 'cache') } });
    chmodSync(folder, 0o755);
    expect(result.stderr).toContain(`healthlake-wizard emulator: Cannot write the state file ${statePath} (EACCES)`);
    expect(result.stderr).toContain('Fix: Make its folder writable by you, or pass another --state file.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(253);
  });
});
