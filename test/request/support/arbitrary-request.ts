/** fast-check arbitraries for valid CreateFHIRDatastore requests, with non-Latin text and awkward characters. */
import fc from 'fast-check';
import type { CreateRequest } from '../../../src/request/types.js';

// Letters of several scripts (one outside the BMP), spaces of \p{Z}, digits of \p{N}, and the punctuation allowed.
const NAME_CHARS = ['a', 'Z', 'é', 'Ä', 'Ω', 'ж', '中', '𠀀', 'ع', ' ', '\u00A0', '\u3000', '0', '٣', '_', '.', ':', '/', '=', '+', '-', '%', '@'];
const TAG_CHARS = NAME_CHARS.filter((c) => c !== '%');
const text = (chars: string[], min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));

const name = fc.oneof(text(NAME_CHARS, 1, 24), fc.constantFrom('file://looks-like-a-file', '-starts-with-dash', '@home', 'a=b+c%d'));
const kmsKeyId = fc.oneof(
  fc.stringMatching(/^alias\/[a-zA-Z0-9:/_-]{1,20}$/),
  fc.uuid(),
  fc.constant('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
);
const tags = fc.uniqueArray(fc.record({ Key: text(TAG_CHARS, 1, 12), Value: text(TAG_CHARS, 0, 12) }), { maxLength: 5, selector: (tag) => tag.Key });
const metadata = fc
  .record({
    authorization_endpoint: fc.webUrl({ validSchemes: ['https'] }),
    token_endpoint: fc.webUrl({ validSchemes: ['https'] }),
    grant_types_supported: fc.subarray(['authorization_code', 'client_credentials'], { minLength: 1 }),
    capabilities: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }),
    code_challenge_methods_supported: fc.constant(['S256']),
  })
  .chain((object) => fc.constantFrom(0, 2).map((indent) => JSON.stringify(object, null, indent)));
const identity = fc.oneof(
  fc.record({ AuthorizationStrategy: fc.constant('AWS_AUTH'), FineGrainedAuthorizationEnabled: fc.constant(false) }, { requiredKeys: ['AuthorizationStrategy'] }),
  fc.record(
    {
      AuthorizationStrategy: fc.constantFrom('SMART_ON_FHIR', 'SMART_ON_FHIR_V1'),
      FineGrainedAuthorizationEnabled: fc.boolean(),
      Metadata: metadata,
      IdpLambdaArn: fc.constantFrom('arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder', 'arn:aws:lambda:eu-west-1:111122223333:function:decoder:$LATEST'),
    },
    { requiredKeys: ['AuthorizationStrategy', 'Metadata', 'IdpLambdaArn'] },
  ),
);

/** Any valid request. */
export const validRequest: fc.Arbitrary<CreateRequest> = fc.record(
  {
    DatastoreName: name,
    DatastoreTypeVersion: fc.constant('R4'),
    SseConfiguration: fc.oneof(
      fc.constant({ KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } }),
      kmsKeyId.map((KmsKeyId) => ({ KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY' as const, KmsKeyId } })),
    ),
    PreloadDataConfig: fc.constant({ PreloadDataType: 'SYNTHEA' }),
    ClientToken: fc.stringMatching(/^[a-zA-Z0-9-]{1,64}$/),
    Tags: tags,
    IdentityProviderConfiguration: identity,
  },
  { requiredKeys: ['DatastoreTypeVersion'] },
);
