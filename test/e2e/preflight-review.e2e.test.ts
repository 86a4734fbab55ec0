/**
 * The KMS key picker and the review's pre-flight checks in the built binary, in a pty against the emulator's
 * default fixtures: the key whose policy lacks the grant is ✗ with the statement to add, before any
 * confirmation; the usable key passes and the data store reaches ACTIVE.
 */
import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { confirmCreate, quitAndDiscard, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

/** The wizard with every answer but the KMS key, at the key picker once the Region's keys are listed. */
async function atKeyPicker(name: string): Promise<PtyTerminal> {
  const term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', name, '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY}']);
  await term.waitFor('Encryption › KMS key');
  await term.waitFor('alias/sandbox-disabled');
  return term;
}

/** Types a filter, picks the one row it leaves, then skips the optional steps to the review. */
async function pickAndReview(term: PtyTerminal, filter: string): Promise<void> {
  term.type(filter);
  await term.waitFor(/Filter: \S+\s+1 of 4/);
  await term.press(KEYS.enter);
  await term.waitFor((screen) => !screen.includes('Encryption › KMS key'));
  // Tab skips each optional step left; the step's number says when the next one is shown (a long footer is cut
  // at 80 columns, so its "Tab skip step" may not be whole).
  for (let step = 0; step < 6 && !term.screen().includes('Review —'); step++) {
    const at = /Step \d of 7/.exec(term.screen())?.[0];
    if (!at) break;
    await term.press(KEYS.tab);
    await term.waitFor((screen) => screen.includes('Review —') || !screen.includes(at));
  }
  await term.waitFor('Review —');
}

describe('pre-flight checks on the review screen', () => {
  it('a key whose policy lacks the grant: ✗ on the review, the policy statement to add on the Checks tab, nothing asked yet', async () => {
    const term = await atKeyPicker('preflight-no-grant');
    await pickAndReview(term, 'no-grant');
    const review = await term.waitFor(/✗ KMS key alias\/healthlake-wizard-fail/, 20_000);
    expect(review).not.toContain('billed per hour');
    await term.waitFor('the Checks tab (←) shows each cause and fix');
    await term.press(KEYS.left);
    const top = await term.waitFor('Fix: Add this statement to the key policy', 10_000);
    expect(top).toContain('✗ KMS key alias/healthlake-wizard-fail');
    expect(top).toContain('"Sid": "Allow use of the key through AWS HealthLake"');
    // The statement scrolls in the pane: ↓ until its actions and condition are on screen.
    const seen = new Set<string>();
    for (let line = 0; line < 30 && !(seen.has('"kms:CreateGrant"') && seen.has('"kms:ViaService"')); line++) {
      await term.press(KEYS.down);
      for (const wanted of ['"kms:CreateGrant"', '"kms:ViaService"']) if (term.screen().includes(wanted)) seen.add(wanted);
    }
    expect([...seen].sort()).toEqual(['"kms:CreateGrant"', '"kms:ViaService"']);
    expect(term.screen()).not.toContain('billed per hour');
    expect(await quitAndDiscard(term)).toBe(130);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'preflight-no-grant')).toBe(false);
  });

  it('the usable key passes every check and the data store reaches ACTIVE', async () => {
    const term = await atKeyPicker('preflight-usable');
    await pickAndReview(term, 'sandbox-usable');
    await term.waitFor('✓ KMS key alias/sandbox-usable', 20_000);
    expect(term.screen()).not.toContain('✗');
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    const created = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'preflight-usable');
    expect(created?.request.SseConfiguration).toEqual({ KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-usable' } });
  });
});
