/**
 * The structures of the responses this tool prints, each member in the service model's order with the structure
 * its value is (or holds a list of), else null. The AWS CLI prints a response's members in that order, and so do
 * we (`--output json`); a test checks every entry against the service model.
 */
export const RESPONSE_SHAPES = {
  CreateFHIRDatastoreResponse: { DatastoreId: null, DatastoreArn: null, DatastoreStatus: null, DatastoreEndpoint: null },
  DeleteFHIRDatastoreResponse: { DatastoreId: null, DatastoreArn: null, DatastoreStatus: null, DatastoreEndpoint: null },
  DescribeFHIRDatastoreResponse: { DatastoreProperties: 'DatastoreProperties' },
  ListFHIRDatastoresResponse: { DatastorePropertiesList: 'DatastoreProperties', NextToken: null },
  DatastoreProperties: {
    DatastoreId: null,
    DatastoreArn: null,
    DatastoreName: null,
    DatastoreStatus: null,
    CreatedAt: null,
    DatastoreTypeVersion: null,
    DatastoreEndpoint: null,
    SseConfiguration: 'SseConfiguration',
    PreloadDataConfig: 'PreloadDataConfig',
    IdentityProviderConfiguration: 'IdentityProviderConfiguration',
    ErrorCause: 'ErrorCause',
  },
  SseConfiguration: { KmsEncryptionConfig: 'KmsEncryptionConfig' },
  KmsEncryptionConfig: { CmkType: null, KmsKeyId: null },
  PreloadDataConfig: { PreloadDataType: null },
  IdentityProviderConfiguration: { AuthorizationStrategy: null, FineGrainedAuthorizationEnabled: null, Metadata: null, IdpLambdaArn: null },
  ErrorCause: { ErrorMessage: null, ErrorCategory: null },
} as const satisfies Record<string, Record<string, string | null>>;

/** A structure of RESPONSE_SHAPES. */
export type ResponseShapeName = keyof typeof RESPONSE_SHAPES;

/**
 * `data` with every object's members in the order of its shape (members the shape does not name keep their
 * place after them).
 */
export function inShapeOrder(data: unknown, shape: ResponseShapeName): unknown {
  if (Array.isArray(data)) return data.map((item) => inShapeOrder(item, shape));
  if (!data || typeof data !== 'object') return data;
  const members: Record<string, string | null> = RESPONSE_SHAPES[shape];
  const record = data as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const [name, nested] of Object.entries(members)) {
    if (Object.hasOwn(record, name)) ordered[name] = nested ? inShapeOrder(record[name], nested as ResponseShapeName) : record[name];
  }
  for (const [name, value] of Object.entries(record)) if (!Object.hasOwn(ordered, name)) ordered[name] = value;
  return ordered;
}
