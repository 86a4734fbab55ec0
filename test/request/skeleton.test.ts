import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { inputSkeleton, outputSkeleton, renderInputSkeleton, renderYamlInputSkeleton } from '../../src/request/skeleton.js';

// What `aws healthlake create-fhir-datastore --generate-cli-skeleton input` prints (json.dump, indent 4), with
// the AWS CLI's randomly chosen enum values fixed to the spec's first.
const AWS_INPUT_SKELETON = `{
    "DatastoreName": "",
    "DatastoreTypeVersion": "R4",
    "SseConfiguration": {
        "KmsEncryptionConfig": {
            "CmkType": "AWS_OWNED_KMS_KEY",
            "KmsKeyId": ""
        }
    },
    "PreloadDataConfig": {
        "PreloadDataType": "SYNTHEA"
    },
    "ClientToken": "",
    "Tags": [
        {
            "Key": "",
            "Value": ""
        }
    ],
    "IdentityProviderConfiguration": {
        "AuthorizationStrategy": "AWS_AUTH",
        "FineGrainedAuthorizationEnabled": true,
        "Metadata": "",
        "IdpLambdaArn": ""
    }
}
`;

describe('--generate-cli-skeleton', () => {
  it('input: the AWS CLI layout, members in the model order', () => {
    expect(renderInputSkeleton()).toBe(AWS_INPUT_SKELETON);
  });

  it('yaml-input: the same data, with [REQUIRED], help and valid values as end-of-line comments', () => {
    const yaml = renderYamlInputSkeleton();
    expect(parseYaml(yaml)).toEqual(inputSkeleton());
    const lines = yaml.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DatastoreName: '' # \S/);
    expect(lines).toContain(lines.find((l) => l.startsWith('DatastoreTypeVersion: R4 # [REQUIRED] ') && l.endsWith('Valid values are: R4.')));
    expect(lines.find((l) => l.startsWith('    CmkType: AWS_OWNED_KMS_KEY # [REQUIRED]'))).toContain('Valid values are: AWS_OWNED_KMS_KEY, CUSTOMER_MANAGED_KMS_KEY.');
    expect(lines.filter((l) => l.startsWith('- ') || l.startsWith('  Value:'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('- Key:'))).toMatch(/^- Key: '' # \[REQUIRED\]/);
  });

  it('the skeletons are accepted back by --cli-input-json and --cli-input-yaml', () => {
    expect(parseCreateArgs(['--cli-input-json', renderInputSkeleton()]).request).toEqual(inputSkeleton());
    expect(parseCreateArgs(['--cli-input-yaml', renderYamlInputSkeleton()], parseYaml).request).toEqual(inputSkeleton());
  });

  it('output: a sample response whose members hold their own names', () => {
    expect(outputSkeleton()).toEqual({
      DatastoreId: 'DatastoreId',
      DatastoreArn: 'DatastoreArn',
      DatastoreStatus: 'DatastoreStatus',
      DatastoreEndpoint: 'DatastoreEndpoint',
    });
  });
});
