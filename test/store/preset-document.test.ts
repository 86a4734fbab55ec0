/** Export and import of presets: the export is a request (valid --cli-input-json); imports are checked like input. */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { startEmulator, SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { parseCreateArgs } from '../../src/request/argv.js';
import { InputError } from '../../src/request/issues.js';
import { validateRequest } from '../../src/request/validate.js';
import { openStore, type LocalStore } from '../../src/store/index.js';
import { readImportedRequest, renderPresetExport } from '../../src/store/preset-document.js';
import { tempDir, VALID_ANSWERS } from './store-fixtures.js';

const FULL_ANSWERS = {
  ...VALID_ANSWERS,
  'PreloadDataConfig.PreloadDataType': 'SYNTHEA',
  Tags: [{ Key: 'team', Value: 'care' }, { Key: 'env', Value: 'dev' }],
};

let temp: ReturnType<typeof tempDir>;
let store: LocalStore;
beforeEach(() => {
  temp = tempDir();
  store = openStore({ configDir: temp.dir });
});
afterEach(() => temp.remove());

function issuesOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((issue) => `${issue.rule} ${issue.field}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('export', () => {
  it('is the request alone: no name, description, timestamps or ClientToken', () => {
    const preset = store.presets.save('dev', { ...FULL_ANSWERS, ClientToken: 'x' }, 'described');
    const exported = JSON.parse(renderPresetExport(preset)) as Record<string, unknown>;
    expect(Object.keys(exported).sort()).toEqual(['DatastoreName', 'DatastoreTypeVersion', 'PreloadDataConfig', 'SseConfiguration', 'Tags']);
    expect(validateRequest(exported)).toEqual([]);
  });

  it('is accepted by create --cli-input-json and yields the same request', () => {
    const preset = store.presets.save('dev', FULL_ANSWERS);
    const file = join(temp.dir, 'dev.json');
    writeFileSync(file, renderPresetExport(preset));
    const parsed = parseCreateArgs(['--cli-input-json', `file://${file}`]);
    expect(parsed.request).toEqual(JSON.parse(renderPresetExport(preset)));
  });

  const awsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  it.skipIf(awsCli.status !== 0)('is accepted by aws healthlake create-fhir-datastore --cli-input-json (skipped without `aws`)', async () => {
    const emulator = await startEmulator({ port: 0, createDelayMs: 0 });
    try {
      const file = join(temp.dir, 'dev.json');
      writeFileSync(file, renderPresetExport(store.presets.save('dev', FULL_ANSWERS)));
      const env = {
        PATH: process.env.PATH,
        HOME: temp.dir,
        AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
        AWS_DEFAULT_REGION: emulator.region,
        AWS_CONFIG_FILE: join(temp.dir, 'aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(temp.dir, 'aws-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      };
      // Asynchronous: the emulator answers from this process.
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn('aws', ['healthlake', 'create-fhir-datastore', '--cli-input-json', `file://${file}`, '--endpoint-url', emulator.url, '--output', 'json'], { env });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ DatastoreStatus: expect.any(String), DatastoreId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    } finally {
      await emulator.stop();
    }
  }, 40_000);
});

describe('import', () => {
  it('round-trips an export through JSON and through YAML', () => {
    const preset = store.presets.save('dev', FULL_ANSWERS);
    const json = renderPresetExport(preset);
    expect(readImportedRequest(json, 'dev.json')).toEqual({ answers: preset.answers, droppedClientToken: false });
    const yaml = toYaml(JSON.parse(json));
    expect(readImportedRequest(yaml, 'dev.yaml')).toEqual({ answers: preset.answers, droppedClientToken: false });
    // A YAML file with another extension is recognised once it is not JSON.
    expect(readImportedRequest(yaml, 'dev.txt').answers).toEqual(preset.answers);
  });

  it('drops a ClientToken, as in the AWS CLI skeleton', () => {
    const imported = readImportedRequest(JSON.stringify({ DatastoreTypeVersion: 'R4', ClientToken: '' }), 'x.json');
    expect(imported).toEqual({ answers: { DatastoreTypeVersion: 'R4' }, droppedClientToken: true });
  });

  it('refuses invalid content clearly, naming each problem', () => {
    expect(issuesOf(() => readImportedRequest('{"DatastoreTypeVersion": "R4",', 'x.json'))).toEqual(['json ']);
    expect(issuesOf(() => readImportedRequest('a: [b', 'x.yaml'))).toEqual(['syntax ']);
    expect(issuesOf(() => readImportedRequest('[1, 2]', 'x.json'))).toEqual(['type ']);
    expect(issuesOf(() => readImportedRequest('{"DatastoreTypeVersion": "R4", "Description": "mine", "DatastoreName": "bad#name"}', 'x.json')).sort()).toEqual([
      'pattern DatastoreName',
      'unknown Description',
    ]);
    expect(issuesOf(() => readImportedRequest('DatastoreName: only-a-name\n', 'x.yml'))).toEqual(['required DatastoreTypeVersion']);
  });
});
