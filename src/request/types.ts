/** The CreateFHIRDatastore request body, as sent on the wire (the SDK's input shape). */
export interface CreateRequest {
  DatastoreName?: string;
  DatastoreTypeVersion?: string;
  SseConfiguration?: { KmsEncryptionConfig: { CmkType: string; KmsKeyId?: string } };
  PreloadDataConfig?: { PreloadDataType: string };
  ClientToken?: string;
  Tags?: Tag[];
  IdentityProviderConfiguration?: {
    AuthorizationStrategy: string;
    FineGrainedAuthorizationEnabled?: boolean;
    Metadata?: string;
    IdpLambdaArn?: string;
  };
}

/** One resource tag. */
export interface Tag {
  Key: string;
  Value: string;
}
