/** `create --no-interactive` as a child process of the built binary, on the sandbox (no AWS configuration). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';

let home: ReturnType<typeof emptyHome>;
beforeEach(() => {
  home = emptyHome();
});
afterEach(() => home.remove());

describe('create (non-interactive)', () => {
  it('--sandbox --wait reaches ACTIVE with no AWS configuration at all (exit 0)', async () => {
    const result = await runBinary(
      ['create', '--no-interactive', '--sandbox', '--wait', '--datastore-type-version', 'R4', '--datastore-name', 'sbx'],
      { ...home.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300' },
    );
    expect(result.stderr).toMatch(/ACTIVE/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ DatastoreStatus: 'CREATING', DatastoreId: expect.stringMatching(/^[a-f0-9]{32}$/) });
  });

  it('prints as --output table / text / yaml and applies --query', async () => {
    const base = ['create', '--no-interactive', '--sandbox', '--datastore-type-version', 'R4'];
    const env = { ...home.env, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '100' };
    const table = await runBinary([...base, '--output', 'table'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\|\s+CreateFHIRDatastore\s+\|/);
    const text = await runBinary([...base, '--output', 'text', '--query', '[DatastoreStatus, DatastoreEndpoint]'], env);
    expect(text.stdout).toMatch(/^CREATING\thttps:\/\/healthlake\.us-east-1\.amazonaws\.com\/datastore\/[a-f0-9]{32}\/r4\/\n$/);
    const yaml = await runBinary([...base, '--output', 'yaml'], env);
    expect(parseYaml(yaml.stdout)).toMatchObject({ DatastoreStatus: 'CREATING' });
  });

  it('an unreachable endpoint: exit 255 naming it', async () => {
    const result = await runBinary(
      ['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', 'http://127.0.0.1:1', '--region', 'us-east-1', '--cli-connect-timeout', '1'],
      { ...home.env, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey },
    );
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('Could not connect to http://127.0.0.1:1');
  });
});
