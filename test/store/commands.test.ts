/**
 * `presets` and `history` as a person runs them: the built binary as a child process with a throwaway
 * HEALTHLAKE_WIZARD_CONFIG_DIR. Needs `npm run build` first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { CONFIG_DIR_ENV, openStore } from '../../src/store/index.js';
import { requireBuild, runBinary, type BinaryResult } from '../cli/built-binary.js';
import { historyEntry, tempDir } from './store-fixtures.js';

beforeAll(requireBuild);

let temp: ReturnType<typeof tempDir>;
let config: string;
beforeEach(() => {
  temp = tempDir();
  config = join(temp.dir, 'config');
});
afterEach(() => temp.remove());

const cli = (...args: string[]) => runBinary(args, { HOME: temp.dir, [CONFIG_DIR_ENV]: config });

/** A failure is a clear message with a fix, never a stack trace. */
function expectCleanFailure(result: BinaryResult, code: number, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toContain('Fix:');
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('presets command', () => {
  it('saves from create flags, lists, shows, renames, exports, imports and deletes', async () => {
    const saved = await cli('presets', 'save', 'dev', '--description', 'for trying things', '--datastore-type-version', 'R4', '--datastore-name', 'clinic-dev', '--tags', 'Key=team,Value=care', '--client-token', 'abc123', '--region', 'eu-west-1');
    expect(saved).toMatchObject({ code: 0, stdout: 'Saved preset dev.\n' });
    expect(saved.stderr).toContain('note: --region is not part of a preset; ignored.');
    expect(saved.stderr).toContain('--client-token is not kept');
    expect(readFileSync(join(config, 'presets.json'), 'utf8')).not.toContain('abc123');

    const listed = await cli('presets', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/\|\s+clinic-dev\s+\|\s+for trying things\s+\|\s+dev\s+\|/);
    const listedJson = JSON.parse((await cli('presets', 'list', '--output', 'json')).stdout);
    expect(listedJson).toMatchObject([{ name: 'dev', description: 'for trying things', clientTokenPolicy: 'generate', request: { DatastoreName: 'clinic-dev', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'care' }] } }]);

    const shown = await cli('presets', 'show', 'dev', '--output', 'json');
    expect(JSON.parse(shown.stdout)).toEqual(listedJson[0]);
    expect((await cli('presets', 'show', 'dev')).stdout).toMatch(/Preset[\s\S]*DatastoreName[\s\S]*clinic-dev/);
    // A long description still fits 80 columns, wrapped in its cell.
    const description = 'the preset the clinic team uses for its staging data stores, with the tags cost allocation needs';
    await cli('presets', 'save', 'wide', '--description', description, '--datastore-type-version', 'R4', '--datastore-name', 'clinic-dev');
    const wide = (await cli('presets', 'show', 'wide')).stdout;
    for (const line of wide.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const cells = wide.split('\n').filter((line) => /^\| {2}(description\s*|\s{11,})\|/.test(line)).map((line) => line.split('|')[2]!.trim());
    expect(cells.join(' ')).toBe(description);
    await cli('presets', 'delete', 'wide');

    expect((await cli('presets', 'rename', 'dev', 'staging')).stdout).toBe('Renamed preset dev to staging.\n');

    const exported = await cli('presets', 'export', 'staging');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ DatastoreName: 'clinic-dev', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'care' }] });
    // The same document works as create's --cli-input-json.
    const file = join(temp.dir, 'staging.json');
    expect((await cli('presets', 'export', 'staging', '--file', file)).stderr).toContain(`--cli-input-json file://${file}`);
    expect(parseCreateArgs(['--cli-input-json', `file://${file}`]).request).toEqual(JSON.parse(exported.stdout));

    const duplicate = await cli('presets', 'import', file);
    expectCleanFailure(duplicate, 252, /A preset named "staging" exists already/);
    // No --name was given: the name came from the file, and the message says so.
    expect(duplicate.stderr).toMatch(/^healthlake-wizard: preset name \(from the file name\): /m);
    expect(duplicate.stderr).toContain('give it another name with --name NAME');
    expect((await cli('presets', 'import', file, '--name', 'copy')).stdout).toBe(`Imported ${file} as preset copy.\n`);
    expect((await cli('presets', 'import', file, '--force', '--description', 'replaced')).code).toBe(0);

    const yamlFile = join(temp.dir, 'from-yaml.yaml');
    writeFileSync(yamlFile, 'DatastoreTypeVersion: R4\nDatastoreName: from-yaml\nClientToken: ""\n');
    const yamlImport = await cli('presets', 'import', yamlFile);
    expect(yamlImport).toMatchObject({ code: 0, stdout: `Imported ${yamlFile} as preset from-yaml.\n` });
    expect(yamlImport.stderr).toContain('ClientToken in the file is not kept');

    expect(JSON.parse((await cli('presets', 'list', '--output', 'json')).stdout).map((preset: { name: string }) => preset.name)).toEqual(['copy', 'from-yaml', 'staging']);
    expect((await cli('presets', 'delete', 'copy')).stdout).toBe('Deleted preset copy.\n');
    expectCleanFailure(await cli('presets', 'delete', 'copy'), 252, /There is no preset named "copy"/);
  });

  it('refuses bad input with exit 252 and a fix', async () => {
    expectCleanFailure(await cli('presets', 'save', 'my preset', '--datastore-type-version', 'R4'), 252, /preset name: The preset name contains " "/);
    expectCleanFailure(await cli('presets', 'save', 'dev', '--datastore-type-version', 'R5'), 252, /--datastore-type-version \(DatastoreTypeVersion\)/);
    expectCleanFailure(await cli('presets', 'save', 'dev'), 252, /DatastoreTypeVersion/);
    expectCleanFailure(await cli('presets', 'save', '--datastore-type-version', 'R4'), 252, /needs the preset name first/);
    expectCleanFailure(await cli('presets', 'save', 'dev', '--bogus'), 252, /Unknown flag --bogus/);
    expectCleanFailure(await cli('presets', 'show', 'nope'), 252, /no preset named "nope"/);
    expectCleanFailure(await cli('presets', 'list', '--output', 'yaml'), 252, /--output must be table or json/);
    expectCleanFailure(await cli('presets', 'rename', 'only-one'), 252, /Expected OLD NEW/);
    expectCleanFailure(await cli('presets', 'import', join(temp.dir, 'missing.json')), 252, /Cannot read .*missing\.json \(ENOENT\)/);
    const badFile = join(temp.dir, 'bad.json');
    writeFileSync(badFile, '{"DatastoreTypeVersion": "R4", "Extra": 1}');
    expectCleanFailure(await cli('presets', 'import', badFile), 252, /no parameter Extra/);
    const unnamed = join(temp.dir, 'has space.json');
    writeFileSync(unnamed, '{"DatastoreTypeVersion": "R4"}');
    expectCleanFailure(await cli('presets', 'import', unnamed), 252, /Give a name with --name/);

    const unknown = await cli('presets', 'lst');
    expect(unknown.code).toBe(252);
    expect(unknown.stderr).toContain('Unknown presets command "lst". Did you mean list?');
    expect((await cli('presets', '--help')).stdout).toContain('Usage: healthlake-wizard presets');
  });

  it('prints the notice about a damaged file once and goes on', async () => {
    await cli('presets', 'save', 'dev', '--datastore-type-version', 'R4');
    writeFileSync(join(config, 'presets.json'), '{"schemaVersion":1,"pres');
    const listed = await cli('presets', 'list', '--output', 'json');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('[]\n');
    expect(listed.stderr).toMatch(/^healthlake-wizard: presets\.json was unreadable \(it is not valid JSON \(truncated or damaged\)\); moved to .*presets\.corrupt-.*\.json; starting with no presets\.\n$/);
    expect((await cli('presets', 'list')).stderr).not.toContain('unreadable');
  });

  it('reports an unusable config directory as exit 253', async () => {
    writeFileSync(join(temp.dir, 'a-file'), '');
    const result = await runBinary(['presets', 'list'], { HOME: temp.dir, [CONFIG_DIR_ENV]: join(temp.dir, 'a-file', 'config') });
    expectCleanFailure(result, 253, /the local store cannot be used/);
  });
});

describe('history command', () => {
  it('says there is nothing yet, exit 0', async () => {
    const result = await cli('history');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('No data stores yet. Create one with: healthlake-wizard create\n');
    expect((await cli('history', '--output', 'json')).stdout).toBe('[]\n');
  });

  it('lists newest first as a table, text or JSON, filtered by sandbox', async () => {
    const store = openStore({ configDir: config });
    store.history.add(historyEntry('a'.repeat(32), '2026-01-01T00:00:00.000Z', { lastStatus: 'ACTIVE' }));
    store.history.add(historyEntry('b'.repeat(32), '2026-01-03T00:00:00.000Z', { sandbox: true, region: 'us-west-2' }));
    store.history.add(historyEntry('c'.repeat(32), '2026-01-02T00:00:00.000Z', { lastStatus: 'CREATE_FAILED' }));

    const table = await cli('history');
    expect(table.code).toBe(0);
    // Six columns do not fit 80: each data store becomes key/value rows, as the AWS CLI turns a one-row table.
    for (const line of table.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(table.stdout.match(/([abc])\1{31}/g)!.map((id) => id[0])).toEqual(['b', 'c', 'a']);
    const first = table.stdout.split(/\n(?=\|\s+History\s+\|)/)[1]!;
    expect(first).toMatch(/\|\s+DatastoreId\s+\|\s+b{32}\s+\|/);
    expect(first).toMatch(/\|\s+Region\s+\|\s+us-west-2\s+\|[\s\S]*\|\s+Sandbox\s+\|\s+True\s+\|[\s\S]*\|\s+Status\s+\|\s+CREATING\s+\|/);

    const text = await cli('history', '--output', 'text');
    expect(text.stdout.split('\n')[1]).toBe(`2026-01-02T00:00:00.000Z\t${'c'.repeat(32)}\tstore-cccccc\tus-east-1\tFalse\tCREATE_FAILED`);

    const json = JSON.parse((await cli('history', '--output', 'json', '--no-sandbox')).stdout);
    expect(json.map((entry: { datastoreId: string }) => entry.datastoreId[0])).toEqual(['c', 'a']);
    expect(json[0]).toEqual(historyEntry('c'.repeat(32), '2026-01-02T00:00:00.000Z', { lastStatus: 'CREATE_FAILED' }));

    const sandboxOnly = JSON.parse((await cli('history', '--output', 'json', '--sandbox-only')).stdout);
    expect(sandboxOnly.map((entry: { datastoreId: string }) => entry.datastoreId[0])).toEqual(['b']);
  });

  it('fits a long name into 80 columns, wrapped between words', async () => {
    const store = openStore({ configDir: config });
    const name = 'a data store with a long name that explains exactly what the clinic keeps in it, for whom and why';
    store.history.add(historyEntry('d'.repeat(32), '2026-01-01T00:00:00.000Z', { datastoreName: name }));
    const table = await cli('history');
    for (const line of table.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const nameCells = table.stdout.split('\n').filter((line) => /^\| {2}(Name\s*|\s{6,})\|/.test(line)).map((line) => line.split('|')[2]!.trim());
    expect(nameCells.join(' ')).toBe(name);
  });

  it('refuses bad flags with exit 252', async () => {
    expectCleanFailure(await cli('history', '--output', 'xml'), 252, /--output must be one of table, json, text/);
    expectCleanFailure(await cli('history', '--sandbox-only', '--no-sandbox'), 252, /exclude each other/);
    expectCleanFailure(await cli('history', '--bogus'), 252, /--bogus: Unknown flag --bogus\./);
  });
});

describe('flag syntax of history, presets and status', () => {
  it.each([
    [['history', '--outptu', 'json'], /--outptu: Unknown flag --outptu\. Did you mean --output\?\n {2}Fix: Run healthlake-wizard history --help for the list of flags\./],
    [['history', '--output'], /--output: --output needs a value\.\n {2}Fix: Give one after it \(--output VALUE\)/],
    [['history', 'stray'], /history: takes no arguments\. Got "stray"\.\n {2}Fix: Remove it/],
    [['presets', 'list', '--outptu=json'], /--outptu: Unknown flag --outptu\. Did you mean --output\?\n {2}Fix: Run healthlake-wizard presets list --help/],
    [['presets', 'list', 'stray'], /presets list: Expected no arguments, got "stray"\.\n {2}Fix: Usage: healthlake-wizard presets list\n/],
    [['presets', 'delete', '--force=yes', 'x'], /--force: Unknown flag --force\./],
    [['status', '--wait=yes'], /--wait: --wait takes no value\.\n {2}Fix: Write --wait alone\./],
    [['status', '--endpoint-ulr', 'http://127.0.0.1:1'], /Did you mean --endpoint-url\?/],
    [['status', '--cli-read-timeout', '-3'], /--cli-read-timeout: --cli-read-timeout needs a value\.\n {2}Fix: .*--cli-read-timeout=-VALUE/],
    [['status', '--output', 'xml'], /--output: --output must be one of json, yaml, yaml-stream, text, table\..* Got "xml"\.\n {2}Fix: /],
    [['status', 'a', 'b'], /status: takes at most one DATASTORE_ID\. Got "a b"\./],
  ])('%j: names the flag, the rule and the fix (252), never Node\'s wording', async (args, message) => {
    const result = await cli(...args);
    expectCleanFailure(result, 252, message);
    expect(result.stderr).not.toMatch(/positional argument|argument missing|Unknown option/);
  });

  it('history and presets accept the AWS CLI globals --debug and --no-cli-pager, and `presets COMMAND --help`', async () => {
    expect((await cli('history', '--debug', '--no-cli-pager', '--output', 'json')).code).toBe(0);
    expect((await cli('presets', 'list', '--debug', '--no-cli-pager')).code).toBe(0);
    for (const command of ['list', 'show', 'save']) {
      const help = await cli('presets', command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: healthlake-wizard presets <command>');
    }
  });
});
