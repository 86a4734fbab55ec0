import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { confirmCreate, quitAndDiscard, spawnWizard, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

describe('presets across runs', () => {
  it('a run saves a preset; the next starts from it, changes one answer and submits', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnWizard(fx.emulator, dirs, ['--datastore-type-version', 'R4', '--datastore-name', 'from-preset', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=team,Value=data', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH']));
    await term.waitFor('Review —');
    term.write('s');
    await term.waitFor('Save these answers as a preset');
    term.type('team-defaults');
    await term.waitFor('team-defaults');
    term.write(KEYS.enter);
    await term.waitFor('Saved preset "team-defaults"');
    expect(await quitAndDiscard(term)).toBe(130);
    await term.close();

    term = fx.track(spawnWizard(fx.emulator, dirs));
    await term.waitFor(/How do you want to start\?[\s\S]*Start from a preset/);
    await term.press(KEYS.down);
    await term.waitFor(/› Start from a preset/);
    term.write(KEYS.enter);
    await term.waitFor('team-defaults');
    term.write(KEYS.enter);
    // Nothing is missing (the client token is generated): straight to review, as with --preset.
    await term.waitFor(/Review —[\s\S]*Data store name\s+from-preset[\s\S]*› +Create data store/);
    await term.press(KEYS.down);
    await term.waitFor(/› +Data store name/);
    term.write(KEYS.enter);
    await term.waitFor('Step 1 of');
    term.type('-changed');
    await term.waitFor('from-preset-changed');
    term.write(KEYS.enter);
    await term.waitFor(/Data store name\s+from-preset-changed/);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    const sent = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'from-preset-changed');
    expect(sent?.request).toMatchObject({ PreloadDataConfig: { PreloadDataType: 'SYNTHEA' }, Tags: [{ Key: 'team', Value: 'data' }] });
  });
});
