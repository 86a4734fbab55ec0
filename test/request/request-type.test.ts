/**
 * The request type is the AWS SDK's input type, and the parameter model describes exactly it: the table below is
 * checked against the SDK's type by the compiler (`tsc --noEmit`, part of `npm test`: a path the SDK lacks, one it
 * has that is missing, a wrong kind or required flag, an enum value it does not know are type errors), and
 * against the spec's leaves when the test runs.
 */
import type { CreateFHIRDatastoreCommandInput, CreateFHIRDatastoreRequest } from '@aws-sdk/client-healthlake';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildCreateRequest } from '../../src/request/answers.js';
import type { CreateRequest } from '../../src/request/types.js';
import { LEAVES, PARAMETERS, type SpecNode } from '../../src/parameter-model/index.js';

type Leaf<T> = NonNullable<T> extends (infer Item)[] ? Item : NonNullable<T>;
type IsScalar<T> = NonNullable<T> extends string | boolean | number ? true : false;

/** Every scalar path of a request type: `SseConfiguration.KmsEncryptionConfig.CmkType`, `Tags[].Key`. */
type LeafPaths<T> = {
  [K in keyof T & string]-?: IsScalar<T[K]> extends true
    ? K
    : NonNullable<T[K]> extends unknown[]
      ? `${K}[].${LeafPaths<Leaf<T[K]>>}`
      : `${K}.${LeafPaths<NonNullable<T[K]>>}`;
}[keyof T & string];

/** The type at a path. */
type At<T, P extends string> = P extends `${infer K}[].${infer Rest}`
  ? K extends keyof T ? At<Leaf<T[K]>, Rest> : never
  : P extends `${infer K}.${infer Rest}`
    ? K extends keyof T ? At<NonNullable<T[K]>, Rest> : never
    : P extends keyof T ? T[P] : never;

/** The object that holds the member at a path, and the member's name. */
type Parent<T, P extends string> = P extends `${infer K}[].${infer Rest}`
  ? K extends keyof T ? Parent<Leaf<T[K]>, Rest> : never
  : P extends `${infer K}.${infer Rest}`
    ? K extends keyof T ? Parent<NonNullable<T[K]>, Rest> : never
    : [T, P];

/** Whether the SDK marks the member required (its key not optional). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends Pick<O, K>` is how a type tells an optional key
type IsRequired<T, P extends string> = Parent<T, P> extends [infer O, infer K extends keyof Parent<T, P>[0] & string] ? ({} extends Pick<O, K & keyof O> ? false : true) : never;

/** What the spec must say of a path: its kind (an enum is a union of string literals) and the enum's values. */
type Expected<T, P extends string> = NonNullable<At<T, P>> extends boolean
  ? { kind: 'boolean'; required: IsRequired<T, P> }
  : string extends NonNullable<At<T, P>>
    ? { kind: 'string'; required: IsRequired<T, P> }
    : { kind: 'enum'; required: IsRequired<T, P>; values: readonly NonNullable<At<T, P>>[] };

type SdkPaths = LeafPaths<CreateFHIRDatastoreRequest>;

/** Every leaf of the SDK's request, as the compiler derives it from the SDK's type; the spec must say the same. */
const SDK_LEAVES: { [P in SdkPaths]: Expected<CreateFHIRDatastoreRequest, P> } = {
  DatastoreName: { kind: 'string', required: false },
  DatastoreTypeVersion: { kind: 'enum', required: true, values: ['R4'] },
  'SseConfiguration.KmsEncryptionConfig.CmkType': { kind: 'enum', required: true, values: ['CUSTOMER_MANAGED_KMS_KEY', 'AWS_OWNED_KMS_KEY'] },
  'SseConfiguration.KmsEncryptionConfig.KmsKeyId': { kind: 'string', required: false },
  'PreloadDataConfig.PreloadDataType': { kind: 'enum', required: true, values: ['SYNTHEA'] },
  ClientToken: { kind: 'string', required: false },
  'Tags[].Key': { kind: 'string', required: true },
  'Tags[].Value': { kind: 'string', required: true },
  'IdentityProviderConfiguration.AuthorizationStrategy': { kind: 'enum', required: true, values: ['SMART_ON_FHIR_V1', 'SMART_ON_FHIR', 'AWS_AUTH'] },
  'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled': { kind: 'boolean', required: false },
  'IdentityProviderConfiguration.Metadata': { kind: 'string', required: false },
  'IdentityProviderConfiguration.IdpLambdaArn': { kind: 'string', required: false },
};

/** Every value of a union, and nothing else: the enum lists above name them all. */
type Missing<U, Listed> = Exclude<U, Listed>;

describe("the request type is the SDK's", () => {
  it('is the SDK input type, and what buildCreateRequest returns', () => {
    expectTypeOf<CreateRequest>().toEqualTypeOf<CreateFHIRDatastoreRequest>();
    expectTypeOf<CreateFHIRDatastoreCommandInput>().toMatchTypeOf<CreateRequest>();
    expectTypeOf(buildCreateRequest).returns.toEqualTypeOf<CreateFHIRDatastoreRequest>();
    // No enum value of the SDK is left out of the table (each is a never when complete).
    expectTypeOf<Missing<At<CreateFHIRDatastoreRequest, 'IdentityProviderConfiguration.AuthorizationStrategy'>, 'SMART_ON_FHIR_V1' | 'SMART_ON_FHIR' | 'AWS_AUTH' | undefined>>().toBeNever();
    expectTypeOf<Missing<At<CreateFHIRDatastoreRequest, 'SseConfiguration.KmsEncryptionConfig.CmkType'>, 'CUSTOMER_MANAGED_KMS_KEY' | 'AWS_OWNED_KMS_KEY' | undefined>>().toBeNever();
  });

  it("has exactly the parameter model's paths, kinds, required members and enum values", () => {
    const fromSpec = Object.fromEntries(
      LEAVES.map((leaf) => [
        leaf.path,
        { kind: leaf.node.kind, required: leaf.node.required, ...(leaf.node.kind === 'enum' ? { values: leaf.node.values.map((v) => v.value).sort() } : {}) },
      ]),
    );
    const fromSdk = Object.fromEntries(
      Object.entries(SDK_LEAVES).map(([path, expected]) => [path, { ...expected, ...('values' in expected ? { values: [...expected.values].sort() } : {}) }]),
    );
    expect(fromSpec).toEqual(fromSdk);
  });

  it("has the SDK's top-level members as parameters", () => {
    const topLevel = [...new Set(Object.keys(SDK_LEAVES).map((path) => path.split(/[.[]/)[0]))].sort();
    expect(PARAMETERS.map((parameter: SpecNode) => parameter.name).sort()).toEqual(topLevel);
  });
});
