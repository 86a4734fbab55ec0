/** `create --export`, `--export-file` and `--expires-in` as the built binary runs them: nothing asked, nothing sent. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { renderExport } from '../../src/request/render-export.js';
import { emptyHome, runBinary } from './built-binary.js';

let home: ReturnType<typeof emptyHome>;
beforeEach(() => {
  home = emptyHome();
});
afterEach(() => home.remove());

const REQUEST = ['--datastore-type-version', 'R4', '--datastore-name', 'exported', '--tags', 'Key=team,Value=data'];

describe('create --export', () => {
  it('prints the format on stdout, with the target given, and sends nothing (no credentials needed)', async () => {
    const result = await runBinary(['create', ...REQUEST, '--export', 'terraform', '--region', 'eu-west-1'], home.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderExport('terraform', { DatastoreName: 'exported', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }] }, { region: 'eu-west-1' }));
  });

  it('--export-file writes a new file and never overwrites one: the next free name, said on stderr', async () => {
    const path = join(home.home, 'datastore.cfn.yaml');
    const first = await runBinary(['create', ...REQUEST, '--export', 'cloudformation', '--export-file', path], home.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(`healthlake-wizard: wrote the CloudFormation export to ${path}.\n`);
    expect(parseYaml(readFileSync(path, 'utf8')).Resources.FHIRDatastore.Properties.DatastoreName).toBe('exported');

    writeFileSync(path, 'mine\n');
    const second = await runBinary(['create', ...REQUEST, '--export', 'cloudformation', '--export-file', path], home.env);
    expect(second.code).toBe(0);
    const renamed = join(home.home, 'datastore-2.cfn.yaml');
    expect(second.stderr).toBe(`healthlake-wizard: ${path} exists and was left as it is; wrote the CloudFormation export to ${renamed} instead.\n`);
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
    expect(readFileSync(renamed, 'utf8')).toContain('AWS::HealthLake::FHIRDatastore');
  });

  it('refuses an invalid request, an unknown format and --export-file alone (exit 252), writing nothing', async () => {
    const invalid = await runBinary(['create', '--datastore-name', 'x', '--export', 'json'], home.env);
    expect(invalid.code).toBe(252);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('--datastore-type-version');
    const unknown = await runBinary(['create', ...REQUEST, '--export', 'pulumi'], home.env);
    expect(unknown.code).toBe(252);
    expect(unknown.stderr).toContain('--export must be one of json, yaml, aws-bash, aws-powershell, aws-cmd, cloudformation, terraform, cdk.');
    const alone = await runBinary(['create', ...REQUEST, '--export-file', join(home.home, 'x.json')], home.env);
    expect(alone.code).toBe(252);
    expect(alone.stderr).toContain('--export-file needs --export FORMAT');
  });
});

describe('create --expires-in', () => {
  it('adds the expiry tag: now plus the duration, in UTC to the second', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const result = await runBinary(['create', ...REQUEST, '--expires-in', '1d12h', '--export', 'json'], home.env);
    const after = Date.now();
    expect(result.code).toBe(0);
    const tags = (JSON.parse(result.stdout) as { Tags: { Key: string; Value: string }[] }).Tags;
    expect(tags[0]).toEqual({ Key: 'team', Value: 'data' });
    expect(tags[1]!.Key).toBe(EXPIRY_TAG_KEY);
    expect(tags[1]!.Value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const expiresAt = Date.parse(tags[1]!.Value);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 36 * 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 36 * 3_600_000);
  });

  it('a bad duration: exit 252 naming the flag, the rule and the fix', async () => {
    for (const bad of ['4', '4 hours', '0h', '400d']) {
      const result = await runBinary(['create', ...REQUEST, '--expires-in', bad, '--export', 'json'], home.env);
      expect(result.code, bad).toBe(252);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--expires-in must be a duration: a whole number followed by m (minutes), h (hours), d (days) or w (weeks)');
      expect(result.stderr).toContain('Fix: Use for example --expires-in 4h');
    }
  });
});
