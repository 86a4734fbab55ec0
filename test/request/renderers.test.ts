import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { awsCommandArguments, renderAwsCommand, type Shell } from '../../src/request/render-aws-command.js';
import { CLOUDFORMATION_TYPE, renderCloudFormation } from '../../src/request/render-cloudformation.js';
import { renderRequestJson, renderRequestYaml } from '../../src/request/render-json-yaml.js';
import type { CreateRequest } from '../../src/request/types.js';
import { errorsOnly } from '../../src/request/issues.js';
import { validateRequest } from '../../src/request/validate.js';
import { validRequest } from './support/arbitrary-request.js';
import { bashArguments, cmdArguments, powerShellArguments } from './support/shell-words.js';

const HEAD = ['healthlake', 'create-fhir-datastore'];
const decode: Record<Shell, (command: string) => string[]> = {
  bash: (command) => bashArguments(command),
  powershell: powerShellArguments,
  cmd: cmdArguments,
};

const awkward: CreateRequest = {
  DatastoreName: 'Pacientes ÄÖ 1',
  DatastoreTypeVersion: 'R4',
  SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' } },
  Tags: [{ Key: 'team', Value: 'data' }, { Key: 'env', Value: '' }],
  IdentityProviderConfiguration: {
    AuthorizationStrategy: 'SMART_ON_FHIR',
    Metadata: '{"authorization_endpoint":"https://a.example/x?y=1&z=(2)","note":"it\'s \\"quoted\\" \\\\ 100% ^ | <>"}',
    IdpLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:f:$LATEST',
  },
};

describe('renderAwsCommand', () => {
  it('writes one flag per line with the continuation character of each shell', () => {
    expect(renderAwsCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'a b' }, 'bash')).toBe(
      "aws healthlake create-fhir-datastore \\\n  --datastore-name 'a b' \\\n  --datastore-type-version R4\n",
    );
    expect(renderAwsCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'a b' }, 'powershell')).toBe(
      "aws healthlake create-fhir-datastore `\n  --datastore-name 'a b' `\n  --datastore-type-version R4\n",
    );
    expect(renderAwsCommand({ DatastoreTypeVersion: 'R4', DatastoreName: 'a b' }, 'cmd')).toBe(
      'aws healthlake create-fhir-datastore ^\n  --datastore-name "a b" ^\n  --datastore-type-version R4\n',
    );
  });

  it('adds the Region, profile and endpoint when given', () => {
    const words = awsCommandArguments({ DatastoreTypeVersion: 'R4' }, { region: 'eu-west-1', profile: 'dev', endpointUrl: 'http://127.0.0.1:4566' }).flat();
    expect(words).toEqual(['--datastore-type-version', 'R4', '--region', 'eu-west-1', '--profile', 'dev', '--endpoint-url', 'http://127.0.0.1:4566']);
  });

  it('moves a value the AWS CLI would read as a file into --cli-input-json, and writes dash-led values as --flag=value', () => {
    const words = awsCommandArguments({ DatastoreTypeVersion: 'R4', DatastoreName: 'file://x', ClientToken: '-t' }).flat();
    expect(words).toEqual(['--datastore-type-version', 'R4', '--client-token=-t', '--cli-input-json', '{"DatastoreName":"file://x"}']);
  });

  it('escapes cmd operators where cmd sees them unquoted (its quote state flips at every ")', () => {
    // Not valid Metadata, but the preview renders whatever was typed; here the text sits outside cmd's quotes.
    const request = { DatastoreTypeVersion: 'R4', IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', Metadata: 'a&b|c<d>e(f)^g' } };
    const command = renderAwsCommand(request, 'cmd');
    expect(command).toContain('a^&b^|c^<d^>e^(f^)^^g');
    expect(parseCreateArgs(cmdArguments(command).slice(2)).request).toEqual(request);
  });

  it('writes no % for cmd (it expands %PATH% quoted or not, and %1 in a .cmd file): JSON says \\u0025 instead', () => {
    const request = { DatastoreTypeVersion: 'R4', IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', Metadata: '{"authorization_endpoint":"https://a.example/%PATH%/x%201?%1"}' } };
    const command = renderAwsCommand(request, 'cmd');
    expect(command).not.toContain('%');
    expect(command).toContain('\\u0025PATH\\u0025');
    expect(parseCreateArgs(cmdArguments(command).slice(2)).request).toEqual(request);
    // The other shells keep % as it is: neither expands it in their quotes.
    expect(renderAwsCommand(request, 'bash')).toContain('%PATH%');
    // A data store name may have a %: for cmd it goes into --cli-input-json, written the same way.
    const named = { DatastoreName: 'at 100%1', DatastoreTypeVersion: 'R4' };
    const withName = renderAwsCommand(named, 'cmd');
    expect(withName).toContain('--cli-input-json "{\\"DatastoreName\\":\\"at 100\\u00251\\"}"');
    expect(parseCreateArgs(cmdArguments(withName).slice(2)).request).toEqual(named);
  });

  for (const shell of ['bash', 'powershell', 'cmd'] as const) {
    it(`round-trips awkward values through ${shell} and our parser`, () => {
      const argv = decode[shell](renderAwsCommand(awkward, shell));
      expect(argv.slice(0, 2)).toEqual(HEAD);
      expect(parseCreateArgs(argv.slice(2)).request).toEqual(awkward);
    });

    it(`round-trips any valid request through ${shell} (property)`, () => {
      fc.assert(
        fc.property(validRequest, (request) => {
          const argv = decode[shell](renderAwsCommand(request, shell, { region: 'us-east-1' }));
          const parsed = parseCreateArgs(argv.slice(2));
          expect(parsed.request).toEqual(request);
          expect(parsed.options).toEqual({ region: 'us-east-1' });
        }),
        { numRuns: shell === 'bash' ? 60 : 200 },
      );
    });
  }
});

describe('renderRequestJson and renderRequestYaml', () => {
  it('print the keys in the model order', () => {
    const json = renderRequestJson({ Tags: [], DatastoreTypeVersion: 'R4', DatastoreName: 'n' });
    expect(Object.keys(JSON.parse(json))).toEqual(['DatastoreName', 'DatastoreTypeVersion', 'Tags']);
    expect(renderRequestYaml({ DatastoreTypeVersion: 'R4', DatastoreName: 'true' })).toBe("DatastoreName: \"true\"\nDatastoreTypeVersion: R4\n");
  });

  it('parse back to the same request (property)', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        expect(errorsOnly(validateRequest(request))).toEqual([]);
        expect(JSON.parse(renderRequestJson(request))).toEqual(request);
        expect(parseYaml(renderRequestYaml(request))).toEqual(request);
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderCloudFormation', () => {
  it('declares an AWS::HealthLake::FHIRDatastore with the request as properties, without ClientToken', () => {
    const request = { ...awkward, ClientToken: 'abc' };
    const template = JSON.parse(renderCloudFormation(request, 'json'));
    const resource = template.Resources.FHIRDatastore;
    expect(resource.Type).toBe(CLOUDFORMATION_TYPE);
    expect(resource.Properties).toEqual(awkward);
    expect(Object.keys(resource.Properties)).toEqual(['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'Tags', 'IdentityProviderConfiguration']);
    expect(resource.Properties.SseConfiguration.KmsEncryptionConfig).toEqual({ CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/k' });
    expect(parseYaml(renderCloudFormation(request, 'yaml'))).toEqual(template);
  });

  it('uses the given logical id', () => {
    const template = JSON.parse(renderCloudFormation({ DatastoreTypeVersion: 'R4' }, 'json', 'Patients'));
    expect(template.Resources.Patients.Properties).toEqual({ DatastoreTypeVersion: 'R4' });
  });
});
