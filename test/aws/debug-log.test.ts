/**
 * `--debug` in the built binary (create, list, cleanup, delete): the credential source, Region, endpoint and each
 * request and response, and never the secret key or the session token (the output is scanned for both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';

const SESSION = {
  accessKeyId: 'ASIADEBUGEXAMPLE0000',
  secretAccessKey: 'debug-secret-key-must-never-print',
  sessionToken: 'debug-session-token-must-never-print',
  userName: 'debugger',
};

const DELAY_MS = 1000;
// The emulator's clock runs ahead when a test moves it: a data store is ACTIVE exactly when the test says.
let ahead = 0;
const emulatorSettled = () => (ahead += DELAY_MS);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, credentials: [SESSION], createDelayMs: DELAY_MS, now: () => Date.now() + ahead });
  emulator.faults.schedule('throttle', 1, 'CreateFHIRDatastore');
});
afterAll(() => emulator.stop());

/** A throwaway home's environment with the session's keys and token, which the log must never show. */
const signedEnv = (env: NodeJS.ProcessEnv) => ({ ...env, AWS_ACCESS_KEY_ID: SESSION.accessKeyId, AWS_SECRET_ACCESS_KEY: SESSION.secretAccessKey, AWS_SESSION_TOKEN: SESSION.sessionToken });

describe('--debug', () => {
  it('logs the settings and every attempt, with Authorization and X-Amz-Security-Token redacted', async () => {
    const home = emptyHome();
    try {
      const env = signedEnv(home.env);
      const result = await runBinary(['create', '--no-interactive', '--debug', '--datastore-type-version', 'R4', '--endpoint-url', emulator.url, '--region', 'us-east-1'], env);
      expect(result.code).toBe(0);
      const log = result.stderr;
      expect(log).toContain(`region: us-east-1; endpoint: ${emulator.url} (--endpoint-url)`);
      expect(log).toContain('retries: 3 attempts, standard mode');
      expect(log).toContain('credentials: environment variables (AWS_ACCESS_KEY_ID)');
      expect(log).toMatch(/CreateFHIRDatastore: POST http:\/\/127\.0\.0\.1:\d+\/ attempt=1; max=3/);
      expect(log).toMatch(/CreateFHIRDatastore: HTTP 400 ThrottlingException request id [0-9a-f-]{36} after \d+ ms/);
      expect(log).toMatch(/CreateFHIRDatastore: POST http:\/\/127\.0\.0\.1:\d+\/ attempt=2; max=3/);
      expect(log).toMatch(/CreateFHIRDatastore: HTTP 200 request id [0-9a-f-]{36} in \d+ ms/);
      expect(log).toContain('"authorization":"[redacted]"');
      expect(log).toContain('"x-amz-security-token":"[redacted]"');
      for (const secret of [SESSION.secretAccessKey, SESSION.sessionToken]) {
        expect(log).not.toContain(secret);
        expect(result.stdout).not.toContain(secret);
      }
    } finally {
      home.remove();
    }
  });

  it('list, cleanup and delete log their requests too, with the same redaction', async () => {
    const home = emptyHome();
    try {
      const env = signedEnv(home.env);
      const target = ['--endpoint-url', emulator.url, '--region', 'us-east-1', '--debug'];
      const created = await runBinary(['create', '--no-interactive', '--no-wait', '--datastore-type-version', 'R4', ...target.slice(0, -1)], env);
      const { DatastoreId } = JSON.parse(created.stdout) as { DatastoreId: string };
      emulatorSettled();
      const runs = {
        ListFHIRDatastores: await runBinary(['list', '--output', 'json', ...target], env),
        ListTagsForResource: await runBinary(['cleanup', '--dry-run', ...target], env),
        DeleteFHIRDatastore: await runBinary(['delete', DatastoreId, '--yes', '--no-wait', ...target], env),
      };
      for (const [operation, result] of Object.entries(runs)) {
        expect(result.code).toBe(0);
        expect(result.stderr).toContain(`endpoint: ${emulator.url} (--endpoint-url)`);
        expect(result.stderr).toContain('credentials: environment variables (AWS_ACCESS_KEY_ID)');
        expect(result.stderr).toMatch(new RegExp(`${operation}: HTTP 200 request id [0-9a-f-]{36} in \\d+ ms`));
        expect(result.stderr).toContain('"x-amz-security-token":"[redacted]"');
        for (const secret of [SESSION.secretAccessKey, SESSION.sessionToken]) {
          expect(result.stderr).not.toContain(secret);
          expect(result.stdout).not.toContain(secret);
        }
      }
    } finally {
      home.remove();
    }
  });
});
