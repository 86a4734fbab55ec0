/** `create` through the built binary, as a child process: dry run, errors, skeletons, help, and what it loads. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInputSkeleton } from '../../src/request/skeleton.js';
import { overlongHelpLines } from '../support/help-lines.js';
import { builtCodeLoader, cachedOutcome } from './built-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'healthlake-wizard.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'hlw-cli-'));
// A private config home, so that presets and history never touch the user's.
const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), HOME: scratch, AWS_CONFIG_FILE: join(scratch, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'), NO_COLOR: '1' };

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'app.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], nodeArgs: string[] = [], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...nodeArgs, bin, ...args], { cwd: scratch, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 20_000, stdio: ['pipe', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ACCEPTANCE = ['create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', 'Pacientes ÄÖ 1', '--tags', 'Key=team,Value=data', 'Key=env,Value='];

describe('healthlake-wizard create --dry-run (built binary)', () => {
  it('prints the acceptance request as JSON and exits 0', () => {
    const { code, stdout, stderr } = run(ACCEPTANCE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify({ DatastoreName: 'Pacientes ÄÖ 1', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: '' }] }, null, 4)}\n`);
  });

  it('refuses a KMS key ARN in another Region than --region, naming both (exit 252)', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { code, stdout, stderr } = run(['create', '--no-interactive', '--dry-run', '--region', 'us-east-1', '--datastore-type-version', 'R4', '--sse-configuration', `KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=${key}}`]);
    expect(code).toBe(252);
    expect(stdout).toBe('');
    expect(stderr).toContain('--sse-configuration (SseConfiguration.KmsEncryptionConfig.KmsKeyId): KMS key is in Region eu-west-1, but the data store is created in us-east-1');
    expect(stderr).toContain('Fix: Use one in us-east-1, or create the data store in eu-west-1 (--region eu-west-1).');
    expect(run(['create', '--no-interactive', '--dry-run', '--region', 'eu-west-1', '--datastore-type-version', 'R4', '--sse-configuration', `KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=${key}}`]).code).toBe(0);
  });

  it('prints YAML with --output yaml and honours --query', () => {
    const yaml = run([...ACCEPTANCE, '--output', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(run(ACCEPTANCE).stdout));
    const query = run([...ACCEPTANCE, '--query', 'Tags[].Key', '--output', 'text']);
    expect(query).toMatchObject({ code: 0, stdout: 'team\tenv\n' });
  });

  it('is the default command and also non-interactive without a terminal', () => {
    const { code, stdout } = run(ACCEPTANCE.filter((a) => a !== 'create' && a !== '--no-interactive'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).DatastoreName).toBe('Pacientes ÄÖ 1');
  });

  it('prints every error on stderr with its fix, nothing on stdout, and exits 252', () => {
    const { code, stdout, stderr } = run(['create', '--no-interactive', '--dry-run', '--datastore-name', 'bad😀', '--tags', 'Key=a,Value=1', 'Key=a,Value=2', '--client-token', 'no_underscores']);
    expect(code).toBe(252);
    expect(stdout).toBe('');
    expect(stderr).toContain('--datastore-type-version (DatastoreTypeVersion): FHIR version is required.');
    expect(stderr).toContain('--datastore-name (DatastoreName):');
    expect(stderr).toContain('--tags (Tags[1].Key):');
    expect(stderr).toContain('--client-token (ClientToken):');
    expect(stderr.match(/Fix: /g)).toHaveLength(4);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints warnings on stderr without failing', () => {
    const { code, stdout, stderr } = run(['--dry-run', '--datastore-type-version', 'R4', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY,KmsKeyId=alias/k}']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: --sse-configuration/);
    expect(JSON.parse(stdout).SseConfiguration.KmsEncryptionConfig.KmsKeyId).toBe('alias/k');
  });

  it('rejects an unknown flag with a suggestion (252)', () => {
    const { code, stderr } = run(['create', '--datastore-nmae', 'x']);
    expect(code).toBe(252);
    expect(stderr).toContain('Unknown flag --datastore-nmae. Did you mean --datastore-name?');
  });

  it('without --dry-run and with input missing, says to pass the flags (252)', () => {
    const { code, stderr } = run(['create', '--no-interactive', '--datastore-name', 'x']);
    expect(code).toBe(252);
    expect(stderr).toContain('pass the missing values as flags');
  });

  it('saves a preset with --save-preset (never the client token) and reads it back with --preset', () => {
    const saved = run(['create', '--no-interactive', '--dry-run', '--save-preset', 'team-r4', '--datastore-type-version', 'R4', '--tags', 'Key=team,Value=data', '--client-token', 'tok-1']);
    expect(saved.code).toBe(0);
    const { code, stdout } = run(['create', '--no-interactive', '--dry-run', '--preset', 'team-r4', '--datastore-name', 'from-flag']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ DatastoreName: 'from-flag', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }] });
    const listed = run(['create', '--no-interactive', '--dry-run', '--preset', 'other', '--datastore-type-version', 'R4']);
    expect(listed.code).toBe(252);
    expect(listed.stderr).toContain('--preset: There is no preset named "other".');
    expect(listed.stderr).toContain('Fix: Run healthlake-wizard presets list');
    const misspelt = run(['create', '--no-interactive', '--dry-run', '--preset', 'team-r5', '--datastore-type-version', 'R4']);
    expect(misspelt.code).toBe(252);
    expect(misspelt.stderr).toContain('There is no preset named "team-r5". Did you mean team-r4?');
  });

  it('reports an unknown preset with 252', () => {
    const { code, stderr } = run(['create', '--no-interactive', '--dry-run', '--preset', 'nope', '--datastore-type-version', 'R4']);
    expect(code).toBe(252);
    expect(stderr).toContain('There is no preset named "nope".');
  });
});

describe('skeletons, help and version (built binary)', () => {
  it('prints the input skeletons and validates before the output one', () => {
    expect(run(['create', '--generate-cli-skeleton'])).toMatchObject({ code: 0, stdout: renderInputSkeleton() });
    expect(parseYaml(run(['create', '--generate-cli-skeleton', 'yaml-input']).stdout)).toEqual(JSON.parse(renderInputSkeleton()));
    expect(run(['create', '--generate-cli-skeleton', 'output']).code).toBe(252);
    const output = run(['create', '--generate-cli-skeleton', 'output', '--datastore-type-version', 'R4']);
    expect(output.code).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual({ DatastoreId: 'DatastoreId', DatastoreArn: 'DatastoreArn', DatastoreStatus: 'DatastoreStatus', DatastoreEndpoint: 'DatastoreEndpoint' });
  });

  it('the SMART example of --help works as printed, and Metadata=file:// (the text itself) points to the @= form', () => {
    const help = run(['--help']).stdout;
    const example = /--identity-provider-configuration \\\n\s+(AuthorizationStrategy=SMART_ON_FHIR\S+)/.exec(help)?.[1];
    const metadataFile = /Metadata@?=file:\/\/(\S+?)(?:,|$)/.exec(example ?? '')?.[1];
    expect(metadataFile).toBeDefined();
    const metadata = { authorization_endpoint: 'https://auth.example.com/authorize', token_endpoint: 'https://auth.example.com/token', capabilities: ['launch-standalone'], grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'] };
    writeFileSync(join(scratch, metadataFile!), JSON.stringify(metadata));
    const created = run(['--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--identity-provider-configuration', example!]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(JSON.parse(created.stdout).IdentityProviderConfiguration.Metadata)).toEqual(metadata);

    const literal = run(['--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--identity-provider-configuration', example!.replace('Metadata@=', 'Metadata=')]);
    expect(literal.code).toBe(252);
    expect(literal.stderr).toContain(`Metadata@=file://${metadataFile}`);
  });

  it('prints help within 80 columns and the version', () => {
    const help = run(['create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--identity-provider-configuration');
    expect(overlongHelpLines(help.stdout, 80)).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['create', '--version']).stdout).toMatch(new RegExp(`^healthlake-wizard/${pkg.version.replaceAll('.', '\\.')} `));
  });
});

describe('what the dry run loads', () => {
  // Strings that only the bundled React, Ink, AWS SDK, YAML, JMESPath and local store code contain.
  const MARKERS = {
    React: 'react.transitional.element',
    Ink: 'Raw mode is not supported',
    'AWS SDK': 'HealthLakeServiceException',
    YAML: 'YAMLParseError',
    JMESPath: 'UnquotedIdentifier',
    'local store': 'was written by a newer healthlake-wizard',
  };
  const distFiles = () => ['app.cjs', ...readdirSync(join(root, 'dist', 'chunks')).filter((f) => f.endsWith('.cjs')).map((f) => `chunks/${f}`)];
  const holding = (file: string) => Object.entries(MARKERS).filter(([, marker]) => readFileSync(join(root, 'dist', file), 'utf8').includes(marker)).map(([name]) => name);

  it('the markers are real: each is in its package and in some built script', () => {
    expect(readFileSync(join(root, 'node_modules/react/cjs/react.production.js'), 'utf8')).toContain(MARKERS.React);
    expect(readFileSync(join(root, 'src/store/document-file.ts'), 'utf8')).toContain(MARKERS['local store']);
    expect(distFiles().flatMap(holding).sort()).toEqual(expect.arrayContaining(Object.keys(MARKERS)));
  });

  it('loads no script holding React, Ink, the AWS SDK, YAML, JMESPath or the local store, and each from the code cache', () => {
    // --debug makes the launcher say which scripts it loads, and whether V8 took their cached code.
    const { code, stderr } = run([...ACCEPTANCE, '--debug'], [], { HEALTHLAKE_WIZARD_CACHE_DIR: join(scratch, 'code-cache') });
    expect(code).toBe(0);
    const loads = [...stderr.matchAll(/code cache: loaded (\S+) \((.+)\)/g)].map(([, file, outcome]) => ({ file: file!, outcome }));
    expect(loads.map((load) => load.file)).toContain('app.cjs');
    expect(loads.flatMap(({ file }) => holding(file).map((name) => `${file}: ${name}`))).toEqual([]);
    expect(loads.filter((load) => load.outcome !== cachedOutcome())).toEqual([]);
    // The built cache fitted: nothing was written (on another Node, Node's compile cache was).
    if (builtCodeLoader() === 'vm') expect(existsSync(join(scratch, 'code-cache'))).toBe(false);
  });
});
