import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, scheduleFigures, watchDatastoreStatus } from '../../src/aws/watch.js';
import { FriendlyFailure } from '../../src/aws/errors.js';
import type { DatastoreProperties, DatastoreStatus, StatusEvent } from '../../src/aws/types.js';

function properties(status: DatastoreStatus, extra: Partial<DatastoreProperties> = {}): DatastoreProperties {
  return {
    DatastoreId: 'a'.repeat(32),
    DatastoreArn: 'arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/' + 'a'.repeat(32),
    DatastoreStatus: status,
    DatastoreTypeVersion: 'R4',
    DatastoreEndpoint: 'https://healthlake.us-east-1.amazonaws.com/datastore/x/r4/',
    ...extra,
  };
}

/** A fake clock: sleep advances time instantly. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms;
    },
  };
}

async function collect(iterable: AsyncIterable<StatusEvent>): Promise<StatusEvent[]> {
  const events: StatusEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe('watch schedule', () => {
  it('starts fast, backs off, and is capped between 10 and 15 seconds', () => {
    const delays = Array.from({ length: 30 }, (_, i) => DEFAULT_SCHEDULE.afterCheck(i));
    expect(delays[0]).toBeLessThanOrEqual(2000);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(15_000);
  });

  it('needs at most ~120 calls and detects ACTIVE within 15 s for creations up to 20 minutes', () => {
    for (const minutes of [0.05, 1, 5, 10, 20]) {
      const figures = scheduleFigures(minutes * 60_000);
      expect(figures.detectionLagMs).toBeLessThanOrEqual(15_000);
      expect(figures.calls).toBeLessThanOrEqual(120);
    }
    // The figures a benchmark reports.
    expect(scheduleFigures(20 * 60_000)).toEqual({ calls: 104, detectionLagMs: 6000 });
  });

  it('agrees with a watcher run on a fake clock', async () => {
    const clock = fakeClock();
    const activeAt = 20 * 60_000;
    let calls = 0;
    const events = await collect(
      watchDatastoreStatus(async () => {
        calls += 1;
        return properties(clock.now() >= activeAt ? 'ACTIVE' : 'CREATING');
      }, 'id', clock),
    );
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'active' });
    expect(calls).toBe(scheduleFigures(activeAt).calls);
    expect(clock.now() - activeAt).toBe(scheduleFigures(activeAt).detectionLagMs);
  });
});

describe('watchDatastoreStatus', () => {
  it('ends failed with the ErrorCause on CREATE_FAILED, and on DELETED (the waiter rules)', async () => {
    const cause = { ErrorMessage: 'KMS key not usable', ErrorCategory: 'NON_RETRYABLE_ERROR' };
    const failed = await collect(watchDatastoreStatus(async () => properties('CREATE_FAILED', { ErrorCause: cause }), 'id', fakeClock()));
    expect(failed.at(-1)).toMatchObject({ type: 'done', outcome: 'failed', properties: { ErrorCause: cause } });
    const deleted = await collect(watchDatastoreStatus(async () => properties('DELETED'), 'id', fakeClock()));
    expect(deleted.at(-1)).toMatchObject({ type: 'done', outcome: 'failed' });
  });

  it('rides out throttling, 5xx and resets as transient-error events with growing delays', async () => {
    const clock = fakeClock();
    const failures: unknown[] = [
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      Object.assign(new Error('boom'), { name: 'InternalServerException', $fault: 'server', $metadata: { httpStatusCode: 500 } }),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    ];
    let calls = 0;
    const events = await collect(
      watchDatastoreStatus(async () => {
        calls += 1;
        if (failures.length) throw failures.shift();
        return properties(calls > 5 ? 'ACTIVE' : 'CREATING');
      }, 'id', clock),
    );
    const transient = events.filter((event) => event.type === 'transient-error');
    expect(transient.map((event) => event.type === 'transient-error' && event.error.code)).toEqual(['Throttling', 'ServiceUnavailable', 'ConnectionReset']);
    const gaps = transient.map((event) => event.nextCheckAt.getTime() - event.at.getTime());
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]).toBeGreaterThan(gaps[1]!);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'active' });
  });

  it('ends with a FriendlyFailure on access denied or not found', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    await expect(collect(watchDatastoreStatus(async () => { throw denied; }, 'id', fakeClock()))).rejects.toSatisfy(
      (error: unknown) => error instanceof FriendlyFailure && error.friendly.code === 'AccessDenied' && error.friendly.exitCode === 254,
    );
    const missing = Object.assign(new Error('no such'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
    await expect(collect(watchDatastoreStatus(async () => { throw missing; }, 'id', fakeClock()))).rejects.toSatisfy(
      (error: unknown) => error instanceof FriendlyFailure && error.friendly.code === 'NotFound',
    );
  });

  it('stops quietly when aborted while waiting', async () => {
    const controller = new AbortController();
    const events: StatusEvent[] = [];
    for await (const event of watchDatastoreStatus(async () => properties('CREATING'), 'id', { signal: controller.signal })) {
      events.push(event);
      controller.abort();
    }
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'status', properties: { DatastoreStatus: 'CREATING' } });
  });
});
