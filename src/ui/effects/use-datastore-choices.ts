/**
 * Loads what `status` without an id offers, after the first frame: the local history at once, then the target
 * Region's data stores page by page (ListFHIRDatastores), each page shown as it arrives. Typing never waits.
 */
import { useEffect, useState } from 'react';
import type { DatastoreProperties, FriendlyError } from '../../aws/types.js';
import type { HistoryEntry, WizardStore } from '../../store/types.js';
import type { Connection } from './app-deps.js';
import { friendlyOf } from '../../wizard-flow/friendly-error.js';

/** More pages than a person would scroll through; the note says when the list stops there. */
const MAX_PAGES = 20;

/** The history, the data stores listed so far, and how the listing goes. */
export interface DatastoreChoicesState {
  history: HistoryEntry[];
  listed: DatastoreProperties[];
  listing: 'loading' | 'done' | 'more' | { error: FriendlyError };
}

/** Starts loading once; returns what has arrived. */
export function useDatastoreChoices(store: Promise<WizardStore | undefined>, connection: () => Promise<Connection>): DatastoreChoicesState {
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [listed, setListed] = useState<DatastoreProperties[]>([]);
  const [listing, setListing] = useState<DatastoreChoicesState['listing']>('loading');
  useEffect(() => {
    let current = true;
    void store.then((opened) => current && setHistory(opened?.history.list() ?? []));
    // Listing loads the SDK: after the first frame, never before.
    const timer = setTimeout(() => {
      void (async () => {
        const { gateway } = await connection();
        let nextToken: string | undefined;
        for (let page = 0; page < MAX_PAGES; page += 1) {
          const result = await gateway.list(nextToken ? { NextToken: nextToken } : {});
          if (!current) return;
          setListed((before) => [...before, ...result.DatastorePropertiesList]);
          nextToken = result.NextToken;
          if (!nextToken) return setListing('done');
        }
        setListing('more');
      })().catch((error: unknown) => current && setListing({ error: friendlyOf(error) }));
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, after the first frame
  }, []);
  return { history, listed, listing };
}
