/**
 * The team policy in the wizard's words: a rule whose fix is derived names the step, what to choose there and the
 * wizard's key (not the flag the command line names for the same rule), and following it keeps the rule.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { readPolicy } from '../../src/request/policy-file.js';
import { createApp } from '../../src/ui/app.js';
import { drive, KEY } from './support/ink-driver.js';
import { emulatorDeps, startTestEmulator } from './support/emulator-deps.js';

// The documented policy: customer-managed-key and test-stores-expire give no fix of their own.
const policy = readPolicy(readFileSync(new URL('../request/fixtures/team-policy.yaml', import.meta.url), 'utf8'), '.healthlake-wizard/policy.yaml');
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

/** The frame as running text: a fix wrapped over lines reads whole again. */
const running = (frame: string) => frame.replace(/[│]/g, ' ').replace(/\s+/g, ' ');

describe('the team policy in the wizard', () => {
  it('says the fix in the wizard\'s words (step, choice, key), and following it keeps the rules', async () => {
    // A run from the preset "ci" (the expiry tag is required), encrypted with an AWS owned key (a customer managed one is).
    const initial = { DatastoreTypeVersion: 'R4', DatastoreName: 'dp-clinic', Tags: [{ Key: 'owner', Value: 'care' }] };
    const given = PARAMETERS.map((parameter) => parameter.name);
    const app = createApp(emulatorDeps(emulator), { mode: 'wizard', flow: { initial, given, policy, preset: 'ci', dryRun: true }, options: { dryRun: true } });
    const driver = drive(app);
    try {
      await driver.waitFor('region us-east-1');
      const encryption = 'Fix: In Encryption, choose CUSTOMER_MANAGED_KMS_KEY as the Key type and give the KMS key (the key id, key ARN, alias (alias/name) or alias ARN of your KMS key).';
      await driver.waitFor((frame) => running(frame).includes(encryption));
      expect(running(driver.frame())).toContain('(rule customer-managed-key, .healthlake-wizard/policy.yaml line 27)');
      expect(driver.frame()).not.toContain('--sse-configuration');

      // Followed: CUSTOMER_MANAGED_KMS_KEY chosen as the Key type, then the KMS key given.
      await driver.waitFor('CUSTOMER_MANAGED_KMS_KEY');
      while (!/› CUSTOMER_MANAGED_KMS_KEY/.test(driver.frame())) await driver.press(KEY.down);
      await driver.press(KEY.enter);
      await driver.waitFor('KMS key');
      await driver.type('alias/dp');
      await driver.waitFor((frame) => frame.includes('alias/dp') && !frame.includes('team policy:'));
      await driver.press(KEY.enter);

      // The tags: the expiry tag's fix names the editor's key, not --expires-in.
      const expiry = 'Fix: Press x on the Tags step and type a duration such as 4h: it adds the tag healthlake-wizard:expires-at and keeps the other tags.';
      await driver.waitFor((frame) => running(frame).includes(expiry));
      expect(running(driver.frame())).toContain('(rule test-stores-expire, .healthlake-wizard/policy.yaml line 62)');
      expect(driver.frame()).not.toContain('--expires-in');
      await driver.press('x');
      await driver.type('4h');
      await driver.press(KEY.enter);
      await driver.waitFor((frame) => /healthlake-wizard:expires-at\s+=\s+\d{4}-/.test(frame) && !frame.includes('team policy:'));
    } finally {
      driver.unmount();
    }
  });
});
