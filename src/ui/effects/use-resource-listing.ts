/**
 * Loads a picker's list after the first frame of its prompt, through the connection (which loads the SDK):
 * typing goes on meanwhile. The connection's source lists each kind once, so a prompt shown again has it at once.
 */
import { useEffect, useState } from 'react';
import type { KmsKeyChoice, LambdaFunctionChoice, ResourceListing } from '../../aws/types.js';
import type { ResourceSource } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';
import type { ResourceKind } from './resource-choices.js';

/** The listing, `loading` until it arrives, or `none` when nothing can list (no source). */
export type ResourceListingState = 'loading' | 'none' | ResourceListing<KmsKeyChoice | LambdaFunctionChoice>;

/** Starts the listing once per mount. */
export function useResourceListing(kind: ResourceKind, source: (() => Promise<ResourceSource | undefined>) | undefined): ResourceListingState {
  const [listing, setListing] = useState<ResourceListingState>(source ? 'loading' : 'none');
  useEffect(() => {
    if (!source) return;
    let current = true;
    const timer = setTimeout(() => {
      source()
        .then((opened): Promise<ResourceListingState> | ResourceListingState => {
          if (!opened) return 'none';
          return kind === 'kms-key' ? opened.kmsKeys() : opened.lambdaFunctions();
        })
        .then(
          (result) => current && setListing(result),
          (error: unknown) => current && setListing({ ok: false, problem: friendlyOf(error), accessDenied: false }),
        );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per prompt
  }, []);
  return listing;
}
