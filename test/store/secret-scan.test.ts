/**
 * No credential ever reaches the store's files. A full run goes through the real gateway and SDK, signed with
 * temporary credentials (with a session token), against the emulator on 127.0.0.1, with the real store
 * recording journal and history; presets and last answers are saved with credentials pasted into fields. Then
 * every file in the directory, backups included, is scanned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { openStore } from '../../src/store/index.js';
import { tempDir, VALID_ANSWERS } from './store-fixtures.js';

const CREDENTIALS = {
  accessKeyId: 'ASIAQSCANTEST7EXAMPL',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSCANTESTKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENscanTEST//////////wEaCXVzLWVhc3QtMSJHMEUCIQ',
};
const SSO_ACCESS_TOKEN = 'aoaAAAAAGSSOACCESSTOKENEXAMPLEscanTEST0123456789';

/** What must never appear in a file: the values used, and the shapes and key names of credentials. */
const FORBIDDEN: RegExp[] = [
  ...[CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken, SSO_ACCESS_TOKEN].map((value) => new RegExp(value.replace(/[/+]/g, '\\$&'))),
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
  /secret_?access_?key/i,
  /session_?token/i,
  /security_?token/i,
  /access_?token/i,
  /refresh_?token/i,
  /client_?secret/i,
];

function scan(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const pattern of FORBIDDEN) if (pattern.test(text)) found.push(`${name}: ${pattern}`);
  }
  return found;
}

let temp: ReturnType<typeof tempDir>;
let emulator: RunningEmulator;
const savedEnv = { ...process.env };
beforeEach(async () => {
  temp = tempDir();
  emulator = await startEmulator({ port: 0, createDelayMs: 50, credentials: [CREDENTIALS] });
  // As if the user's shell held temporary credentials: the store must recognise them if pasted into a field.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey, AWS_SESSION_TOKEN: CREDENTIALS.sessionToken });
});
afterEach(async () => {
  await emulator.stop();
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  temp.remove();
});

describe('secret scan', () => {
  it('finds no credential in any file after full store operations', async () => {
    const store = openStore({ configDir: temp.dir });
    const gateway = createGateway(
      { endpointUrl: emulator.url, region: emulator.region, sandbox: true },
      { credentials: { ...CREDENTIALS }, env: {}, schedule: { afterCheck: () => 20, afterError: () => 20 }, store },
    );
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'scan-test' });
    const outcomes: string[] = [];
    for await (const event of gateway.watch(created.DatastoreId)) if (event.type === 'done') outcomes.push(event.outcome);
    expect(outcomes).toEqual(['active']);
    expect(store.history.list()).toMatchObject([{ datastoreId: created.DatastoreId, lastStatus: 'ACTIVE', sandbox: true }]);
    expect(store.journal.pending()).toEqual([]);

    // A submission left pending, as after a crash: the journal holds the request and token, nothing else.
    store.journal.begin({ clientToken: 'c0ffee00-0000-4000-8000-000000000000', request: { DatastoreTypeVersion: 'R4' }, target: await gateway.target(), startedAt: new Date().toISOString() });

    // Credentials pasted into fields: refused in a preset, left out of last answers.
    for (const pasted of [CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, `token=${CREDENTIALS.sessionToken}`]) {
      expect(() => store.presets.save('leaky', { ...VALID_ANSWERS, Tags: [{ Key: 'k', Value: pasted }] })).toThrow(/Tags\[0\]\.Value looks like an AWS credential/);
    }
    expect(() => store.presets.save('leaky', { ...VALID_ANSWERS, DatastoreName: CREDENTIALS.accessKeyId })).toThrow(/DatastoreName looks like an AWS credential/);
    store.lastAnswers.set({ ...VALID_ANSWERS, DatastoreName: CREDENTIALS.accessKeyId, Tags: [{ Key: 'token', Value: CREDENTIALS.sessionToken }, { Key: 'team', Value: 'care' }] });
    expect(store.lastAnswers.get()).toEqual({
      DatastoreTypeVersion: 'R4',
      'SseConfiguration.KmsEncryptionConfig.CmkType': 'AWS_OWNED_KMS_KEY',
      Tags: [{ Key: 'team', Value: 'care' }],
    });
    store.presets.save('clean', VALID_ANSWERS, 'no secrets here');

    const files = readdirSync(temp.dir).sort();
    expect(files).toEqual(['history.json', 'journal.json', 'presets.json', 'state.json']);
    expect(scan(temp.dir)).toEqual([]);
  });

  it('can fail: the scan sees a credential written into a file', () => {
    const store = openStore({ configDir: temp.dir });
    // History entries are not filtered (the AWS layer writes them); a profile name holding a key shows up.
    store.history.add({ datastoreId: 'x'.repeat(32), datastoreArn: 'arn', region: 'us-east-1', profile: CREDENTIALS.accessKeyId, endpoint: '', sandbox: true, createdAt: '2026-01-01T00:00:00.000Z', lastStatus: 'ACTIVE', lastSeenAt: '2026-01-01T00:00:00.000Z' });
    expect(scan(temp.dir)).not.toEqual([]);
  });
});
