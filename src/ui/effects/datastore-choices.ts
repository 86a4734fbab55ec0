/**
 * What `status` without an id offers: the target Region's data stores (ListFHIRDatastores) and the local history
 * (created with this tool, marked `*`), merged into one list of picker rows. Pure; tested without rendering.
 */
import type { DatastoreProperties, TargetReport } from '../../aws/types.js';
import type { HistoryEntry } from '../../store/types.js';
import type { PickerItem } from '../inputs/picker/use-picker-state.js';

/** A data store to follow, and where the history says it lives (absent: in the target Region). */
export interface DatastoreChoice {
  datastoreId: string;
  entry?: HistoryEntry;
}

/** The mark of a data store in the local history, as `list` marks it. */
export const HISTORY_MARK = '*';

function where(entry: HistoryEntry): string {
  if (entry.sandbox) return 'sandbox';
  return [entry.region, entry.profile ? `profile ${entry.profile}` : undefined].filter(Boolean).join(' · ');
}

function day(at: Date | string | undefined): string | undefined {
  if (at === undefined) return undefined;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : `created ${date.toISOString().slice(0, 10)}`;
}

/**
 * The rows: the history's data stores first (newest first, so Enter follows the one created last), then the
 * Region's other data stores (newest first). A data store in both is one row, with the Region's fresh status.
 */
export function datastoreItems(listed: readonly DatastoreProperties[], history: readonly HistoryEntry[]): PickerItem<DatastoreChoice>[] {
  const byId = new Map(listed.map((properties) => [properties.DatastoreId, properties]));
  const mine = history.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const mineIds = new Set(mine.map((entry) => entry.datastoreId));
  const rows: PickerItem<DatastoreChoice>[] = mine.map((entry) => {
    const fresh = byId.get(entry.datastoreId);
    const status = fresh?.DatastoreStatus ?? `${entry.lastStatus} when last seen`;
    return {
      value: { datastoreId: entry.datastoreId, entry },
      label: `${HISTORY_MARK} ${entry.datastoreId}`,
      meaning: [status, fresh?.DatastoreName ?? entry.datastoreName, where(entry), day(entry.createdAt)].filter(Boolean).join(' · '),
    };
  });
  const others = listed
    .filter((properties) => !mineIds.has(properties.DatastoreId))
    .sort((a, b) => new Date(b.CreatedAt ?? 0).getTime() - new Date(a.CreatedAt ?? 0).getTime());
  for (const properties of others) {
    rows.push({
      value: { datastoreId: properties.DatastoreId },
      label: `  ${properties.DatastoreId}`,
      meaning: [properties.DatastoreStatus, properties.DatastoreName, day(properties.CreatedAt)].filter(Boolean).join(' · '),
    });
  }
  return rows;
}

/** Where the listed data stores are, for the note under the picker. */
export function targetName(report: TargetReport | undefined): string {
  const target = report?.target;
  if (target === undefined) return 'the Region';
  return target.sandbox ? 'the sandbox' : target.region;
}
