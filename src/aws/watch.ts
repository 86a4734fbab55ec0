/**
 * The status watcher: polls DescribeFHIRDatastore until the `FHIRDatastoreActive` waiter's conditions are met
 * (ACTIVE succeeds; CREATE_FAILED or DELETED fail), reporting every check and every transient error as an event.
 * Time is injected (`now`, `sleep`), so the schedule can be checked with a fake clock.
 */
import { FriendlyFailure, toFriendlyError } from './errors.js';
import type { DatastoreProperties, DatastoreStatus, StatusEvent, WatchGoal } from './types.js';

/**
 * Delays between checks while CREATING: quick at first (small creations in the emulator, a slow human watching),
 * then capped at 12 s — for a 20-minute creation that is about 100 calls and at most 12 s between the switch to
 * ACTIVE and its detection (the waiter's own 60 s delay would be up to a minute late).
 */
export const POLL_DELAYS_MS: readonly number[] = [2000, 3000, 5000, 8000, 12_000];

/** Delays after consecutive transient errors (throttling, 5xx, network): exponential, capped. */
export const ERROR_DELAYS_MS: readonly number[] = [2000, 4000, 8000, 15_000];

/** The schedule: how long to wait before the next check. */
export interface WatchSchedule {
  /** After the `attempt`-th (0-based) successful check that did not end the watch. */
  afterCheck(attempt: number): number;
  /** After the `consecutive`-th (0-based) transient error in a row. */
  afterError(consecutive: number): number;
}

function stepped(delays: readonly number[], index: number): number {
  return delays[Math.min(index, delays.length - 1)]!;
}

/** The default schedule (pure). */
export const DEFAULT_SCHEDULE: WatchSchedule = {
  afterCheck: (attempt) => stepped(POLL_DELAYS_MS, attempt),
  afterError: (consecutive) => stepped(ERROR_DELAYS_MS, consecutive),
};

/**
 * The schedule's figures for a creation taking `durationMs` (pure, fake clock): the number of describe calls
 * until ACTIVE is seen, and the delay between the switch to ACTIVE and its detection.
 */
export function scheduleFigures(durationMs: number, schedule: WatchSchedule = DEFAULT_SCHEDULE): { calls: number; detectionLagMs: number } {
  let clock = 0;
  let calls = 0;
  for (;;) {
    calls += 1;
    if (clock >= durationMs) return { calls, detectionLagMs: clock - durationMs };
    clock += schedule.afterCheck(calls - 1);
  }
}

/** How the watcher reads the data store. */
export type DescribeDatastore = (datastoreId: string, options: { signal?: AbortSignal }) => Promise<DatastoreProperties>;

/** Injected time and cancellation. */
export interface WatchOptions {
  now?: () => number;
  /** Resolves after `ms`, or rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  schedule?: WatchSchedule;
  /** `deleted`: wait for DELETED instead of ACTIVE (a data store being deleted has no failure state). */
  until?: WatchGoal;
}

/** A real-time sleep that ends early (rejecting) when the signal aborts. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // The reason is an Error: the AbortError DOMException, or the Error a caller aborts with.
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const SUCCESS: readonly DatastoreStatus[] = ['ACTIVE'];
const FAILURE: readonly DatastoreStatus[] = ['CREATE_FAILED', 'DELETED'];

/** The watch's end states and their outcomes, by goal. */
function outcomeOf(status: DatastoreStatus, goal: WatchGoal): 'active' | 'failed' | 'deleted' | undefined {
  if (goal === 'deleted') return status === 'DELETED' ? 'deleted' : undefined;
  return SUCCESS.includes(status) ? 'active' : FAILURE.includes(status) ? 'failed' : undefined;
}

/**
 * Watches a data store until it is ACTIVE (`done/active`) or CREATE_FAILED/DELETED (`done/failed`, with the
 * ErrorCause in `properties`). Transient errors become `transient-error` events and the watch goes on;
 * other errors (access denied, not found, ...) end it by throwing a FriendlyFailure. Aborting the signal ends
 * the iteration quietly.
 */
export async function* watchDatastoreStatus(
  describe: DescribeDatastore,
  datastoreId: string,
  options: WatchOptions = {},
): AsyncGenerator<StatusEvent> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const schedule = options.schedule ?? DEFAULT_SCHEDULE;
  const { signal } = options;
  let checks = 0;
  let errorsInRow = 0;
  while (!signal?.aborted) {
    let delay: number;
    try {
      const properties = await describe(datastoreId, { signal });
      const at = new Date(now());
      errorsInRow = 0;
      const outcome = outcomeOf(properties.DatastoreStatus, options.until ?? 'active');
      if (outcome) {
        yield { type: 'status', properties, at };
        yield { type: 'done', outcome, properties, at };
        return;
      }
      delay = schedule.afterCheck(checks);
      checks += 1;
      yield { type: 'status', properties, at, nextCheckAt: new Date(at.getTime() + delay) };
    } catch (error) {
      if (signal?.aborted) return;
      const friendly = toFriendlyError(error, { operation: 'describe', datastoreId });
      if (!friendly.transient) throw new FriendlyFailure(friendly, error);
      const at = new Date(now());
      delay = schedule.afterError(errorsInRow);
      errorsInRow += 1;
      yield { type: 'transient-error', error: friendly, at, nextCheckAt: new Date(at.getTime() + delay) };
    }
    try {
      await sleep(delay, signal);
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
  }
}
