import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { createApp } from '../../src/ui/app.js';
import { applyColorPreference } from '../../src/ui/render-app.js';
import { emulatorDeps } from './support/emulator-deps.js';
import { drive } from './support/ink-driver.js';

const CREATE_DELAY_MS = 60_000;
// The emulator's clock stands still until the test moves it: the panel sees CREATING however slow the machine.
let clock = Date.now();
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ createDelayMs: CREATE_DELAY_MS, now: () => clock });
});
afterAll(async () => {
  await emulator.stop();
});

describe('status panel for an existing data store', () => {
  it('shows id, ARN, a live badge and the resume hint, then ACTIVE with next steps', async () => {
    const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS } });
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'panel' });
    const deps = emulatorDeps(emulator);
    const screen = drive(createApp(deps, { mode: 'status', datastoreId: created.DatastoreId, sandbox: false, options: {} }));
    await screen.waitFor(/CREATING[\s\S]*Checked/);
    await screen.waitFor(created.DatastoreArn.slice(0, 40));
    await screen.waitFor(`healthlake-wizard status ${created.DatastoreId}`);
    expect(screen.frame()).not.toContain('The data store is ACTIVE');
    clock += CREATE_DELAY_MS;
    await screen.waitFor('The data store is ACTIVE', 10_000);
    await screen.waitFor(new RegExp(`healthlake-wizard delete \\\\?\\s*${created.DatastoreId}`));
    await screen.waitFor('curl --aws-sigv4');
    expect(await deps.exited).toEqual({ code: 0 });
    screen.unmount();
  });
});

describe('age and expiry', () => {
  it('shows when the data store was created, how long ago, and when its expiry tag says it expires', async () => {
    const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS } });
    const expiresAt = new Date(Date.now() + 4 * 3_600_000 + 30 * 60_000);
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'expiring', Tags: [{ Key: EXPIRY_TAG_KEY, Value: `${expiresAt.toISOString().slice(0, 19)}Z` }] });
    const deps = emulatorDeps(emulator);
    const screen = drive(createApp(deps, { mode: 'status', datastoreId: created.DatastoreId, sandbox: false, options: {} }));
    await screen.waitFor(/Created\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+s ago\)/);
    await screen.waitFor(new RegExp(`Expires\\s+in 4h (29|30)m \\(${expiresAt.toISOString().slice(0, 19)}Z\\)`));
    clock += CREATE_DELAY_MS;
    await screen.waitFor('The data store is ACTIVE', 10_000);
    screen.unmount();

    // Already ACTIVE: the watch ends at its first description, the expiry still shows.
    const again = drive(createApp(emulatorDeps(emulator), { mode: 'status', datastoreId: created.DatastoreId, sandbox: false, options: {} }));
    await again.waitFor('The data store is ACTIVE', 10_000);
    await again.waitFor(/Expires\s+in 4h/);
    again.unmount();
  });
});

describe('the tags\' answer in the last frame', () => {
  const expiring = async () => {
    const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS } });
    const expiresAt = `${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 19)}Z`;
    const created = await gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: 'late-tags', Tags: [{ Key: EXPIRY_TAG_KEY, Value: expiresAt }] });
    clock += CREATE_DELAY_MS;
    return { gateway, created, expiresAt };
  };

  it('waits for tags answered after the watch ended (an ACTIVE data store) before leaving', async () => {
    const { gateway, created, expiresAt } = await expiring();
    let answerTags: () => void = () => undefined;
    const tagsAnswered = new Promise<void>((resolve) => (answerTags = resolve));
    const late = { ...gateway, listTags: async (arn: string) => (await tagsAnswered, gateway.listTags(arn)) };
    const deps = emulatorDeps(emulator, { gateway: late });
    let left = false;
    void deps.exited.then(() => (left = true));
    const screen = drive(createApp(deps, { mode: 'status', datastoreId: created.DatastoreId, sandbox: false, options: {} }));
    await screen.waitFor(/The data store is ACTIVE/);
    await screen.waitFor(/Expires\s+reading its tags…/);
    expect(left).toBe(false);
    answerTags();
    expect(await deps.exited).toEqual({ code: 0 });
    expect(screen.frame()).toContain(`(${expiresAt})`);
    screen.unmount();
  });

  it('says that the tags could not be read, and still ends', async () => {
    const { gateway, created } = await expiring();
    const denied = { ...gateway, listTags: async () => Promise.reject(new Error('User is not authorized to perform: healthlake:ListTagsForResource')) };
    const deps = emulatorDeps(emulator, { gateway: denied });
    const screen = drive(createApp(deps, { mode: 'status', datastoreId: created.DatastoreId, sandbox: false, options: {} }));
    expect(await deps.exited).toEqual({ code: 0 });
    expect(screen.frame().replace(/\s+/g, ' ')).toContain('Expires unknown: its tags could not be read. User is not authorized to perform: healthlake:ListTagsForResource');
    screen.unmount();
  });
});

describe('colour preference', () => {
  it('turns colour off for NO_COLOR and --color off, on for --color on', () => {
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    applyColorPreference(undefined, env);
    expect(env.FORCE_COLOR).toBe('0');
    const forced: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    applyColorPreference('on', forced);
    expect(forced.FORCE_COLOR).toBe('1');
    const off: NodeJS.ProcessEnv = {};
    applyColorPreference('off', off);
    expect(off.FORCE_COLOR).toBe('0');
    const auto: NodeJS.ProcessEnv = {};
    applyColorPreference('auto', auto);
    expect(auto.FORCE_COLOR).toBeUndefined();
  });
});
