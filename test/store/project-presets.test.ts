/**
 * The project folder `.healthlake-wizard/`: found from a nested working directory, its presets shown with their
 * origin, a project preset winning a name clash (and saying so), `presets save --project` writing a pretty,
 * stable document, and `--preset` using it. The built binary in real folders; needs `npm run build` first.
 */
import { chownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findProjectFolder, openStoreWithProject } from '../../src/store/index.js';
import { StoreError } from '../../src/store/store-error.js';
import { requireBuild, runBinary } from '../cli/built-binary.js';
import { tempDir } from './store-fixtures.js';

let temp: ReturnType<typeof tempDir>;
let repo: string;
let nested: string;
beforeEach(() => {
  temp = tempDir('hlw-project-');
  repo = join(temp.dir, 'repo');
  nested = join(repo, 'services', 'api', 'src');
  mkdirSync(nested, { recursive: true });
});
afterEach(() => temp.remove());

const env = () => ({ HOME: temp.dir, HEALTHLAKE_WIZARD_CONFIG_DIR: join(temp.dir, 'config') });

function projectPreset(name: string, text: string): string {
  const folder = join(repo, '.healthlake-wizard', 'presets');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), text);
  return join(folder, name);
}

describe('finding the project folder', () => {
  it('is found from a nested folder, as git finds .git, and not above the file-system root', () => {
    expect(findProjectFolder(nested, {})).toBeUndefined();
    mkdirSync(join(repo, '.healthlake-wizard'));
    expect(findProjectFolder(nested, {})).toEqual({ path: join(repo, '.healthlake-wizard'), cwd: nested });
    // The nearest wins: a service of its own has its own folder.
    mkdirSync(join(repo, 'services', 'api', '.healthlake-wizard'));
    expect(findProjectFolder(nested, {})?.path).toBe(join(repo, 'services', 'api', '.healthlake-wizard'));
  });

  it('refuses a folder that is a link or a file, never passing over it silently', () => {
    mkdirSync(join(temp.dir, 'elsewhere'));
    symlinkSync(join(temp.dir, 'elsewhere'), join(repo, '.healthlake-wizard'));
    expect(() => findProjectFolder(nested, {})).toThrow(/project folder is a symbolic link/);
    const other = join(temp.dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, '.healthlake-wizard'), 'not a folder');
    expect(() => findProjectFolder(other, {})).toThrow(/is not a directory/);
  });

  // Giving a folder to another user takes root; as anyone else the check cannot be set up (chown is refused).
  const isRoot = process.getuid?.() === 0;
  it.skipIf(!isRoot)('refuses a folder of another user (uid 65534, nobody), and its fixes work (needs root to chown)', () => {
    const folder = join(repo, '.healthlake-wizard');
    mkdirSync(folder);
    chownSync(folder, 65534, 65534);
    let refused: unknown;
    try {
      findProjectFolder(nested, {});
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).message).toBe(`${folder}: the project folder belongs to another user (uid 65534); its policy and presets are not trusted, as git does not trust a repository of another user.`);
    expect((refused as StoreError).fix).toContain(`name it outright (HEALTHLAKE_WIZARD_PROJECT_DIR=${folder}) or take ownership of it`);
    // Either fix works: the folder named outright, or taken over by the one who runs the tool.
    expect(findProjectFolder(nested, { HEALTHLAKE_WIZARD_PROJECT_DIR: folder })?.path).toBe(folder);
    chownSync(folder, process.getuid!(), process.getgid!());
    expect(findProjectFolder(nested, {})?.path).toBe(folder);
  });

  it('takes HEALTHLAKE_WIZARD_PROJECT_DIR as the folder outright', () => {
    const named = join(temp.dir, 'team-config');
    mkdirSync(named);
    expect(findProjectFolder(nested, { HEALTHLAKE_WIZARD_PROJECT_DIR: named })?.path).toBe(named);
  });

  it('reads a preset file only as a regular file, and reports a broken one by its file', () => {
    const target = projectPreset('real.json', '{"DatastoreTypeVersion": "R4"}\n');
    symlinkSync(target, join(repo, '.healthlake-wizard', 'presets', 'linked.json'));
    projectPreset('bad.yaml', 'DatastoreTypeVersion: R5\n');
    const store = openStoreWithProject({ configDir: join(temp.dir, 'config'), cwd: nested });
    expect(store.presets.list().map((preset) => preset.name)).toEqual(['real']);
    const notices = store.notices().join('\n');
    expect(notices).toMatch(/project preset "linked" cannot be used: .*linked\.json.*symbolic link/);
    expect(notices).toMatch(/project preset "bad" cannot be used: .*--datastore-type-version/);
    expect(() => store.presets.get('bad')).toThrow(/R4/);
  });
});

describe('project presets in the commands', () => {
  beforeAll(requireBuild);
  const cli = (...args: string[]) => runBinary(args, env(), { cwd: nested });

  it('lists and shows both origins; a project preset wins a name clash and says so', async () => {
    projectPreset('clinic.json', '{\n    "DatastoreName": "clinic-team",\n    "DatastoreTypeVersion": "R4"\n}\n');
    projectPreset('ci.yaml', 'DatastoreTypeVersion: R4\nDatastoreName: ci-run\n');
    expect((await cli('presets', 'save', 'clinic', '--datastore-type-version', 'R4', '--datastore-name', 'clinic-mine')).stderr).toContain(
      'note: the project preset ../../../.healthlake-wizard/presets/clinic.json has this name too, and wins',
    );
    await cli('presets', 'save', 'mine', '--datastore-type-version', 'R4', '--datastore-name', 'my-own', '--description', 'just me');

    const listed = JSON.parse((await cli('presets', 'list', '--output', 'json')).stdout) as Array<Record<string, unknown>>;
    expect(listed.map((row) => [row.name, row.origin, row.file ?? row.hiddenBy ?? ''])).toEqual([
      ['ci', 'project', '../../../.healthlake-wizard/presets/ci.yaml'],
      ['clinic', 'project', '../../../.healthlake-wizard/presets/clinic.json'],
      ['clinic', 'personal', '../../../.healthlake-wizard/presets/clinic.json'],
      ['mine', 'personal', ''],
    ]);
    const table = await cli('presets', 'list');
    expect(table.stdout).toMatch(/\|\s+clinic-team\s+\|\s+\|\s+clinic\s+\|\s+project\s+\|/);
    expect(table.stdout).toMatch(/\|\s+clinic-mine\s+\|\s+\|\s+clinic\s+\|\s+personal, hidden\s+\|/);
    expect(table.stderr).toContain('note: the project preset ../../../.healthlake-wizard/presets/clinic.json wins over your personal preset "clinic"');
    expect((await cli('presets', 'show', 'clinic')).stdout.replace(/[|\s]+/g, ' ')).toContain('origin project, wins over your personal preset of this name');

    const shown = JSON.parse((await cli('presets', 'show', 'clinic', '--output', 'json')).stdout);
    expect(shown).toMatchObject({ origin: 'project', hidesPersonal: true, request: { DatastoreName: 'clinic-team' } });

    // --preset uses the project's, and says that it hides yours.
    const dryRun = await cli('create', '--no-interactive', '--dry-run', '--preset', 'clinic', '--output', 'json');
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ DatastoreName: 'clinic-team' });
    expect(dryRun.stderr).toContain('--preset clinic is the project preset ../../../.healthlake-wizard/presets/clinic.json; it wins over your personal preset of the same name.');
    expect(JSON.parse((await cli('create', '--no-interactive', '--dry-run', '--preset', 'ci', '--output', 'json')).stdout)).toMatchObject({ DatastoreName: 'ci-run' });

    // A project preset is changed in the repository, not by the commands that change yours.
    const refused = await cli('presets', 'delete', 'ci');
    expect(refused.code).toBe(252);
    expect(refused.stderr).toContain('"ci" is a project preset');
    const deleted = await cli('presets', 'delete', 'clinic');
    expect(deleted.stdout).toBe('Deleted preset clinic.\n');
    expect(deleted.stderr).toContain('the project preset ../../../.healthlake-wizard/presets/clinic.json of the same name stays');

    // Shell completion offers both.
    expect((await cli('completion', 'presets')).stdout).toBe('ci\nclinic\nmine\n');
  });

  it('presets show gives a project preset no times (its file holds none), and your own preset its times', async () => {
    projectPreset('clinic.json', '{\n    "DatastoreName": "clinic-team",\n    "DatastoreTypeVersion": "R4"\n}\n');
    await cli('presets', 'save', 'mine', '--datastore-type-version', 'R4', '--datastore-name', 'my-own');
    const project = JSON.parse((await cli('presets', 'show', 'clinic', '--output', 'json')).stdout) as Record<string, unknown>;
    expect(project).toMatchObject({ origin: 'project', file: '../../../.healthlake-wizard/presets/clinic.json' });
    expect(Object.keys(project).filter((key) => /At$/.test(key))).toEqual([]);
    expect((await cli('presets', 'show', 'clinic')).stdout).not.toMatch(/createdAt|updatedAt/);
    const listed = JSON.parse((await cli('presets', 'list', '--output', 'json')).stdout) as Array<Record<string, unknown>>;
    expect(listed.find((row) => row.name === 'clinic')).not.toHaveProperty('updatedAt');
    // Yours keeps the times it was saved at.
    const mine = JSON.parse((await cli('presets', 'show', 'mine', '--output', 'json')).stdout) as Record<string, unknown>;
    expect(mine).toMatchObject({ origin: 'personal', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), updatedAt: expect.stringMatching(/^\d{4}-/) });
    expect((await cli('presets', 'show', 'mine')).stdout).toMatch(/createdAt/);
  });

  it('presets save --project writes a pretty document in the model order, valid as --cli-input-json', async () => {
    mkdirSync(join(repo, '.healthlake-wizard'));
    const saved = await cli('presets', 'save', 'team-r4', '--project', '--description', 'ignored', '--tags', 'Key=owner,Value=care', '--datastore-name', 'team', '--datastore-type-version', 'R4', '--client-token', 'abc');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe('Saved project preset team-r4 in ../../../.healthlake-wizard/presets/team-r4.json.\n');
    expect(saved.stderr).toContain('--description is not kept in a project preset');
    const file = join(repo, '.healthlake-wizard', 'presets', 'team-r4.json');
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n    "DatastoreName": "team",\n    "DatastoreTypeVersion": "R4",\n    "Tags": [\n        {\n            "Key": "owner",\n            "Value": "care"\n        }\n    ]\n}\n',
    );
    // The same document `presets export` prints, and create reads it as --cli-input-json.
    expect((await cli('presets', 'export', 'team-r4')).stdout).toBe(readFileSync(file, 'utf8'));
    const fromFile = await cli('create', '--no-interactive', '--dry-run', '--cli-input-json', `file://${file}`, '--output', 'json');
    expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    // Saved again with the same answers: not a byte changes (no timestamps, a stable order).
    expect((await cli('presets', 'save', 'team-r4', '--project', '--datastore-type-version', 'R4', '--datastore-name', 'team', '--tags', 'Key=owner,Value=care')).stdout).toContain('Updated project preset team-r4');
    expect(readFileSync(file, 'utf8')).toContain('"DatastoreName": "team"');
  });

  it('presets save --project creates the folder where none is found, and replaces a YAML preset as YAML', async () => {
    const saved = await runBinary(['presets', 'save', 'first', '--project', '--datastore-type-version', 'R4'], env(), { cwd: repo });
    expect(saved.stderr).toContain('no .healthlake-wizard/ folder was found from here upward; created');
    expect(readFileSync(join(repo, '.healthlake-wizard', 'presets', 'first.json'), 'utf8')).toBe('{\n    "DatastoreTypeVersion": "R4"\n}\n');
    const yamlFile = projectPreset('ci.yaml', 'DatastoreTypeVersion: R4\n');
    await cli('presets', 'save', 'ci', '--project', '--datastore-name', 'ci', '--datastore-type-version', 'R4');
    expect(readFileSync(yamlFile, 'utf8')).toBe('DatastoreName: ci\nDatastoreTypeVersion: R4\n');
  });
});
