/** The sandbox's state file (`sandbox-state.json` in the config dir) as the built binary meets it. */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyHome, runBinary } from '../cli/built-binary.js';

let home: ReturnType<typeof emptyHome>;
beforeEach(() => {
  home = emptyHome();
  mkdirSync(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, { recursive: true });
});
afterEach(() => home.remove());

const create = ['create', '--no-interactive', '--sandbox', '--no-wait', '--datastore-type-version', 'R4'];

describe('the sandbox state file', () => {
  it('a link is refused (exit 253, what and how to fix) and the file it points to is left alone', async () => {
    const victim = join(home.home, 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    const statePath = join(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, 'sandbox-state.json');
    symlinkSync(victim, statePath);
    const result = await runBinary(create, home.env);
    expect(result.code).toBe(253);
    expect(result.stderr).toContain(`healthlake-wizard: The state file ${statePath} is a symbolic link; the emulator never reads or writes through a link.`);
    expect(result.stderr).toContain(`Fix: Move ${statePath} away (the sandbox then starts with no data stores), or replace it with a regular file.`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
  });

  it('a malformed entry is reported and left out; the creation goes on', async () => {
    const statePath = join(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, 'sandbox-state.json');
    writeFileSync(statePath, JSON.stringify({ version: 1, datastores: [{ id: 'x'.repeat(40) }] }));
    const result = await runBinary(create, home.env);
    expect(result.stderr).toContain(
      `healthlake-wizard: sandbox: The state file ${statePath}, entry 0 (id "${'x'.repeat(40)}"): id must be a string of 1 to 32 characters; got "${'x'.repeat(40)}".`,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ DatastoreStatus: 'CREATING' });
  });

  it('concurrent sandbox runs lose no data store: every id is in the state file, and `status ID` finds it', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, (_, index) => runBinary([...create, '--datastore-name', `run-${index}`], home.env, { timeoutMs: 60_000 })));
    expect(runs.map((run) => run.code)).toEqual(Array(6).fill(0));
    const ids = runs.map((run) => (JSON.parse(run.stdout) as { DatastoreId: string }).DatastoreId);
    const statePath = join(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, 'sandbox-state.json');
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { datastores: { id: string }[] };
    expect(saved.datastores.map((datastore) => datastore.id).sort()).toEqual([...ids].sort());
    const status = await runBinary(['status', ids[0]!, '--sandbox', '--query', 'DatastoreProperties.DatastoreName'], home.env);
    expect(status.stdout).toBe('"run-0"\n');
    expect(status.code).toBe(0);
  }, 90_000);
});
