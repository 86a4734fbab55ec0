import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCreateArgs, readCreateArgs } from '../../src/request/argv.js';
import { InputError, formatIssue } from '../../src/request/issues.js';
import { PARAM_FILE_LIMIT_BYTES } from '../../src/request/param-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hlw-argv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function issuesOf(argv: string[]) {
  try {
    parseCreateArgs(argv, parseYaml);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseCreateArgs: flags', () => {
  it('reads the acceptance command', () => {
    const parsed = parseCreateArgs(['--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', 'Pacientes ÄÖ 1', '--tags', 'Key=team,Value=data', 'Key=env,Value=']);
    expect(parsed.request).toEqual({ DatastoreTypeVersion: 'R4', DatastoreName: 'Pacientes ÄÖ 1', Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: '' }] });
    expect(parsed.given.sort()).toEqual(['DatastoreName', 'DatastoreTypeVersion', 'Tags']);
    expect(parsed.options).toEqual({ noInteractive: true, dryRun: true });
  });

  it('reads every global and own option', () => {
    const { options } = parseCreateArgs([
      '--region', 'eu-west-1', '--profile', 'p', '--endpoint-url', 'http://127.0.0.1:1', '--no-verify-ssl', '--ca-bundle', 'ca.pem',
      '--cli-read-timeout', '0', '--cli-connect-timeout', '15', '--output', 'yaml', '--query', 'DatastoreId', '--color', 'off',
      '--debug', '--no-sign-request', '--no-cli-pager', '--sandbox', '--preset', 'dev', '--save-preset', 'dev2', '--no-wait',
    ]);
    expect(options).toEqual({
      region: 'eu-west-1', profile: 'p', endpointUrl: 'http://127.0.0.1:1', noVerifySsl: true, caBundle: 'ca.pem', cliReadTimeout: 0,
      cliConnectTimeout: 15, output: 'yaml', query: 'DatastoreId', color: 'off', debug: true, noSignRequest: true, noCliPager: true,
      sandbox: true, preset: 'dev', savePreset: 'dev2', wait: false,
    });
    expect(parseCreateArgs(['--wait']).options.wait).toBe(true);
    // AWS CLI v2 habits: accepted, and the auto-prompt pair chooses the wizard or no prompting.
    expect(parseCreateArgs(['--no-paginate', '--cli-binary-format', 'raw-in-base64-out']).options).toEqual({ noPaginate: true, cliBinaryFormat: 'raw-in-base64-out' });
    expect(parseCreateArgs(['--no-cli-auto-prompt']).options.noInteractive).toBe(true);
    expect(parseCreateArgs(['--no-interactive', '--cli-auto-prompt']).options.noInteractive).toBe(false);
    expect(issuesOf(['--cli-binary-format', 'raw'])[0]!.message).toContain('base64, raw-in-base64-out');
    expect(parseCreateArgs(['--help']).options.help).toBe(true);
    expect(parseCreateArgs(['--version']).options.version).toBe(true);
  });

  it('takes an optional value after --generate-cli-skeleton', () => {
    expect(parseCreateArgs(['--generate-cli-skeleton']).options.generateCliSkeleton).toBe('input');
    expect(parseCreateArgs(['--generate-cli-skeleton', 'yaml-input']).options.generateCliSkeleton).toBe('yaml-input');
    expect(parseCreateArgs(['--generate-cli-skeleton', '--datastore-type-version', 'R4']).options.generateCliSkeleton).toBe('input');
    expect(parseCreateArgs(['--generate-cli-skeleton=output']).options.generateCliSkeleton).toBe('output');
    expect(issuesOf(['--generate-cli-skeleton', 'inptu'])[0]!.message).toContain('Did you mean input?');
  });

  it('continues a list flag over the following arguments, and only a list flag', () => {
    expect(parseCreateArgs(['--tags', 'Key=a,Value=1', 'Key=b,Value=2', 'Key=c,Value=3', '--datastore-type-version', 'R4']).request.Tags).toHaveLength(3);
    expect(issuesOf(['--datastore-name', 'a', 'b'])[0]!.message).toContain('Unexpected argument "b"');
    // --flag=value takes exactly one value, as argparse does.
    expect(issuesOf(['--tags=Key=a,Value=1', 'Key=b,Value=2'])[0]!.message).toContain('Unexpected argument');
  });

  it('keeps the last of a repeated flag, as argparse does', () => {
    expect(parseCreateArgs(['--datastore-name', 'a', '--datastore-name', 'b']).request.DatastoreName).toBe('b');
  });

  it('suggests the nearest flag for an unknown one, and reports all problems at once', () => {
    const issues = issuesOf(['--datastore-nme', 'x', '--datastore-typ', 'R4', '--tgas', 'Key=a,Value=b', '--output', 'csv']);
    expect(issues.map((i) => i.message)).toEqual([
      'Unknown flag --datastore-nme. Did you mean --datastore-name?',
      'Unknown flag --datastore-typ. Did you mean --datastore-type-version?',
      'Unknown flag --tgas. Did you mean --tags?',
      '--output must be one of json, yaml, yaml-stream, text, table.',
    ]);
    expect(issues.every((i) => i.fix.length > 0)).toBe(true);
  });

  it('rejects a missing value, a value for a switch, bad numbers and short flags', () => {
    expect(issuesOf(['--datastore-name'])[0]!.message).toBe('--datastore-name needs a value.');
    expect(issuesOf(['--datastore-name', '--dry-run'])[0]!.fix).toContain('--datastore-name=-VALUE');
    expect(parseCreateArgs(['--datastore-name=-dash']).request.DatastoreName).toBe('-dash');
    expect(issuesOf(['--dry-run=yes'])[0]!.message).toBe('--dry-run takes no value.');
    expect(issuesOf(['--cli-read-timeout', '1.5'])[0]!.flag).toBe('--cli-read-timeout');
    expect(issuesOf(['-x'])[0]!.message).toContain('Unknown flag -x');
  });

  it('names the flag and the position of a shorthand syntax error', () => {
    const [issue] = issuesOf(['--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY']);
    expect(issue).toMatchObject({ flag: '--sse-configuration', field: 'SseConfiguration', rule: 'syntax' });
    expect(issue!.message).toContain('^');
  });

  it('types shorthand booleans and leaves JSON as it is', () => {
    expect(parseCreateArgs(['--identity-provider-configuration', 'AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=True']).request.IdentityProviderConfiguration).toEqual({ AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true });
    expect(parseCreateArgs(['--identity-provider-configuration', '{"AuthorizationStrategy":"AWS_AUTH","FineGrainedAuthorizationEnabled":"true"}']).request.IdentityProviderConfiguration).toEqual({ AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: 'true' });
  });

  it('reports invalid JSON with the flag', () => {
    expect(issuesOf(['--tags', '[{"Key": }]'])[0]).toMatchObject({ flag: '--tags', rule: 'json' });
    expect(issuesOf(['--sse-configuration', '[1]'])[0]).toMatchObject({ flag: '--sse-configuration', rule: 'json' });
  });
});

describe('parseCreateArgs: file://', () => {
  it('loads a whole value from a file, verbatim for text values', () => {
    const name = file('name.txt', 'From a file');
    expect(parseCreateArgs(['--datastore-name', `file://${name}`]).request.DatastoreName).toBe('From a file');
    const tags = file('tags.json', '[{"Key":"a","Value":"b"}]');
    expect(parseCreateArgs(['--tags', `file://${tags}`]).request.Tags).toEqual([{ Key: 'a', Value: 'b' }]);
    const sse = file('sse.txt', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}');
    expect(parseCreateArgs(['--sse-configuration', `file://${sse}`]).request.SseConfiguration).toEqual({ KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } });
  });

  it('loads Metadata@=file:// inside shorthand', () => {
    const metadata = file('smart.json', '{"authorization_endpoint":"https://a.example"}\n');
    const { request } = parseCreateArgs(['--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,Metadata@=file://${metadata}`]);
    expect(request.IdentityProviderConfiguration).toEqual({ AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: '{"authorization_endpoint":"https://a.example"}\n' });
  });

  it('reports a missing file and fileb:// with the flag', () => {
    expect(issuesOf(['--datastore-name', `file://${join(dir, 'absent.txt')}`])[0]).toMatchObject({ flag: '--datastore-name', rule: 'file' });
    expect(issuesOf(['--datastore-name', 'fileb://x'])[0]!.fix).toContain('file://x');
  });

  it('says a directory is a directory, and reads what is not a regular file (a device, a pipe)', () => {
    expect(issuesOf(['--datastore-name', `file://${dir}`])[0]!.message).toBe(`${dir} is a directory, not a file.`);
    // /dev/null reads as empty: the value is then the empty string, refused by the name's length rule, not as a file.
    expect(parseCreateArgs(['--datastore-name', 'file:///dev/null']).request.DatastoreName).toBe('');
  });

  it(`loads a file of exactly the ${PARAM_FILE_LIMIT_BYTES / 1024} KiB limit and refuses one byte more, naming file, limit and fix`, () => {
    const atLimit = file('at-limit.txt', 'x'.repeat(PARAM_FILE_LIMIT_BYTES));
    expect(parseCreateArgs(['--datastore-name', `file://${atLimit}`]).request.DatastoreName).toHaveLength(PARAM_FILE_LIMIT_BYTES);
    const over = file('over.txt', 'x'.repeat(PARAM_FILE_LIMIT_BYTES + 1));
    const [issue] = issuesOf(['--datastore-name', `file://${over}`]);
    expect(issue).toMatchObject({ flag: '--datastore-name', rule: 'file', message: `The file ${over} is 513 KiB; file:// values are limited to 512 KiB.` });
    expect(issue!.fix).toContain('Give a file under 512 KiB');
  });

  it('refuses a huge file from its size and an endless device after the limit, without reading either whole', () => {
    // A sparse 64 GiB file: reading it whole would take minutes and more memory than the machine has.
    const huge = join(dir, 'huge.bin');
    writeFileSync(huge, '');
    truncateSync(huge, 64 * 1024 ** 3);
    expect(issuesOf(['--tags', `file://${huge}`])[0]!.message).toBe(`The file ${huge} is 67108864 KiB; file:// values are limited to 512 KiB.`);
    expect(issuesOf(['--cli-input-json', 'file:///dev/zero'])[0]!.message).toBe('The file /dev/zero is over 512 KiB; file:// values are limited to 512 KiB.');
  });
});

describe('parseCreateArgs: --cli-input-json and --cli-input-yaml', () => {
  const input = { DatastoreName: 'from-input', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'a', Value: '1' }], SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' } } };

  it('reads inline JSON and JSON from a file', () => {
    expect(parseCreateArgs(['--cli-input-json', JSON.stringify(input)]).request).toEqual(input);
    const path = file('input.json', JSON.stringify(input));
    const parsed = parseCreateArgs(['--cli-input-json', `file://${path}`]);
    expect(parsed.request).toEqual(input);
    expect(parsed.given.sort()).toEqual(['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'Tags']);
  });

  it('reads YAML, loading the YAML parser only for --cli-input-yaml', async () => {
    const yaml = 'DatastoreName: from-input\nDatastoreTypeVersion: R4\nTags:\n  - Key: a\n    Value: "1"\nSseConfiguration:\n  KmsEncryptionConfig:\n    CmkType: CUSTOMER_MANAGED_KMS_KEY\n    KmsKeyId: alias/k\n';
    expect((await readCreateArgs(['--cli-input-yaml', `file://${file('input.yaml', yaml)}`])).request).toEqual(input);
    expect(() => parseCreateArgs(['--cli-input-yaml', yaml])).toThrow(/needs the YAML parser/);
  });

  it('lets a flag replace a whole top-level key, without a deep merge', () => {
    const { request } = parseCreateArgs([
      '--cli-input-json', JSON.stringify(input),
      '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}',
      '--tags', 'Key=b,Value=2',
    ]);
    expect(request).toEqual({
      DatastoreName: 'from-input',
      DatastoreTypeVersion: 'R4',
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } }, // no KmsKeyId carried over
      Tags: [{ Key: 'b', Value: '2' }], // replaced, not appended
    });
  });

  it('refuses both inputs at once, unknown keys (with a suggestion) and non-objects', () => {
    expect(issuesOf(['--cli-input-json', '{}', '--cli-input-yaml', '{}'])[0]!.message).toContain('Only one of');
    const [unknown] = issuesOf(['--cli-input-json', '{"DatastoreNmae":"x"}']);
    expect(unknown).toMatchObject({ flag: '--cli-input-json', field: 'DatastoreNmae', rule: 'unknown' });
    expect(unknown!.message).toContain('Did you mean DatastoreName?');
    expect(issuesOf(['--cli-input-json', '[1]'])[0]!.rule).toBe('type');
    expect(issuesOf(['--cli-input-json', '{oops'])[0]!.rule).toBe('syntax');
    expect(issuesOf(['--cli-input-yaml', 'a: [1'])[0]!.rule).toBe('syntax');
  });

  it('reports a YAML input that contains itself as a wrong type, not a crash', () => {
    const [issue] = issuesOf(['--cli-input-yaml', '&a [*a]']);
    expect(issue).toMatchObject({ flag: '--cli-input-yaml', rule: 'type' });
    expect(formatIssue(issue!)).toContain('Got [a list that contains itself].');
  });
});
