import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateResult, HealthLakeGateway } from '../../src/aws/types.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { openStore } from '../../src/store/index.js';
import { createApp } from '../../src/ui/app.js';
import { emulatorDeps, startTestEmulator } from './support/emulator-deps.js';
import { drive, KEY, type InkDriver } from './support/ink-driver.js';

const ALL = PARAMETERS.map((parameter) => parameter.name);
let emulator: RunningEmulator;
let dir: string;
let driver: InkDriver | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(() => {
  driver?.unmount();
  driver = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function freshStore() {
  dir = mkdtempSync(join(tmpdir(), 'hlw-ui-'));
  return openStore({ configDir: dir });
}

function start(deps: ReturnType<typeof emulatorDeps>, initial: Record<string, unknown> = {}, given: string[] = [], sandbox = false) {
  driver = drive(createApp(deps, { mode: 'wizard', flow: { initial: initial as never, given, clientToken: 'token-1', sandbox }, options: sandbox ? { sandbox } : {} }));
  return driver;
}

/** Waits for the text and for the header's target (resolved after the first frame), so that keys follow a settled screen. */
async function settled(screen: InkDriver, text: string) {
  await screen.waitFor(text);
  await screen.waitFor(/region us-east-1|nothing goes to AWS/);
}

describe('start screen', () => {
  it('without credentials, explains how to configure AWS and offers the sandbox first; choosing it shows the badge', async () => {
    const deps = emulatorDeps(emulator, { credentialsFound: false });
    const screen = start(deps);
    await screen.waitFor('No AWS credentials were found');
    await screen.waitFor('aws configure sso');
    await screen.waitFor(/› Try it in the sandbox/);
    expect(screen.frame()).not.toContain('SANDBOX');
    await screen.press(KEY.enter);
    await screen.waitFor('Step 1 of 7');
    await screen.waitFor('SANDBOX');
    await screen.waitFor(() => deps.connectedSandbox.includes(true));
  });

  it('starts from a preset picked in the picker, asking only what is missing or invalid', async () => {
    const store = freshStore();
    // What the preset leaves out (encryption, tags, identity provider) stays left out: nothing is missing.
    store.presets.save('team-defaults', { DatastoreTypeVersion: 'R4', DatastoreName: 'from-preset', 'PreloadDataConfig.PreloadDataType': 'SYNTHEA' });
    const screen = start(emulatorDeps(emulator, { store }));
    await screen.waitFor('How do you want to start?');
    await screen.press(KEY.down);
    await screen.waitFor(/› Start from a preset/);
    await screen.press(KEY.enter);
    await screen.waitFor('team-defaults');
    await screen.press(KEY.enter);
    await screen.waitFor(/Review[\s\S]*Data store name\s+from-preset[\s\S]*Preloaded data type\s+SYNTHEA/);
  });

  it('starts from the last answers with the token of this run', async () => {
    const store = freshStore();
    store.lastAnswers.set({ DatastoreTypeVersion: 'R4', DatastoreName: 'last-time' });
    const screen = start(emulatorDeps(emulator, { store }));
    await screen.waitFor('Start from the last answers');
    await screen.press(KEY.down);
    await screen.press(KEY.enter);
    await screen.waitFor('last-time');
    await screen.waitFor('Step 1 of 7');
  });

  it('resumes a pending submission with one key and its recorded token', async () => {
    const store = freshStore();
    store.journal.begin({ clientToken: 'resume-token-1', request: { DatastoreTypeVersion: 'R4', DatastoreName: 'pending-one', ClientToken: 'resume-token-1' }, target: { region: emulator.region, endpoint: emulator.url, sandbox: false }, startedAt: new Date().toISOString() });
    const deps = emulatorDeps(emulator, { store });
    const screen = start(deps);
    await screen.waitFor('Resume "pending-one"');
    await screen.press('r');
    await screen.waitFor('The data store is ACTIVE', 10_000);
    expect(emulator.datastores().filter((datastore) => datastore.request.ClientToken === 'resume-token-1')).toHaveLength(1);
    expect((await deps.exited).code).toBe(0);
  });
  it('a failed resume stays bound to its original target and token: c resends it there, never creates here', async () => {
    // The submission was sent to another endpoint than the one the wizard now targets; there, every attempt of
    // the first resend is reset (outcome unknown).
    const original = await startTestEmulator();
    try {
      original.faults.schedule('reset', 5, 'CreateFHIRDatastore');
      const store = freshStore();
      const submission = { clientToken: 'bound-token-1', request: { DatastoreTypeVersion: 'R4' as const, DatastoreName: 'bound-one', ClientToken: 'bound-token-1' }, target: { region: original.region, endpoint: original.url, sandbox: false }, startedAt: '2026-01-02T03:04:05.000Z' };
      store.journal.begin(submission);
      const deps = emulatorDeps(emulator, { store });
      const screen = start(deps);
      await screen.waitFor('Resume "bound-one"');
      await screen.press('r');
      await screen.waitFor('was interrupted', 15_000);
      await screen.waitFor(/is still pending:\s+Enter sends\s+it there again/);
      expect(store.journal.pending()).toEqual([submission]);
      screen.write('e'); // editing is refused while bound: the next key still acts on review
      await screen.press('c');
      await screen.waitFor('Create the data store "bound-one"?');
      await screen.press('y');
      await screen.waitFor('The data store is ACTIVE', 10_000);
      expect(original.datastores().map((datastore) => datastore.clientToken)).toEqual(['bound-token-1']);
      expect(emulator.datastores().filter((datastore) => datastore.clientToken === 'bound-token-1')).toEqual([]);
      expect(store.journal.pending()).toEqual([]);
      expect((await deps.exited).code).toBe(0);
    } finally {
      await original.stop();
    }
  });
});

describe('review', () => {
  it('saves a preset from the dialog and refuses a bad name clearly', async () => {
    const store = freshStore();
    const screen = start(emulatorDeps(emulator, { store }), { DatastoreTypeVersion: 'R4', DatastoreName: 'saved' }, ALL);
    await settled(screen, 'Review');
    await screen.press('s');
    await screen.waitFor('Save these answers as a preset');
    await screen.type('bad/name');
    await screen.press(KEY.enter);
    await screen.waitFor(/✗ .*name/i);
    for (let i = 0; i < 'bad/name'.length; i++) await screen.press(KEY.backspace);
    await screen.type('clinic-1');
    await screen.press(KEY.enter);
    await screen.waitFor('Saved preset "clinic-1"');
    expect(store.presets.get('clinic-1')?.answers).toEqual({ DatastoreTypeVersion: 'R4', DatastoreName: 'saved' });
  });

  it('returns to review on a submission error with the field highlighted and the answers kept', async () => {
    // Narrow case: forcing one specific service error is what an in-memory gateway is for.
    const refusing: HealthLakeGateway = {
      target: async () => ({ region: 'us-east-1', sandbox: false }),
      create: async () => {
        throw Object.assign(new Error('refused'), { friendly: { code: 'AccessDenied', message: 'Access denied to the KMS key alias/mine.', fix: 'Let HealthLake create a grant on the key.', exitCode: 254, field: 'SseConfiguration.KmsEncryptionConfig.KmsKeyId', transient: false } });
      },
      resume: async () => ({}) as CreateResult,
      describe: async () => {
        throw new Error('unused');
      },
      watch: async function* () {},
      list: async () => {
        throw new Error('unused');
      },
      listTags: async () => {
        throw new Error('unused');
      },
      delete: async () => {
        throw new Error('unused');
      },
    };
    const answers = { DatastoreTypeVersion: 'R4', DatastoreName: 'keep-me', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY', 'SseConfiguration.KmsEncryptionConfig.KmsKeyId': 'alias/mine' };
    const screen = start(emulatorDeps(undefined, { gateway: refusing }), answers, ALL);
    await settled(screen, 'Review');
    await screen.press('c', 'y');
    await screen.waitFor('Access denied to the KMS key');
    await screen.waitFor('Fix: Let HealthLake create a grant');
    await screen.waitFor(/› ! KMS key\s+alias\/mine/);
    await screen.waitFor(/Data store name\s+keep-me/);
  });

  it('keeps the last answers when a submission fails before anything was sent', async () => {
    const store = freshStore();
    const noCredentials: HealthLakeGateway = {
      target: async () => ({ region: 'us-east-1', sandbox: false }),
      create: async () => {
        throw Object.assign(new Error('no credentials'), { friendly: { code: 'NoCredentials', message: 'No AWS credentials were found.', fix: 'Run aws configure.', exitCode: 253, transient: false } });
      },
      resume: async () => ({}) as CreateResult,
      describe: async () => {
        throw new Error('unused');
      },
      watch: async function* () {},
      list: async () => {
        throw new Error('unused');
      },
      listTags: async () => {
        throw new Error('unused');
      },
      delete: async () => {
        throw new Error('unused');
      },
    };
    const screen = start(emulatorDeps(undefined, { gateway: noCredentials, store }), { DatastoreTypeVersion: 'R4', DatastoreName: 'typed-once' }, ALL);
    await settled(screen, 'Review');
    await screen.press(KEY.enter);
    await screen.waitFor('Create the data store "typed-once"?');
    await screen.press('y');
    await screen.waitFor('No AWS credentials were found.');
    expect(store.lastAnswers.get()).toEqual({ DatastoreTypeVersion: 'R4', DatastoreName: 'typed-once' });
  });

  it('shows a long value whole on demand (v) and back', async () => {
    const lambda = 'arn:aws:lambda:us-east-1:111122223333:function:a-very-long-token-decoder-name-for-the-smart-on-fhir-data-store:live';
    const metadata = JSON.stringify({ authorization_endpoint: 'https://auth.example.com/authorize', token_endpoint: 'https://auth.example.com/token', grant_types_supported: ['authorization_code'], capabilities: ['launch-standalone'], code_challenge_methods_supported: ['S256'] });
    const answers = { DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': metadata, 'IdentityProviderConfiguration.IdpLambdaArn': lambda };
    const screen = start(emulatorDeps(emulator), answers, ALL);
    await settled(screen, 'Review');
    await screen.waitFor(/› +Create data store/);
    expect(screen.frame()).not.toContain(lambda);
    // ↑ from the action: the client token, then the Lambda ARN.
    await screen.press(KEY.up, KEY.up);
    await screen.waitFor(/› +IdP Lambda ARN[\s\S]*v view whole/);
    await screen.press('v');
    // Wider than the terminal: wrapped between its parts, never cut.
    await screen.waitFor((frame) => frame.replace(/\n/g, '').includes(lambda));
    await screen.press(KEY.escape);
    await screen.waitFor(/› +IdP Lambda ARN/);
    await screen.press(KEY.up);
    await screen.waitFor(/› +SMART metadata[\s\S]*v view whole/);
    await screen.press('v');
    await screen.waitFor('"token_endpoint": "https://auth.example.com/token"');
  });

  it('edits a field from review and comes back to review', async () => {
    const screen = start(emulatorDeps(emulator), { DatastoreTypeVersion: 'R4', DatastoreName: 'before' }, ALL);
    await settled(screen, 'Review');
    // The primary action is selected; ↓ wraps to the first row, and Enter on a row edits it.
    await screen.waitFor(/› +Create data store[\s\S]*Enter create/);
    await screen.press(KEY.down);
    await screen.waitFor(/› +Data store name[\s\S]*Enter edit/);
    await screen.press(KEY.enter);
    await screen.waitFor('Step 1 of 7');
    await screen.type('-after');
    await screen.press(KEY.enter);
    await screen.waitFor('Review');
    await screen.waitFor(/Data store name\s+before-after/);
  });
});

describe('Ctrl+C', () => {
  it('asks before discarding answers, stays on n, exits 130 on y', async () => {
    const deps = emulatorDeps(emulator);
    const screen = start(deps, { DatastoreTypeVersion: 'R4' }, ['DatastoreTypeVersion']);
    await settled(screen, 'Step 1 of 7');
    await screen.press(KEY.ctrlC);
    await screen.waitFor('Quit and discard your answers?');
    await screen.press('n');
    await screen.waitFor((frame) => !frame.includes('Quit and discard'));
    await screen.press(KEY.ctrlC);
    screen.write('y');
    expect((await deps.exited).code).toBe(130);
  });
});
