/**
 * The account's data stores in the built binary, in a pty against the emulator: `status` without an id (the
 * picker, and the clear error where nothing can be picked), and `create --from-datastore ID` in the wizard.
 */
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { openStore } from '../../src/store/index.js';
import { KEYS, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { pasteAndEnter } from '../support/wizard-steps.js';
import { confirmCreate, readJsonPreview, useWizardFixture, type Sandboxed } from './wizard-session.js';

const fx = useWizardFixture();

function signedEnv(dirs: Sandboxed, more: Record<string, string> = {}) {
  return {
    HOME: dirs.home,
    HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir,
    AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
    AWS_REGION: fx.emulator.region,
    ...more,
  };
}

/** `healthlake-wizard COMMAND ...args --endpoint-url EMULATOR` in an 80x24 pty with new temp dirs. */
function spawnCommand(args: string[], more: Record<string, string> = {}, dirs: Sandboxed = fx.tempHome()): PtyTerminal {
  return fx.track(spawnCli([...args, '--endpoint-url', fx.emulator.url], { cols: 80, rows: 24, env: signedEnv(dirs, more) }));
}

const gateway = () => createGateway({ endpointUrl: fx.emulator.url, region: fx.emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS }, env: {} });

describe('status without an id', () => {
  it('offers the Region\'s data stores, filtered by typing, and follows the one picked to ACTIVE', async () => {
    const name = `picked-${Date.now()}`;
    const other = await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: `${name}-other` });
    const wanted = await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: `${name}-wanted` });
    const term = spawnCommand(['status']);
    await term.waitFor('Which data store?');
    await term.waitFor(other.DatastoreId);
    term.type(`${name}-wa`);
    await term.waitFor((screen) => screen.includes(wanted.DatastoreId) && !screen.includes(other.DatastoreId));
    await term.press(KEYS.enter);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect(term.screen()).toContain(wanted.DatastoreId);
    expect((await term.exited).exitCode).toBe(0);
  });

  it('follows a data store of the history where it was created, not where the command line points', async () => {
    const name = `elsewhere-${Date.now()}`;
    const created = await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: name });
    const dirs = fx.tempHome();
    const now = new Date().toISOString();
    openStore({ configDir: dirs.configDir }).history.add({
      datastoreId: created.DatastoreId,
      datastoreArn: created.DatastoreArn,
      datastoreName: name,
      region: fx.emulator.region,
      endpoint: created.DatastoreEndpoint,
      serviceEndpoint: fx.emulator.url,
      sandbox: false,
      createdAt: now,
      lastStatus: 'CREATING',
      lastSeenAt: now,
    });
    // No --endpoint-url: the Region's listing goes where nothing answers (a closed port on 127.0.0.1), so only
    // the history entry, recorded with the emulator's endpoint, can lead there.
    const nowhere = 'http://127.0.0.1:9';
    const term = fx.track(spawnCli(['status'], { cols: 80, rows: 24, env: signedEnv(dirs, { AWS_ENDPOINT_URL: nowhere, AWS_MAX_ATTEMPTS: '1' }) }));
    await term.waitFor('Which data store?');
    await term.waitFor('could not be listed', 20_000);
    term.type(name);
    await term.press(KEYS.enter);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect(term.screen()).toContain(created.DatastoreId);
    expect((await term.exited).exitCode).toBe(0);
  });

  it('Ctrl+C in the picker leaves with nothing chosen (exit 130)', async () => {
    const term = spawnCommand(['status']);
    await term.waitFor('Which data store?');
    await term.press(KEYS.ctrlC);
    expect((await term.exited).exitCode).toBe(130);
    expect(term.screen()).toContain('Nothing was chosen.');
  });

  it('in the plain mode there is nothing to pick from: the error names the fix, exit 252', async () => {
    for (const mode of [['--plain'], ['--no-interactive']]) {
      const term = spawnCommand(['status', ...mode]);
      expect((await term.exited).exitCode).toBe(252);
      // The pty wraps the message at 80 columns: compared without its white space.
      const said = term.screen().replace(/\s+/g, '');
      expect(said).toContain('noDATASTORE_IDgiven,andnodatastoreinthelocalhistorytodefaultto.');
      expect(said).toContain("Fix:giveitsid(healthlake-wizardlistshowstheRegion'sdatastores):healthlake-wizardstatusDATASTORE_ID");
    }
  });
});

describe('create --from-datastore', () => {
  it('starts from the data store\'s settings and tags with a fresh name and ClientToken, and creates the copy', async () => {
    const source = {
      DatastoreTypeVersion: 'R4',
      DatastoreName: `source-${Date.now()}`,
      SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: 'alias/sandbox-usable' } },
      PreloadDataConfig: { PreloadDataType: 'SYNTHEA' },
      Tags: [
        { Key: 'team', Value: 'clinic' },
        { Key: 'env', Value: 'test' },
      ],
      ClientToken: `source-token-${Date.now()}`,
    } as const;
    const created = await gateway().create(structuredClone(source) as never);
    const term = spawnCommand(['create', '--from-datastore', created.DatastoreId]);
    // Only the name is asked, and it starts empty: the source's name is not copied.
    await term.waitFor('Step 1 of 7');
    expect(term.screen()).not.toContain(source.DatastoreName);
    await pasteAndEnter(term, 'the-copy');
    await term.waitFor('Review');
    const review = term.screen();
    expect(review).toContain('the-copy');
    expect(review).toContain('2 tags');
    await term.press(KEYS.right);
    const reviewed = await readJsonPreview(term);
    const { DatastoreName, ClientToken, ...settings } = source;
    expect(DatastoreName).not.toBe('the-copy');
    // The wizard's own fresh ClientToken, never the source's.
    expect(reviewed).toEqual({ ...settings, DatastoreName: 'the-copy', ClientToken: expect.any(String) });
    const freshToken = (reviewed as { ClientToken: string }).ClientToken;
    expect(freshToken).not.toBe(ClientToken);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    const copy = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'the-copy');
    expect(copy?.request).toMatchObject({ ...settings, DatastoreName: 'the-copy' });
    expect(copy?.request.ClientToken).toBe(freshToken);
    expect(copy?.id).not.toBe(created.DatastoreId);
  });
});
