import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { pasteAndEnter, smartOnFhirUpToCapabilities } from '../support/wizard-steps.js';
import { confirmCreate, cursorRestored, spawnWizard, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

const answer = (text: string) => pasteAndEnter(term, text);

describe('the built wizard in a pty against the emulator', () => {
  it('sets every parameter, reaches ACTIVE, and sends exactly the reviewed JSON', async () => {
    const dirs = fx.tempHome();
    mkdirSync(dirs.home, { recursive: true });
    term = fx.track(spawnWizard(fx.emulator, dirs, [], dirs.home));
    await term.waitFor('Step 1 of 7');
    await answer('e2e-full');
    await term.waitFor('FHIR version');
    await term.press(KEYS.enter);
    await term.waitFor('Encryption › Key type');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await term.waitFor('Encryption › KMS key');
    await answer('alias/sandbox-usable');
    await term.waitFor('Sample data');
    await term.press(KEYS.down, KEYS.enter);
    await term.waitFor('No tags yet');
    await term.press('a');
    await answer('team');
    await answer('data');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await smartOnFhirUpToCapabilities(term);
    await term.press(KEYS.down, KEYS.space, KEYS.enter);
    await term.waitFor('PKCE');
    await term.press(KEYS.enter);
    await term.waitFor('IdP Lambda ARN');
    await answer('arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder');
    await term.waitFor('Client token');
    await term.press(KEYS.enter);
    await term.waitFor('Review');
    await term.press(KEYS.right);
    await term.waitFor('"DatastoreName"');
    // The SMART metadata is one JSON string longer than the pane: its line is cut and marked there, and w
    // writes the whole tab.
    await term.waitFor('… a line longer than the pane is cut there: w writes the whole tab to a file');
    term.write('w');
    await term.waitFor(/Wrote the JSON preview to/);
    const reviewed = JSON.parse(readFileSync(join(dirs.home, 'create-fhir-datastore.json'), 'utf8'));
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    const { exitCode } = await term.exited;
    expect(exitCode).toBe(0);
    expect(term.output()).toContain('\x07');
    const sent = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'e2e-full');
    expect(sent?.request).toEqual(reviewed);
    expect(reviewed).toMatchObject({
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-usable' } },
      PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
      Tags: [{ Key: 'team', Value: 'data' }],
      IdentityProviderConfiguration: { AuthorizationStrategy: 'SMART_ON_FHIR', FineGrainedAuthorizationEnabled: true },
    });
    expect(cursorRestored(term.output())).toBe(true);
  });

  it('edits a field from review, returns to review and sends the edited value', async () => {
    term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'first-name']);
    await term.waitFor('Encryption › Key type');
    // Only what was not given is asked; skip the optional steps (Tab) to reach review.
    for (let step = 0; step < 10 && !term.screen().includes('Review —'); step++) await term.press(KEYS.tab);
    await term.waitFor(/Data store name\s+first-name[\s\S]*› +Create data store/);
    // ↓ from the primary action wraps to the first row; Enter on a row edits it.
    await term.press(KEYS.down);
    await term.waitFor(/› +Data store name/);
    await term.press(KEYS.enter);
    await term.waitFor('Step 1 of');
    await answer('-edited');
    await term.waitFor(/Data store name\s+first-name-edited/);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'first-name-edited')).toBe(true);
  });

  it('ends CREATE_FAILED with the cause and exit 254', async () => {
    term = fx.spawn([
      '--datastore-type-version', 'R4',
      '--datastore-name', 'doomed',
      '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/healthlake-wizard-fail}',
      '--preload-data-config', 'PreloadDataType=SYNTHEA',
      '--tags', 'Key=a,Value=b',
      '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH',
      '--client-token', 'doomed-token-1',
    ]);
    await term.waitFor('Review —');
    await confirmCreate(term);
    await term.waitFor('Creation failed', 20_000);
    expect(term.screen()).toContain('What to try');
    expect((await term.exited).exitCode).toBe(254);
    expect(cursorRestored(term.output())).toBe(true);
  });
});
