/**
 * The CreateFHIRDatastore request body, as sent on the wire: the AWS SDK's own input type (type-only, so nothing of
 * the SDK is loaded), not a second list of members. test/request/request-type.test.ts shows that the parameter
 * model's paths and this type agree.
 */
import type { CreateFHIRDatastoreRequest, Tag as SdkTag } from '@aws-sdk/client-healthlake';

/** The CreateFHIRDatastore request body (the SDK's `CreateFHIRDatastoreRequest`). */
export type CreateRequest = CreateFHIRDatastoreRequest;

/** One resource tag as the answers hold it: the SDK's `Tag`, whose members the service requires, both present. */
export type Tag = { [K in keyof SdkTag]-?: NonNullable<SdkTag[K]> };
