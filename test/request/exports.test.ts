/**
 * Every export format, parsed back with the real tool's grammar or library, finds the same request: JSON and YAML
 * parsers; bash itself and the PowerShell and cmd argument rules, then the AWS CLI's argument syntax; the YAML of
 * a CloudFormation template; HashiCorp's own HCL parser (compiled to WebAssembly in @cdktf/hcl2json) for
 * Terraform; and for CDK the app transpiled by esbuild and synthesised by aws-cdk-lib, as `cdk synth` runs it,
 * compared with the CloudFormation export.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { commandModel } from '../../src/completion/command-model.js';
import { parseCreateArgs } from '../../src/request/argv.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES } from '../../src/request/export-formats.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { renderExport } from '../../src/request/render-export.js';
import { renderYamlInputSkeleton } from '../../src/request/skeleton.js';
import { TERRAFORM_NAME, TERRAFORM_TYPE } from '../../src/request/render-terraform.js';
import { CDK_CONSTRUCT_ID, CDK_STACK_ID } from '../../src/request/render-cdk.js';
import type { CreateRequest } from '../../src/request/types.js';
import { errorsOnly } from '../../src/request/issues.js';
import { validateRequest } from '../../src/request/validate.js';
import { PARAMETERS, type SpecNode } from '../../src/parameter-model/index.js';
import { PREVIEW_TABS } from '../../src/ui/review/previews.js';
import { validRequest } from './support/arbitrary-request.js';
import { bashArguments, cmdArguments, powerShellArguments } from './support/shell-words.js';

/** A request that uses every member: a customer managed key, tags (the expiry tag too), SMART on FHIR, preload. */
const everything: CreateRequest = {
  DatastoreName: 'Pacientes ÄÖ prod=1 %x@y',
  DatastoreTypeVersion: 'R4',
  SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' } },
  PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
  ClientToken: 'token-1',
  Tags: [
    { Key: 'team', Value: 'data + analytics' },
    { Key: 'env', Value: '' },
    { Key: EXPIRY_TAG_KEY, Value: '2026-12-02T19:30:00Z' },
  ],
  IdentityProviderConfiguration: {
    AuthorizationStrategy: 'SMART_ON_FHIR',
    FineGrainedAuthorizationEnabled: true,
    Metadata: JSON.stringify({
      issuer: 'https://auth.example.com/${tenant}',
      authorization_endpoint: 'https://auth.example.com/authorize?a=1&b=(2)',
      token_endpoint: 'https://auth.example.com/token',
      capabilities: ['launch-ehr', 'it\'s "quoted" \\ 100% ^ | <> %{x} & (y)'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
    }, null, 2),
    IdpLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder:$LATEST',
  },
};
const { ClientToken: _token, ...withoutToken } = everything;

it('the request that uses every member is valid', () => {
  expect(errorsOnly(validateRequest(everything))).toEqual([]);
});
const TARGET = { region: 'eu-west-1' };

describe('the one table of export formats', () => {
  it('gives the preview tabs, the --export values and their completion', () => {
    expect(PREVIEW_TABS.map((tab) => [tab.title, tab.fileName])).toEqual(EXPORT_FORMATS.map((format) => [format.title, format.fileName]));
    const exportFlag = commandModel().find((command) => command.name === 'create')!.flags.find((flag) => flag.flag === '--export');
    expect(exportFlag?.value).toEqual({ kind: 'choice', choices: EXPORT_FORMAT_NAMES });
    expect(parseCreateArgs(['--export', 'terraform']).options.export).toBe('terraform');
    expect(() => parseCreateArgs(['--export', 'terrafrom'])).toThrow(/--export must be one of json, yaml, aws-bash, aws-powershell, aws-cmd, cloudformation, terraform, cdk\. Did you mean terraform\?/);
  });
});

describe('JSON and YAML', () => {
  it('parse back to the request', () => {
    expect(JSON.parse(renderExport('json', everything))).toEqual(everything);
    expect(parseYaml(renderExport('yaml', everything))).toEqual(everything);
  });
});

describe('YAML read by YAML 1.1 readers (CloudFormation, cfn-lint, PyYAML, the AWS CLI) as by 1.2 ones', () => {
  // Plain, each of these is a boolean, a date, a number or null in YAML 1.1, or in 1.2.
  const TRICKY = ['yes', 'No', 'on', 'OFF', 'y', 'n', 'true', '~', 'null', '2026-12-05', '2026-12-05T06:13:41Z', '2010-09-09', '0777', '0o17', '0x1F', '1_000', '.inf', '12:30:00', '1e3', '+1', 'plain words'];
  const trickyRequest = fc.record({ name: fc.constantFrom(...TRICKY), key: fc.constantFrom(...TRICKY), value: fc.constantFrom(...TRICKY) });

  it('the YAML export, the CloudFormation template and its format version read as strings', () => {
    const request: CreateRequest = { DatastoreName: 'yes', DatastoreTypeVersion: 'R4', Tags: [{ Key: 'on', Value: '2026-12-05' }, { Key: EXPIRY_TAG_KEY, Value: '2026-12-05T06:13:41Z' }] };
    expect(parseYaml(renderExport('yaml', request), { version: '1.1' })).toEqual(request);
    const template = parseYaml(renderExport('cloudformation', request), { version: '1.1' }) as { AWSTemplateFormatVersion: unknown; Resources: Record<string, { Properties: unknown }> };
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Resources.FHIRDatastore!.Properties).toEqual(request);
    expect(parseYaml(renderExport('yaml', everything), { version: '1.1' })).toEqual(everything);
  });

  it('any request, with values YAML 1.1 or 1.2 would read as something else, reads back the same in both (property)', () => {
    fc.assert(
      fc.property(validRequest, trickyRequest, (generated, { name, key, value }) => {
        const request = { ...generated, DatastoreName: name, Tags: [...(generated.Tags ?? []), { Key: key, Value: value }] };
        for (const version of ['1.1', '1.2'] as const) {
          expect(parseYaml(renderExport('yaml', request), { version })).toEqual(request);
          const template = parseYaml(renderExport('cloudformation', request), { version }) as { AWSTemplateFormatVersion: unknown; Resources: Record<string, { Properties: unknown }> };
          expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
          const { ClientToken: _token, ...properties } = request;
          expect(template.Resources.FHIRDatastore!.Properties).toEqual(properties);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('--generate-cli-skeleton yaml-input reads the same in both', () => {
    const skeleton = renderYamlInputSkeleton();
    expect(parseYaml(skeleton, { version: '1.1' })).toEqual(parseYaml(skeleton, { version: '1.2' }));
  });
});

describe('the aws command', () => {
  const decoders = { 'aws-bash': bashArguments, 'aws-powershell': powerShellArguments, 'aws-cmd': cmdArguments } as const;
  for (const [format, decode] of Object.entries(decoders) as [keyof typeof decoders, (command: string) => string[]][]) {
    it(`${format}: the shell's words, read as the AWS CLI reads them, are the request and the target`, () => {
      const argv = decode(renderExport(format, everything, TARGET));
      expect(argv.slice(0, 2)).toEqual(['healthlake', 'create-fhir-datastore']);
      const parsed = parseCreateArgs(argv.slice(2));
      expect(parsed.request).toEqual(everything);
      expect(parsed.options).toEqual(TARGET);
    });
  }
});

describe('CloudFormation', () => {
  it('declares the resource with the request as its properties, without ClientToken', () => {
    const template = parseYaml(renderExport('cloudformation', everything)) as { Resources: Record<string, { Type: string; Properties: unknown }> };
    expect(template.Resources.FHIRDatastore).toEqual({ Type: 'AWS::HealthLake::FHIRDatastore', Properties: withoutToken });
  });
});

// The awscc provider's schema for the resource (its generated docs): every attribute a request can set.
const AWSCC_ATTRIBUTES = {
  datastore_name: 'string',
  datastore_type_version: 'string',
  sse_configuration: { kms_encryption_config: { cmk_type: 'string', kms_key_id: 'string' } },
  preload_data_config: { preload_data_type: 'string' },
  identity_provider_configuration: { authorization_strategy: 'string', fine_grained_authorization_enabled: 'bool', metadata: 'string', idp_lambda_arn: 'string' },
  tags: [{ key: 'string', value: 'string' }],
};

/** The HCL value (as hcl2json gives it) checked against the provider's schema and read back into API names. */
function fromTerraform(value: unknown, node: SpecNode | undefined, schema: unknown, path: string): unknown {
  if (node === undefined || node.kind === 'structure') {
    const members = node === undefined ? PARAMETERS : node.members;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([attribute, item]) => {
        const schemaItem = (schema as Record<string, unknown>)[attribute];
        if (schemaItem === undefined) throw new Error(`${path}${attribute} is not an attribute of ${TERRAFORM_TYPE}`);
        const member = members.find((m) => m.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() === attribute);
        return [member!.name, fromTerraform(item, member, schemaItem, `${path}${attribute}.`)];
      }),
    );
  }
  if (node.kind === 'list') return (value as unknown[]).map((item) => fromTerraform(item, node.member, (schema as unknown[])[0], path));
  if (node.kind === 'boolean') {
    expect(schema).toBe('bool');
    return value;
  }
  expect(schema).toBe('string');
  // Terraform's JSON syntax keeps string templates: `$${` and `%%{` are its escapes for a literal `${` and `%{`.
  return (value as string).replace(/([$%])\1\{/g, '$1{');
}

async function terraformRequest(hcl: string) {
  const parsed = (await parseHcl('main.tf', hcl)) as {
    resource: Record<string, Record<string, Record<string, unknown>[]>>;
    provider?: { awscc: { region: string }[] };
    output: Record<string, { value: string }[]>;
  };
  const resource = parsed.resource[TERRAFORM_TYPE]![TERRAFORM_NAME]![0]!;
  return { request: fromTerraform(resource, undefined, AWSCC_ATTRIBUTES, ''), parsed };
}

describe('Terraform (awscc)', () => {
  it("HashiCorp's HCL parser reads the resource, its attributes are the provider's, and they are the request", async () => {
    const { request, parsed } = await terraformRequest(renderExport('terraform', everything, TARGET));
    expect(request).toEqual(withoutToken);
    expect(parsed.provider?.awscc[0]?.region).toBe('eu-west-1');
    expect(parsed.output.datastore_id![0]!.value).toBe(`\${${TERRAFORM_TYPE}.${TERRAFORM_NAME}.datastore_id}`);
  });

  it('any valid request reads back the same, but for what HCL normalises to Unicode NFC, which a comment names (property)', async () => {
    await fc.assert(
      fc.asyncProperty(validRequest, async (generated) => {
        const { ClientToken: _ignored, ...expected } = generated;
        const hcl = renderExport('terraform', generated);
        const nfc = JSON.parse(JSON.stringify(expected).normalize('NFC')) as unknown;
        expect((await terraformRequest(hcl)).request).toEqual(nfc);
        expect(hcl.includes('# Note: Terraform normalises text to Unicode NFC')).toBe(JSON.stringify(nfc) !== JSON.stringify(expected));
      }),
      { numRuns: 60 },
    );
  });
});

describe('AWS CDK (TypeScript)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlw-cdk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Transpiles the app and runs it as the CDK CLI does (CDK_OUTDIR set: the App synthesises on exit). */
  function synthesise(source: string): Record<string, unknown> {
    const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20' });
    const app = join(dir, 'app.cjs');
    const out = join(dir, 'cdk.out');
    writeFileSync(app, code);
    const nodeModules = join(createRequire(import.meta.url).resolve('aws-cdk-lib/package.json'), '..', '..');
    const result = spawnSync(process.execPath, [app], { env: { PATH: process.env.PATH, NODE_PATH: nodeModules, CDK_OUTDIR: out }, encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`the CDK app failed: ${result.stderr}`);
    return JSON.parse(readFileSync(join(out, `${CDK_STACK_ID}.template.json`), 'utf8')) as Record<string, unknown>;
  }

  it("aws-cdk-lib synthesises the app to the CloudFormation export's resource", () => {
    const template = synthesise(renderExport('cdk', everything, TARGET)) as { Resources: Record<string, { Type: string; Properties: CreateRequest }>; Outputs: Record<string, unknown> };
    const cloudFormation = (parseYaml(renderExport('cloudformation', everything)) as { Resources: Record<string, { Type: string; Properties: CreateRequest }> }).Resources.FHIRDatastore!;
    const synthesised = template.Resources[CDK_CONSTRUCT_ID]!;
    expect(synthesised.Type).toBe(cloudFormation.Type);
    // CDK writes the tags sorted by key: the same tags.
    const byKey = (tags: CreateRequest['Tags']) => [...(tags ?? [])].sort((a, b) => String(a.Key).localeCompare(String(b.Key)));
    expect({ ...synthesised.Properties, Tags: byKey(synthesised.Properties.Tags) }).toEqual({ ...cloudFormation.Properties, Tags: byKey(cloudFormation.Properties.Tags) });
    expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining(['DatastoreId', 'DatastoreEndpoint']));
  }, 120_000);
});
