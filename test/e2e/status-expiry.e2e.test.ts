/**
 * The status panel's last frame, in the built binary in a pty against the emulator: a data store created with
 * --expires-in shows its age and its expiry when the panel ends, however late the tags are answered. (The tags
 * are read after the first description; the panel used to leave 50 ms after ACTIVE, often before they came.)
 */
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/pty-terminal.js';
import { confirmCreate, emulatorEnv, useWizardFixture, type Sandboxed } from './wizard-session.js';

const fx = useWizardFixture();

function run(args: string[], dirs: Sandboxed) {
  return fx.track(spawnCli([...args, '--endpoint-url', fx.emulator.url], { cols: 80, rows: 24, env: emulatorEnv(fx.emulator, dirs) }));
}

const CREATED = /Created\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+s ago\)/;
const EXPIRES = /Expires\s+in (1d 23h|2d) \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)/;

describe('the status panel of a data store with an expiry tag', () => {
  it('status ID of an ACTIVE data store ends on a frame with Created and Expires', async () => {
    const dirs = fx.tempHome();
    const name = `expiring-${Date.now()}`;
    const create = run(['create', '--no-interactive', '--datastore-type-version', 'R4', '--datastore-name', name, '--expires-in', '2d'], dirs);
    expect((await create.exited).exitCode).toBe(0);
    const created = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === name);
    expect(created).toBeDefined();
    // Several runs: the race this guards against lost the line in most runs, not all.
    for (let attempt = 0; attempt < 3; attempt++) {
      const status = run(['status', created!.id], dirs);
      expect((await status.exited).exitCode).toBe(0);
      const screen = status.screen();
      expect(screen).toContain('The data store is ACTIVE');
      expect(screen).toMatch(CREATED);
      expect(screen).toMatch(EXPIRES);
    }
  });

  it('the wizard\'s own panel after creating ends with Created and Expires', async () => {
    const dirs = fx.tempHome();
    const term = run(['--datastore-type-version', 'R4', '--datastore-name', `wizard-expiring-${Date.now()}`, '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `expiring-${Date.now()}`, '--expires-in', '2d'], dirs);
    await term.waitFor('Review —');
    await confirmCreate(term);
    expect((await term.exited).exitCode).toBe(0);
    const screen = term.screen();
    expect(screen).toContain('The data store is ACTIVE');
    expect(screen).toMatch(CREATED);
    expect(screen).toMatch(EXPIRES);
  });
});
