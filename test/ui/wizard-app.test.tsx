import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { createApp } from '../../src/ui/app.js';
import { requestFromAnswers } from '../../src/wizard-flow/issues.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { drive, KEY } from './support/ink-driver.js';
import { emulatorDeps, startTestEmulator } from './support/emulator-deps.js';

const ALL = PARAMETERS.map((parameter) => parameter.name);
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

function wizard(initial: Record<string, unknown>, given: string[], deps = emulatorDeps(emulator)) {
  // A token per run: the emulator honours idempotency across the tests of this file.
  const token = randomUUID();
  const app = createApp(deps, { mode: 'wizard', flow: { initial: initial as never, given, clientToken: token }, options: {} });
  return { driver: drive(app), deps, token };
}

/** The header resolves its target after the first frame; keys are sent once that change is behind us. */
async function settled(driver: ReturnType<typeof drive>, text: string) {
  await driver.waitFor(text);
  await driver.waitFor('region us-east-1');
}

describe('the wizard, against the real gateway and emulator', () => {
  it('types a name, reviews, confirms and follows the data store to ACTIVE', async () => {
    const { driver, deps, token } = wizard({ DatastoreTypeVersion: 'R4' }, ALL.filter((path) => path !== 'DatastoreName'));
    await settled(driver, 'Step 1 of 7');
    await driver.type('clinic');
    await driver.waitFor('6/256 ✓ valid');
    await driver.press(KEY.enter);
    await driver.waitFor('Review');
    await driver.waitFor(/Data store name\s+clinic/);
    await driver.press('c');
    await driver.waitFor('billed per hour from the moment it is created until it is deleted');
    await driver.press('y');
    await driver.waitFor('The data store is ACTIVE', 10_000);
    expect(await deps.exited).toEqual({ code: 0 });
    expect(deps.rings).toBe(1);
    const created = emulator.datastores().find((store) => store.request.ClientToken === token);
    expect(created?.request).toEqual(requestFromAnswers({ DatastoreTypeVersion: 'R4', DatastoreName: 'clinic', ClientToken: token }));
    driver.unmount();
  });

  it('makes the ClientToken after the first frame when the run opens on a step, and sends it', async () => {
    const token = randomUUID();
    let asked = 0;
    const deps = emulatorDeps(emulator);
    const driver = drive(createApp(deps, { mode: 'wizard', flow: { initial: { DatastoreTypeVersion: 'R4' }, given: ALL.filter((path) => path !== 'DatastoreName') }, options: {}, newClientToken: () => (asked++, token) }));
    // (That the built program's first frame comes before it is test/cli/startup-modules.test.ts's: no crypto by then.)
    await settled(driver, 'Step 1 of 7');
    expect(asked).toBe(1);
    await driver.type('late-token');
    await driver.press(KEY.enter);
    await driver.waitFor('Review');
    await driver.press('c', 'y');
    await driver.waitFor('The data store is ACTIVE', 10_000);
    expect(emulator.datastores().find((store) => store.request.ClientToken === token)?.request.DatastoreName).toBe('late-token');
    expect(asked).toBe(1);
    driver.unmount();
  });

  it('makes the ClientToken for the first frame when the run opens on the review, which shows it; a given one is kept', async () => {
    let asked = 0;
    const newClientToken = () => `made-${++asked}`;
    const opening = drive(createApp(emulatorDeps(emulator), { mode: 'wizard', flow: { initial: { DatastoreTypeVersion: 'R4' }, given: ALL }, options: {}, newClientToken }));
    expect(opening.frame()).toMatch(/Client token\s+made-1/);
    await settled(opening, 'Review');
    expect(asked).toBe(1);
    opening.unmount();
    const given = drive(createApp(emulatorDeps(emulator), { mode: 'wizard', flow: { initial: { DatastoreTypeVersion: 'R4', ClientToken: 'mine' }, given: ALL }, options: {}, newClientToken }));
    await settled(given, 'Review');
    expect(given.frame()).toMatch(/Client token\s+mine/);
    expect(asked).toBe(1);
    given.unmount();
  });

  it('ends with exit 254 and the cause when creation fails', async () => {
    const answers = { DatastoreTypeVersion: 'R4', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY', 'SseConfiguration.KmsEncryptionConfig.KmsKeyId': 'alias/healthlake-wizard-fail' };
    const { driver, deps } = wizard(answers, ALL);
    await settled(driver, 'Review');
    await driver.press('c', 'y');
    await driver.waitFor('Creation failed', 10_000);
    await driver.waitFor('What to try');
    expect((await deps.exited).code).toBe(254);
    driver.unmount();
  });
});

describe('editing keys', () => {
  it('toggles the long help with ?, keeps ? out of the value, Esc goes back, arrows choose, Tab skips', async () => {
    const { driver } = wizard({}, []);
    await settled(driver, 'Step 1 of 7');
    expect(driver.frame()).not.toContain('It is not unique');
    await driver.press('?');
    await driver.waitFor('It is not unique');
    await driver.press('?');
    await driver.type('ab#');
    await driver.waitFor('✗ Data store name must be');
    driver.write(KEY.enter); // blocked: the value is invalid
    await driver.press(KEY.backspace);
    await driver.waitFor('2/256 ✓ valid');
    await driver.press(KEY.enter);
    await driver.waitFor('Step 2 of 7');
    await driver.press(KEY.enter);
    await driver.waitFor('Encryption › Key type');
    await driver.press(KEY.down, KEY.down);
    await driver.waitFor(/› CUSTOMER_MANAGED_KMS_KEY/);
    await driver.press(KEY.enter);
    await driver.waitFor('Encryption › KMS key');
    await driver.waitFor('required');
    await driver.press(KEY.escape);
    await driver.waitFor('Encryption › Key type');
    // The step has an answer (the key type): Tab asks before clearing it.
    await driver.press(KEY.tab);
    await driver.waitFor('Skip Encryption and clear its answers?');
    await driver.press('y');
    await driver.waitFor('Sample data');
    await driver.waitFor(/– Encryption/);
    driver.unmount();
  });

  it('edits tags and flags a duplicate key', async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4' }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig']);
    await settled(driver, 'No tags yet');
    await driver.press('a');
    await driver.type('team');
    await driver.press(KEY.enter);
    await driver.type('data');
    await driver.press(KEY.enter, 'a');
    await driver.type('team');
    await driver.press(KEY.enter, KEY.enter);
    await driver.waitFor('duplicate key');
    await driver.press('d');
    await driver.waitFor((frame) => !frame.includes('duplicate key'));
    await driver.waitFor('team = data');
    driver.unmount();
  });

  it("shows a field's error only once it was edited or left, with the fix in the wizard's words", async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY' }, ['DatastoreName', 'DatastoreTypeVersion']);
    await settled(driver, 'Encryption › Key type');
    await driver.press(KEY.enter);
    await driver.waitFor(/Encryption › KMS key[\s\S]*0\/400/);
    // Not blamed before typing.
    expect(driver.frame()).not.toContain('✗');
    await driver.press(KEY.enter);
    await driver.waitFor('✗ A customer managed key needs its KMS key.');
    await driver.waitFor(/Fix: Type the key id, key ARN or alias\/NAME of your key, or choose AWS_OWNED_KMS_KEY in\s+Encryption\./);
    // A fix longer than the line goes on under its own start.
    const lines = driver.frame().split('\n');
    const fixAt = lines.findIndex((line) => line.includes('Fix: Type the key id'));
    expect([lines[fixAt], lines[fixAt + 1]]).toEqual([expect.stringMatching(/^ {2}Fix: /), expect.stringMatching(/^ {2}Encryption\./)]);
    expect(driver.frame()).not.toContain('KmsKeyId=');
    await driver.type('alias/mine');
    await driver.waitFor('10/400 ✓ valid');
    driver.unmount();
  });

  it('refuses a KMS key ARN in another Region than the target, named as such', async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY' }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration.KmsEncryptionConfig.CmkType']);
    await settled(driver, 'Encryption › KMS key');
    await driver.type('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    await driver.waitFor(/✗ KMS key is in Region eu-west-1, but the data store is created in us-east-1/);
    await driver.waitFor('Fix: Give one in us-east-1, the Region the data store is created in.');
    // Enter does not move past it: a type-ahead Enter and a name keep the step.
    driver.write(KEY.enter);
    await driver.press('x');
    await driver.waitFor('76/400');
    expect(driver.frame()).toContain('Step 3 of 7');
    driver.unmount();
  });

  it('on the tags step, the hint says what Enter does on each row, and Enter does it', async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }] }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig']);
    await settled(driver, '› Done — continue');
    // The step footer does not claim "Enter next" where Enter edits or adds.
    expect(driver.frame()).not.toContain('Enter next');
    await driver.waitFor('Enter continue ·');
    await driver.press(KEY.up);
    await driver.waitFor(/› \+ Add a tag[\s\S]*Enter add ·/);
    await driver.press(KEY.up);
    await driver.waitFor(/› team = data[\s\S]*Enter edit ·/);
    await driver.press(KEY.enter);
    await driver.waitFor('Editing the key');
    driver.unmount();
  });

  it('builds SMART metadata with S256 always included', async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR' }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration.AuthorizationStrategy', 'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled']);
    await settled(driver, 'How do you want to give the metadata?');
    await driver.press(KEY.enter);
    await driver.waitFor('Issuer URL (optional');
    await driver.press(KEY.enter);
    await driver.type('https://a.example/authorize');
    await driver.press(KEY.enter);
    await driver.type('https://a.example/token');
    await driver.press(KEY.enter);
    await driver.waitFor('Grant types');
    await driver.press(KEY.down, KEY.space, KEY.enter);
    await driver.waitFor('SMART capabilities');
    await driver.press(KEY.enter);
    await driver.waitFor('PKCE');
    driver.write(KEY.space); // S256 cannot be unticked
    await driver.press(KEY.down, KEY.space);
    await driver.waitFor(/\[x\]\* S256[\s\S]*\[x\] plain/);
    driver.unmount();
  });

  it('blames the metadata\'s elements once asked for them: typing the issuer does not blame the endpoints asked next', async () => {
    const { driver } = wizard({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR' }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration.AuthorizationStrategy', 'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled']);
    await settled(driver, 'How do you want to give the metadata?');
    await driver.press(KEY.enter);
    await driver.waitFor('Issuer URL (optional');
    await driver.type('https://idp.example');
    await driver.waitFor('JSON: {"issuer":"https://idp.example"');
    expect(driver.frame()).not.toMatch(/✗[^\n]*authorization_endpoint/);
    await driver.press(KEY.enter);
    await driver.waitFor(/Authorization endpoint[\s\S]*✗[^\n]*authorization_endpoint/);
    expect(driver.frame()).not.toMatch(/✗[^\n]*token_endpoint/);
    driver.unmount();
  });

  it('lets S256 be ticked when pasted metadata offered only "plain", and then goes on', async () => {
    const metadata = JSON.stringify({ authorization_endpoint: 'https://a.example/authorize', token_endpoint: 'https://a.example/token', grant_types_supported: ['authorization_code'], capabilities: ['launch-standalone'], code_challenge_methods_supported: ['plain'] });
    const { driver } = wizard(
      { DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': metadata },
      ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration.AuthorizationStrategy', 'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled'],
    );
    await settled(driver, 'How do you want to give the metadata?');
    await driver.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await driver.waitFor(/\[ \] S256[\s\S]*\[x\] plain/);
    await driver.press(KEY.space);
    await driver.waitFor(/\[x\]\* S256[\s\S]*\[x\] plain/);
    await driver.press(KEY.enter);
    await driver.waitFor('IdP Lambda ARN');
    driver.unmount();
  });
});
