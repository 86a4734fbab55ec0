/**
 * Shared set-up for the emulator tests: start emulators and real SDK clients pointed at them, and stop them all
 * after each test so no port or socket is left behind; `waitFor` polls a condition with a deadline.
 */
import { HealthLakeClient, type HealthLakeClientConfig } from '@aws-sdk/client-healthlake';
import { afterEach } from 'vitest';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

const running: RunningEmulator[] = [];
const clients: HealthLakeClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

/** Starts an emulator that is stopped after the test. */
export async function emulatorForTest(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ createDelayMs: 50, deleteDelayMs: 50, ...options });
  running.push(emulator);
  return emulator;
}

/** A real HealthLake client talking HTTP to the emulator (sandbox credentials unless overridden). */
export function clientFor(emulator: RunningEmulator, config: Partial<HealthLakeClientConfig> = {}): HealthLakeClient {
  const client = new HealthLakeClient({
    endpoint: emulator.url,
    region: emulator.region ?? SANDBOX_REGION,
    credentials: { ...SANDBOX_CREDENTIALS },
    ...config,
  });
  clients.push(client);
  return client;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number }; code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string; $metadata?: { httpStatusCode?: number }; code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
