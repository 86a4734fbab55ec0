/**
 * The same argument lists given to `aws healthlake create-fhir-datastore` and to our parser must yield the same
 * request body. The expected bodies are worked out from the AWS CLI's documented behaviour (shorthand syntax
 * page, awscli/shorthand.py of the current release and its BackCompatVisitor, argprocess's JSON detection,
 * paramfile loading, argparse's last-wins for repeated flags and nargs='+' for lists), not from our
 * implementation. When an AWS CLI is installed, each argument list is also given to it, pointed at a recorder on
 * 127.0.0.1 (client-side validation off, so it sends even the bodies the service would reject), and the body it
 * sent must be the expected one too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';

const dir = mkdtempSync(join(tmpdir(), 'hlw-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const metadataFile = join(dir, 'smart.json');
writeFileSync(metadataFile, '{"authorization_endpoint": "https://auth.example.com/authorize"}\n');
const keyFile = join(dir, 'kms-key.txt');
writeFileSync(keyFile, 'alias/from-a-file\n');
const ARN = 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder';

const TABLE: { what: string; argv: string[]; body: Record<string, unknown> }[] = [
  {
    what: 'the AWS CLI reference example (a repeated flag keeps its last value; --region is not part of the body)',
    argv: ['--region', 'us-east-1', '--datastore-type-version', 'R4', '--datastore-type-version', 'R4', '--datastore-name', 'FhirTestDatastore'],
    body: { DatastoreTypeVersion: 'R4', DatastoreName: 'FhirTestDatastore' },
  },
  {
    what: 'nested shorthand',
    argv: ['--datastore-type-version', 'R4', '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/healthlake}'],
    body: { DatastoreTypeVersion: 'R4', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/healthlake' } } },
  },
  {
    what: 'whitespace around = , { } is ignored',
    argv: ['--sse-configuration', 'KmsEncryptionConfig = { CmkType = AWS_OWNED_KMS_KEY }'],
    body: { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } },
  },
  {
    what: 'JSON for a structure, leading whitespace allowed',
    argv: ['--sse-configuration', '  {"KmsEncryptionConfig": {"CmkType": "AWS_OWNED_KMS_KEY"}}'],
    body: { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } } },
  },
  {
    what: 'flat shorthand',
    argv: ['--preload-data-config', 'PreloadDataType=SYNTHEA'],
    body: { PreloadDataConfig: { PreloadDataType: 'SYNTHEA' } },
  },
  {
    what: 'tags: several shorthand items, an empty value',
    argv: ['--tags', 'Key=team,Value=data', 'Key=env,Value='],
    body: { Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: '' }] },
  },
  {
    what: 'tags: one item is still a list',
    argv: ['--tags', 'Key=a,Value=b'],
    body: { Tags: [{ Key: 'a', Value: 'b' }] },
  },
  {
    what: 'tags: a JSON list',
    argv: ['--tags', '[{"Key":"a","Value":"b"},{"Key":"c","Value":"d"}]'],
    body: { Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] },
  },
  {
    what: 'tags: one JSON object per argument',
    argv: ['--tags', '{"Key":"a","Value":"b"}', '{"Key":"c","Value":"d"}'],
    body: { Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] },
  },
  {
    what: 'escaped comma and quoted values',
    argv: ['--tags', 'Key=a,Value=x\\,y', "Key=b,Value='hello, world'", 'Key=c,Value="say \\"hi\\""'],
    body: { Tags: [{ Key: 'a', Value: 'x,y' }, { Key: 'b', Value: 'hello, world' }, { Key: 'c', Value: 'say "hi"' }] },
  },
  {
    what: 'an implicit list where a string is expected (the service would reject it; the body is the same)',
    argv: ['--tags', 'Key=a,Value=b,c'],
    body: { Tags: [{ Key: 'a', Value: ['b', 'c'] }] },
  },
  {
    what: 'booleans from shorthand, case-insensitive; Metadata quoted JSON stays a string',
    argv: ['--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=True,IdpLambdaArn=${ARN},Metadata='{"issuer":"https://auth.example.com"}'`],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true, IdpLambdaArn: ARN, Metadata: '{"issuer":"https://auth.example.com"}' } },
  },
  {
    what: 'a boolean that is neither true nor false stays a string (for validation to reject)',
    argv: ['--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH,FineGrainedAuthorizationEnabled=yes'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: 'yes' } },
  },
  {
    what: 'JSON booleans are taken as they are',
    argv: ['--identity-provider-configuration', '{"AuthorizationStrategy":"AWS_AUTH","FineGrainedAuthorizationEnabled":false}'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: false } },
  },
  {
    what: 'Metadata@=file:// loads the file verbatim',
    argv: ['--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR_V1,Metadata@=file://${metadataFile}`],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR_V1', Metadata: '{"authorization_endpoint": "https://auth.example.com/authorize"}\n' } },
  },
  {
    what: 'an unquoted {...} after Metadata= is a structure, not a string (the service would reject it)',
    argv: ['--identity-provider-configuration', 'AuthorizationStrategy=SMART_ON_FHIR,Metadata={a=b}'],
    body: { IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: { a: 'b' } } },
  },
  {
    what: '--cli-input-json with a flag that replaces a whole key',
    argv: ['--cli-input-json', '{"DatastoreTypeVersion":"R4","DatastoreName":"from-json","Tags":[{"Key":"a","Value":"1"}]}', '--datastore-name', 'from-flag'],
    body: { DatastoreTypeVersion: 'R4', DatastoreName: 'from-flag', Tags: [{ Key: 'a', Value: '1' }] },
  },
  {
    what: 'key@=file:// inside {...} loads the file (AWS CLI since late 2024)',
    argv: ['--sse-configuration', `KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY, KmsKeyId @= file://${keyFile}}`],
    body: { SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/from-a-file\n' } } },
  },
  {
    what: 'a double-quoted value runs to the first quote with no backslash before it; then \\" and \\\\ are unescaped',
    argv: ['--tags', 'Key=q,Value="a\\\\"b"', 'Key=path,Value="C:\\\\temp"'],
    body: { Tags: [{ Key: 'q', Value: 'a\\"b' }, { Key: 'path', Value: 'C:\\temp' }] },
  },
  {
    what: 'a trailing U+FEFF stays (no whitespace to Python); a trailing U+001C and U+0085 go (whitespace to Python)',
    argv: ['--tags', 'Key=bom,Value=b\uFEFF', 'Key=separator,Value=c\u001C\u0085'],
    body: { Tags: [{ Key: 'bom', Value: 'b\uFEFF' }, { Key: 'separator', Value: 'c' }] },
  },
  {
    what: 'scalars verbatim, including characters the shorthand would treat specially',
    argv: ['--datastore-name', 'a=b,c {d}', '--client-token', 'abc-123'],
    body: { DatastoreName: 'a=b,c {d}', ClientToken: 'abc-123' },
  },
];

describe('the same argv gives the AWS CLI\'s request body', () => {
  it.each(TABLE)('$what', ({ argv, body }) => {
    expect(parseCreateArgs(argv).request).toStrictEqual(body);
  });
});

/**
 * The AWS CLI as a Python package (v1, or v2 run from source): all argument lists go through its own driver,
 * `create_clidriver().main(args)`, in one Python process, as `aws` would run each (one start instead of one per
 * row: the AWS CLI takes seconds to start).
 */
const PYTHON_AWS_CLI = spawnSync('python3', ['-c', 'import awscli, botocore; print(f"aws-cli/{awscli.__version__} botocore/{botocore.__version__}")'], { encoding: 'utf8' });
const RUN_ROWS = [
  'import json, sys',
  'from awscli.clidriver import create_clidriver',
  'for args in json.load(sys.stdin):',
  '    code = create_clidriver().main(args)',
  '    sys.stderr.write(f"\\n<row ended: {code}>\\n")',
].join('\n');

describe.skipIf(PYTHON_AWS_CLI.status !== 0)(`the AWS CLI (${PYTHON_AWS_CLI.stdout.trim() || 'not importable'}) sends the same bodies`, () => {
  /** What each row's AWS CLI run sent (by row), its exit code and what it printed on stderr. */
  const sent = new Map<number, Record<string, unknown>>();
  const ended: { code: string; stderr: string }[] = [];

  beforeAll(async () => {
    // Stands in for HealthLake on 127.0.0.1: keeps each body under the row in its path, answers as Create does.
    const recorder = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      request.on('end', () => {
        sent.set(Number(/^\/row\/(\d+)/.exec(request.url ?? '')?.[1]), JSON.parse(text) as Record<string, unknown>);
        const id = '0'.repeat(32);
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({
          DatastoreId: id,
          DatastoreArn: `arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/${id}`,
          DatastoreStatus: 'CREATING',
          DatastoreEndpoint: `https://healthlake.us-east-1.amazonaws.com/datastore/${id}/r4/`,
        }));
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(recorder.address() as { port: number }).port}`;
    // The AWS CLI reads only this: no machine configuration, no instance metadata, no validation of its own (so
    // it sends even the bodies the service would reject).
    writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\nparameter_validation = false\n');
    writeFileSync(join(dir, 'credentials'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const rows = TABLE.map(({ argv }, index) => [
      'healthlake', 'create-fhir-datastore', ...argv, ...(typeGiven(argv) ? [] : ['--datastore-type-version', 'R4']),
      '--endpoint-url', `${endpoint}/row/${index}`, '--output', 'json',
    ]);
    const child = spawn('python3', ['-c', RUN_ROWS], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(JSON.stringify(rows));
    await new Promise((resolve) => child.on('close', resolve));
    recorder.close();
    for (const [, before, code] of stderr.matchAll(/([^]*?)\n<row ended: (\w+)>\n/g)) ended.push({ code: code!, stderr: before! });
  }, 120_000);

  it.each(TABLE.map((row, index) => ({ ...row, index })))('$what', ({ argv, body, index }) => {
    expect(ended[index]).toEqual({ code: '0', stderr: '' });
    const received = { ...sent.get(index) };
    // ClientToken is an idempotency token: the AWS CLI makes one up when none is given.
    if (!('ClientToken' in body)) delete received.ClientToken;
    expect(received).toStrictEqual(typeGiven(argv) ? body : { DatastoreTypeVersion: 'R4', ...body });
  });
});

/** The AWS CLI's argparse requires --datastore-type-version unless --cli-input-json gives it. */
function typeGiven(argv: readonly string[]): boolean {
  return argv.includes('--datastore-type-version') || argv.includes('--cli-input-json');
}
