/**
 * The checks about the account and Region rather than one resource: HealthLake offered in the Region, the data
 * stores already there against the default quota, and one with the same name (ListFHIRDatastores, read-only).
 */
import { wizardKey } from '../../request/issues.js';
import { HEALTHLAKE_REGIONS, isHealthLakeRegion } from '../healthlake-regions.js';
import type { DatastoreProperties } from '../types.js';
import { errorText, isAccessDenied, type CheckContext } from './check-context.js';
import { QUOTA_CHECK, REGION_CHECK, sameNameCheck } from './planned-checks.js';
import type { PlannedCheck, PreflightResult } from './types.js';

/**
 * The default quota of data stores per account and Region (AWS General Reference, "AWS HealthLake endpoints and
 * quotas": "Number of data stores per account", adjustable), which counts the active ones.
 */
export const DEFAULT_DATASTORE_QUOTA = 10;

/** The statuses counted against the quota: every data store not deleted and not failed. */
const COUNTED = new Set(['CREATING', 'ACTIVE', 'DELETING']);

/** HealthLake offered in the target Region. */
export function checkRegion(context: CheckContext): PreflightResult {
  const { region } = context;
  if (isHealthLakeRegion(region)) return { ...REGION_CHECK, status: 'passed', summary: `HealthLake is offered in ${region}.` };
  const offered = HEALTHLAKE_REGIONS.map((known) => known.code).join(', ');
  if (context.endpointOverride) {
    return { ...REGION_CHECK, status: 'warning', summary: `${region} is not a HealthLake Region; the endpoint override may still answer.`, fix: { text: `HealthLake's Regions: ${offered}.` } };
  }
  return {
    ...REGION_CHECK,
    status: 'failed',
    summary: `HealthLake is not offered in ${region}.`,
    // The wizard changes the Region with its target picker: the key is named from the key table.
    fix: { text: `Choose one of ${offered} (--region).`, wizardFix: `Press ${wizardKey('changeTarget')} to choose one of ${offered}; every answer is kept.` },
  };
}

/** Every data store of the Region (all pages), or the error. */
export async function allDatastores(context: CheckContext): Promise<DatastoreProperties[]> {
  const all: DatastoreProperties[] = [];
  let token: string | undefined;
  do {
    const page = await context.list({ MaxResults: 500, ...(token ? { NextToken: token } : {}) });
    all.push(...page.DatastorePropertiesList);
    token = page.NextToken;
  } while (token);
  return all;
}

function notListed(planned: PlannedCheck, error: unknown): PreflightResult {
  const why = isAccessDenied(error) ? 'No permission to list the data stores (healthlake:ListFHIRDatastores)' : 'ListFHIRDatastores failed';
  const friendly = (error as { friendly?: { message?: string } }).friendly?.message;
  return { ...planned, status: 'not-checked', summary: 'The data stores could not be listed.', reason: `${why}: ${friendly ?? errorText(error)}` };
}

/** The Region's data stores against the default quota; a warning at the limit. */
export function checkQuota(datastores: readonly DatastoreProperties[] | { error: unknown }): PreflightResult {
  if ('error' in datastores) return notListed(QUOTA_CHECK, datastores.error);
  const counted = datastores.filter((datastore) => COUNTED.has(datastore.DatastoreStatus)).length;
  const line = `${counted} data store${counted === 1 ? '' : 's'} (creating, active or deleting) of the default quota of ${DEFAULT_DATASTORE_QUOTA}`;
  if (counted < DEFAULT_DATASTORE_QUOTA) return { ...QUOTA_CHECK, status: 'passed', summary: `${line}.` };
  return {
    ...QUOTA_CHECK,
    status: 'warning',
    summary: `${line}: at the limit, unless your quota was raised.`,
    fix: { text: 'Delete a data store you no longer need (healthlake-wizard list, then healthlake-wizard delete ID), or check and raise the quota in Service Quotas ("Number of data stores per account").' },
  };
}

/** A data store with the same name already there (a warning: names need not be unique). */
export function checkSameName(name: string, datastores: readonly DatastoreProperties[] | { error: unknown }): PreflightResult {
  const planned = sameNameCheck(name);
  if ('error' in datastores) return notListed(planned, datastores.error);
  const same = datastores.filter((datastore) => datastore.DatastoreName === name && datastore.DatastoreStatus !== 'DELETED');
  if (same.length === 0) return { ...planned, status: 'passed', summary: `No other data store is named ${name}.` };
  return {
    ...planned,
    status: 'warning',
    summary: `${same.length === 1 ? 'A data store is' : `${same.length} data stores are`} already named ${name}: ${same.map((datastore) => `${datastore.DatastoreId} (${datastore.DatastoreStatus})`).join(', ')}. Names need not be unique.`,
    fix: { text: 'Choose another name if you tell data stores apart by name.' },
  };
}
