/**
 * The token-decoder picker's list: the target Region's Lambda functions (ListFunctions, every page up to a
 * bound), by name. Read-only; never throws: a failure is a value, AccessDenied marked so that the picker falls
 * back to free text. Imports the SDK: load lazily.
 */
import { ListFunctionsCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { listingProblem } from './kms-key-list.js';
import type { ServiceClients } from './service-clients.js';
import type { LambdaFunctionChoice, ResourceListing } from './types.js';

/** At most this many functions are listed; the rest is reported as truncated. */
export const MAX_LISTED_FUNCTIONS = 1000;

/** The picker's choices, sorted by name. */
export async function listLambdaFunctions(clients: Pick<ServiceClients, 'lambda' | 'region'>, options: { signal?: AbortSignal } = {}): Promise<ResourceListing<LambdaFunctionChoice>> {
  const send = { ...(options.signal ? { abortSignal: options.signal } : {}) };
  const functions: FunctionConfiguration[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await clients.lambda.send(new ListFunctionsCommand({ MaxItems: 50, ...(marker ? { Marker: marker } : {}) }), send);
      functions.push(...(page.Functions ?? []));
      marker = page.NextMarker;
    } while (marker && functions.length < MAX_LISTED_FUNCTIONS);
  } catch (error) {
    return listingProblem(error, 'lambda:ListFunctions', clients.region);
  }
  const items = functions
    .filter((fn) => fn.FunctionName && fn.FunctionArn)
    .slice(0, MAX_LISTED_FUNCTIONS)
    .map((fn) => ({ name: fn.FunctionName!, arn: fn.FunctionArn!, ...(fn.Runtime ? { runtime: fn.Runtime } : {}), description: fn.Description ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, items, truncated: marker !== undefined && marker !== '' };
}
