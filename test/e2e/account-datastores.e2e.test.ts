/**
 * The account's data stores in the built binary, in a pty against the emulator: `status` without an id (the
 * picker, and the clear error where nothing can be picked).
 */
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { KEYS, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { useWizardFixture, type Sandboxed } from './wizard-session.js';

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
function spawnCommand(args: string[], more: Record<string, string> = {}): PtyTerminal {
  return fx.track(spawnCli([...args, '--endpoint-url', fx.emulator.url], { cols: 80, rows: 24, env: signedEnv(fx.tempHome(), more) }));
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
    await term.type(`${name}-wa`);
    await term.waitFor((screen) => screen.includes(wanted.DatastoreId) && !screen.includes(other.DatastoreId));
    await term.press(KEYS.enter);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect(term.screen()).toContain(wanted.DatastoreId);
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
