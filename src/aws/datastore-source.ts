/**
 * `create --from-datastore ID`: an existing data store's settings and tags as a CreateFHIRDatastore request
 * (DescribeFHIRDatastore + ListTagsForResource). Data stores cannot be changed, so re-creating one is the common
 * path; the name and the ClientToken are left out, to be chosen fresh.
 */
import { EXIT, type GlobalOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { formatFriendlyError, toFriendlyError } from './errors.js';
import { openLocalStore, openSession, type Session } from './session.js';
import { optionsForEntry } from './history-target.js';
import type { DatastoreProperties } from './types.js';

/** The request that re-creates `properties` with `tags`, without its name; settings equal to the defaults are left out. */
export function requestFromDatastore(properties: DatastoreProperties, tags: readonly { Key: string; Value: string }[]): Partial<CreateRequest> {
  const request: Record<string, unknown> = { DatastoreTypeVersion: properties.DatastoreTypeVersion };
  const kms = properties.SseConfiguration?.KmsEncryptionConfig;
  if (kms?.CmkType === 'CUSTOMER_MANAGED_KMS_KEY') request.SseConfiguration = { KmsEncryptionConfig: { CmkType: kms.CmkType, ...(kms.KmsKeyId ? { KmsKeyId: kms.KmsKeyId } : {}) } };
  if (properties.PreloadDataConfig) request.PreloadDataConfig = { ...properties.PreloadDataConfig };
  const idp = properties.IdentityProviderConfiguration;
  if (idp && (idp.AuthorizationStrategy !== 'AWS_AUTH' || idp.FineGrainedAuthorizationEnabled || idp.Metadata || idp.IdpLambdaArn)) {
    request.IdentityProviderConfiguration = Object.fromEntries(Object.entries(idp).filter(([, value]) => value !== undefined && value !== null));
  }
  if (tags.length > 0) request.Tags = tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));
  return request;
}

/**
 * Reads the data store `datastoreId` where it lives (the history knows a sandbox one, or its region, profile and
 * endpoint; flags win) and returns the request that re-creates it, or an exit code after printing why not.
 */
export async function readDatastoreSource(datastoreId: string, options: GlobalOptions): Promise<Partial<CreateRequest> | number> {
  const store = await openLocalStore();
  const entry = store?.history.list().find((item) => item.datastoreId === datastoreId);
  const where = optionsForEntry(options, entry);
  let session: Session | undefined;
  try {
    session = await openSession(where, store);
    const properties = await session.gateway.describe(datastoreId);
    const tags = await session.gateway.listTags(properties.DatastoreArn);
    return requestFromDatastore(properties, tags);
  } catch (error) {
    const friendly = toFriendlyError(error, { operation: 'describe', datastoreId });
    process.stderr.write(`healthlake-wizard: --from-datastore ${datastoreId}: ${formatFriendlyError(friendly, options.debug ? { original: error } : undefined).replace(/^healthlake-wizard: /, '')}`);
    return friendly.exitCode === EXIT.ok ? EXIT.other : friendly.exitCode;
  } finally {
    await session?.close();
  }
}
