/**
 * The wizard's KMS key and Lambda pickers, against the emulator's KMS and Lambda with the real SDK: the target's
 * keys (usable first, with their state) and functions, filtered by typing; free text where nothing matches; and
 * a text box with the reason and the fix when listing is not allowed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type Fixtures } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { createApp } from '../../src/ui/app.js';
import { kmsKeyItem, resourceItems } from '../../src/ui/effects/resource-choices.js';
import { emulatorDeps } from './support/emulator-deps.js';
import { drive, KEY } from './support/ink-driver.js';

const ALL = PARAMETERS.map((parameter) => parameter.name);
const KMS_KEY = 'SseConfiguration.KmsEncryptionConfig.KmsKeyId';
const CMK = { DatastoreTypeVersion: 'R4', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY' };
const SMART = {
  DatastoreTypeVersion: 'R4',
  'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR',
  'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled': false,
  'IdentityProviderConfiguration.Metadata': JSON.stringify({ authorization_endpoint: 'https://a.example/authorize', token_endpoint: 'https://a.example/token', grant_types_supported: ['authorization_code'], capabilities: ['launch-standalone'], code_challenge_methods_supported: ['S256'] }),
};

const emulators: RunningEmulator[] = [];
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ createDelayMs: 100 });
  emulators.push(emulator);
});
afterAll(async () => {
  await Promise.all(emulators.map((running) => running.stop()));
});

/** The wizard at the first prompt not in `given`, its pickers listing from `on`. */
function wizardAt(on: RunningEmulator, initial: Record<string, unknown>, given: string[]) {
  const deps = emulatorDeps(on, { resources: { credentials: { ...SANDBOX_CREDENTIALS } } });
  const driver = drive(createApp(deps, { mode: 'wizard', flow: { initial: initial as never, given, clientToken: randomUUID() }, options: {} }));
  return { driver, deps };
}

/** The answers at review, read from its table. */
const reviewRow = (frame: string, label: string) => frame.split('\n').find((line) => line.includes(label));

describe('key rows (pure)', () => {
  it('name a key by its first alias, say its state and why it is not usable, and keep an unlisted answer first', () => {
    const disabled = { keyId: 'k2', arn: 'arn:aws:kms:us-east-1:123456789012:key/k2', aliases: ['alias/b', 'alias/a2'], description: 'old', state: 'Disabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', keyManager: 'CUSTOMER', usable: false, unusableBecause: 'Disabled' };
    expect(kmsKeyItem(disabled)).toEqual({ value: 'alias/b', label: 'alias/b', meaning: 'Disabled, unusable · also alias/a2 · old', keywords: 'k2 arn:aws:kms:us-east-1:123456789012:key/k2 alias/b alias/a2' });
    const bare = { ...disabled, aliases: [], state: 'Enabled', keySpec: 'RSA_2048', unusableBecause: 'asymmetric or HMAC (RSA_2048)' };
    expect(kmsKeyItem(bare)).toMatchObject({ value: bare.arn, label: 'k2', meaning: 'Enabled, unusable: asymmetric or HMAC (RSA_2048) · old' });
    expect(resourceItems('kms-key', [disabled], 'alias/elsewhere')[0]).toEqual({ value: 'alias/elsewhere', label: 'alias/elsewhere', meaning: 'as given (not among those listed)' });
    expect(resourceItems('kms-key', [disabled], 'k2')).toHaveLength(1);
  });
});

describe('the KMS key picker', () => {
  it('lists the Region\'s keys, usable first with their state; typing filters; Enter answers with the key\'s alias', async () => {
    const { driver } = wizardAt(emulator, CMK, ALL.filter((name) => name !== 'SseConfiguration').concat('SseConfiguration.KmsEncryptionConfig.CmkType'));
    await driver.waitFor('Encryption › KMS key');
    const listed = await driver.waitFor('alias/sandbox-disabled');
    const rows = listed.split('\n').filter((line) => /alias\/sandbox|alias\/healthlake/.test(line));
    expect(rows.map((row) => row.trim().replace(/^› /, '').split(/\s+/)[0])).toEqual(['alias/healthlake-wizard-fail', 'alias/sandbox-usable', 'alias/sandbox-asymmetric', 'alias/sandbox-disabled']);
    expect(listed).toMatch(/alias\/sandbox-disabled\s+Disabled, unusable/);
    expect(listed).toMatch(/alias\/sandbox-asymmetric\s+Enabled, unusable: asymmetric or HMAC \(RSA_2048\)/);
    expect(listed).toContain('↑↓ choose · Enter next · ? help · Tab skip step');

    await driver.type('sandbox-us');
    const filtered = driver.frame();
    expect(filtered).toMatch(/Filter: sandbox-us\s+1 of 4/);
    expect(filtered).not.toContain('alias/sandbox-disabled');
    await driver.press(KEY.enter);
    const review = await driver.waitFor('Review');
    expect(reviewRow(review, 'KMS key')).toMatch(/KMS key\s+alias\/sandbox-usable/);
    driver.unmount();
  });

  it('starts with the current answer as the filter, its row found at once (Enter keeps it)', async () => {
    const { driver } = wizardAt(emulator, { ...CMK, [KMS_KEY]: 'alias/sandbox-disabled' }, ALL.filter((name) => name !== 'SseConfiguration').concat('SseConfiguration.KmsEncryptionConfig.CmkType'));
    const frame = await driver.waitFor(/Filter: alias\/sandbox-disabled\s+1 of 4/);
    expect(frame).toMatch(/› alias\/sandbox-disabled\s+Disabled, unusable/);
    await driver.press(KEY.enter);
    expect(reviewRow(await driver.waitFor('Review'), 'KMS key')).toMatch(/alias\/sandbox-disabled/);
    driver.unmount();
  });

  it('takes what is typed when no key matches (a key of another account, an ARN), validated as any value', async () => {
    const { driver } = wizardAt(emulator, CMK, ALL.filter((name) => name !== 'SseConfiguration').concat('SseConfiguration.KmsEncryptionConfig.CmkType'));
    await driver.waitFor('alias/sandbox-disabled');
    await driver.type('alias/theirs');
    expect(driver.frame()).toContain('Nothing matches "alias/theirs". Enter uses the typed text.');
    await driver.press(KEY.enter);
    expect(reviewRow(await driver.waitFor('Review'), 'KMS key')).toMatch(/KMS key\s+alias\/theirs/);
    driver.unmount();
  });

  it('is a text box with the reason and the fix when the keys may not be listed (AccessDenied), validated as you type', async () => {
    const denied: Fixtures = { kmsKeys: [{ keyId: 'k1', aliases: ['alias/hidden'] }], lambdaFunctions: [], accessDenied: ['kms:ListKeys'] };
    const locked = await startEmulator({ createDelayMs: 100, fixtures: denied });
    emulators.push(locked);
    const { driver } = wizardAt(locked, CMK, ALL.filter((name) => name !== 'SseConfiguration').concat('SseConfiguration.KmsEncryptionConfig.CmkType'));
    const frame = await driver.waitFor('Listing is not allowed');
    expect(frame.replace(/\s+/g, ' ')).toContain('Type the ARN instead, or allow kms:ListKeys for your identity in us-east-1.');
    expect(frame).not.toContain('Filter:');
    expect(frame).not.toContain('alias/hidden');
    await driver.type('alias/hidden');
    await driver.waitFor('12/400 ✓ valid');
    await driver.press(KEY.enter);
    expect(reviewRow(await driver.waitFor('Review'), 'KMS key')).toMatch(/KMS key\s+alias\/hidden/);
    driver.unmount();
  });
});

describe('the Lambda picker', () => {
  it('lists the Region\'s functions by name and answers with the ARN of the one picked', async () => {
    const given = ALL.filter((name) => name !== 'IdentityProviderConfiguration').concat(
      'IdentityProviderConfiguration.AuthorizationStrategy',
      'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled',
      'IdentityProviderConfiguration.Metadata',
    );
    const { driver } = wizardAt(emulator, SMART, given);
    await driver.waitFor('IdP Lambda ARN');
    const listed = await driver.waitFor('sandbox-token-decoder-no-permission');
    expect(listed).toMatch(/› sandbox-token-decoder\s/);
    await driver.type('no-perm');
    await driver.press(KEY.enter);
    const review = await driver.waitFor('Review');
    expect(reviewRow(review, 'IdP Lambda')).toMatch(/arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-deco/);
    // The whole ARN, as sent.
    await driver.press('c');
    await driver.waitFor('billed per hour');
    await driver.press('y');
    const arn = `arn:aws:lambda:${emulator.region}:123456789012:function:sandbox-token-decoder-no-permission`;
    await expect.poll(() => emulator.datastores().some((datastore) => (datastore.request.IdentityProviderConfiguration as { IdpLambdaArn?: string } | undefined)?.IdpLambdaArn === arn)).toBe(true);
    driver.unmount();
  });
});

describe('the review\'s pre-flight checks', () => {
  const reviewOf = (on: RunningEmulator, initial: Record<string, unknown>, options: Record<string, unknown> = {}) => {
    const deps = emulatorDeps(on, { resources: { credentials: { ...SANDBOX_CREDENTIALS } } });
    return drive(createApp(deps, { mode: 'wizard', flow: { initial: initial as never, given: ALL, clientToken: randomUUID() }, options }));
  };

  it('fill in a list under the action; a disabled key is ✗, and the Checks tab says why and what to do', async () => {
    const driver = reviewOf(emulator, { ...CMK, DatastoreName: 'checks-disabled', [KMS_KEY]: 'alias/sandbox-disabled' });
    const frame = await driver.waitFor(/✗ KMS key alias\/sandbox-disabled/, 10_000);
    expect(frame).toContain('Pre-flight checks');
    expect(frame).toContain('✓ Region');
    expect(frame).toContain('the Checks tab (←) shows each cause and fix');
    expect(frame).not.toContain('billed per hour');
    await driver.press(KEY.left);
    const checks = await driver.waitFor('[Checks]');
    const said = checks.replace(/\s+/g, ' ');
    expect(said).toContain('✗ KMS key alias/sandbox-disabled: ');
    expect(said).toContain('is Disabled; HealthLake needs an Enabled key. Fix: Enable the key: aws kms enable-key --key-id');
    // Creating anyway is allowed, after a confirmation that says what will likely happen.
    await driver.press('c');
    const confirm = await driver.waitFor('billed per hour');
    // (The dialog's border splits the wrapped sentence: its two pieces.)
    expect(confirm).toContain('✗ Pre-flight failed for KMS key alias/sandbox-disabled: the creation will likely end');
    expect(confirm).toContain('CREATE_FAILED (the Checks tab shows the fix).');
    driver.unmount();
  });

  it('--no-preflight: the review says the checks were skipped, and runs none', async () => {
    const driver = reviewOf(emulator, { ...CMK, DatastoreName: 'checks-skipped', [KMS_KEY]: 'alias/sandbox-disabled' }, { preflight: false });
    await driver.waitFor('Pre-flight checks: skipped (--no-preflight).');
    await driver.press(KEY.left);
    await driver.waitFor('[Checks]');
    expect(driver.frame()).toContain('Pre-flight checks: skipped (--no-preflight).');
    expect(driver.frame()).not.toContain('KMS key alias/sandbox-disabled:');
    driver.unmount();
  });
});
