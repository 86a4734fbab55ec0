/**
 * Polling figures for a creation that takes 20 minutes, from the real watcher loop driven by a fake clock: how
 * many DescribeFHIRDatastore calls it makes and how late it notices the switch to ACTIVE.
 */
import type { DatastoreProperties } from '../src/aws/types.js';
import { watchDatastoreStatus } from '../src/aws/watch.js';

const CREATION_MS = 20 * 60_000;

/** Runs the watcher against a data store that turns ACTIVE after `creationMs` of fake time. */
export async function simulatePolling(creationMs = CREATION_MS): Promise<{ calls: number; lagMs: number }> {
  let clock = 0;
  let calls = 0;
  const describe = async (): Promise<DatastoreProperties> => {
    calls += 1;
    return {
      DatastoreId: 'd'.repeat(32),
      DatastoreArn: `arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/${'d'.repeat(32)}`,
      DatastoreStatus: clock >= creationMs ? 'ACTIVE' : 'CREATING',
      DatastoreTypeVersion: 'R4',
      DatastoreEndpoint: `https://healthlake.us-east-1.amazonaws.com/datastore/${'d'.repeat(32)}/r4/`,
    };
  };
  const sleep = async (ms: number) => {
    clock += ms;
  };
  let lagMs = Number.NaN;
  for await (const event of watchDatastoreStatus(describe, 'd'.repeat(32), { now: () => clock, sleep })) {
    if (event.type === 'done') lagMs = clock - creationMs;
  }
  return { calls, lagMs };
}

/** Benchmark rows with targets. */
export async function measurePolling(): Promise<{ name: string; value: string; target: string; pass: boolean }[]> {
  const { calls, lagMs } = await simulatePolling();
  return [
    { name: 'polling, 20-minute creation: describe calls', value: String(calls), target: '<= 120', pass: calls <= 120 },
    { name: 'polling: delay from ACTIVE to panel', value: `${(lagMs / 1000).toFixed(1)} s`, target: '<= 15 s', pass: lagMs <= 15_000 },
  ];
}
