/** Where a data store of the local history was created: its Region, endpoint, profile or the sandbox. */
import type { GlobalOptions } from '../options.js';
import type { HistoryEntry } from '../store/types.js';

/** Flags win; what the history knows about the data store fills the rest (a sandbox one goes to the sandbox). */
export function optionsForEntry(options: GlobalOptions, entry: HistoryEntry | undefined): GlobalOptions {
  if (!entry) return options;
  if (entry.sandbox) return { ...options, sandbox: true };
  if (options.sandbox) return options;
  return {
    ...options,
    region: options.region ?? entry.region,
    ...(options.profile ?? entry.profile ? { profile: options.profile ?? entry.profile } : {}),
    ...(options.endpointUrl ?? entry.serviceEndpoint ? { endpointUrl: options.endpointUrl ?? entry.serviceEndpoint } : {}),
  };
}
