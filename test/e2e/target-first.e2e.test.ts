/**
 * The target first, in the built binary in a pty: with no Region configured the start screen offers the
 * Regions and the run reaches ACTIVE against the emulator; an expired SSO token (a fake token cache file in the
 * temporary HOME) is told on the first screen with the `aws sso login` fix, before any step.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID, SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { KEYS, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { confirmCreate, quitAndDiscard, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

/** Every parameter as a flag: the steps are not the point here. */
const FLAGS = ['--datastore-type-version', 'R4', '--datastore-name', 'region-picked', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'];

describe('the target, first', () => {
  it('no Region configured: the start screen offers the Regions, one is picked, and the run reaches ACTIVE', async () => {
    const dirs = fx.tempHome();
    // Keys in the environment, no Region anywhere: no AWS_REGION, and no config file in the empty HOME.
    term = fx.track(
      spawnCli(['--endpoint-url', fx.emulator.url, ...FLAGS], {
        cols: 80,
        rows: 24,
        env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey },
      }),
    );
    await term.waitFor(/Choose the Region to create the data store in[\s\S]*› Choose a Region…/, 20_000);
    // A choice to make, not an error: the header agrees with the body.
    expect(term.screen()).toContain('healthlake-wizard · Region not chosen yet');
    expect(term.screen()).not.toContain('✗');
    await term.press(KEYS.enter);
    await term.waitFor('Region for the configured credentials');
    await term.press(...'east-1');
    await term.waitFor((screen) => /› us-east-1 +US East \(N\. Virginia\)/.test(screen) && !screen.includes('us-east-2'));
    await term.press(KEYS.enter);
    await term.waitFor(`region us-east-1 · account ${fx.emulator.accountId} (sandbox)`, 20_000);
    await term.waitFor(/› Start fresh/);
    await term.press(KEYS.enter);
    await term.waitFor(/Review[\s\S]*Data store name\s+region-picked/);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    expect(stripVTControlCharacters(term.output())).not.toContain('No AWS region is configured');
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'region-picked')).toBe(true);
  });

  it('an expired SSO token: told on the first screen with the aws sso login fix, before any step', async () => {
    const dirs = expiredSsoHome();
    term = fx.track(spawnCli(['--profile', 'corp', '--endpoint-url', fx.emulator.url], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    await term.waitFor(/✗ Your AWS SSO session has expired or was never started\.[\s\S]*Fix: Sign in again: aws sso login --profile corp[\s\S]*› Change the target…/, 20_000);
    // The screen tells the problem: the header points to it.
    expect(term.screen()).toContain('region us-east-1 · profile corp · ✗ problem below');
    // No key was pressed: the screen came by itself, before any step was answered.
    expect(term.screen()).not.toContain('Step 1 of');
    expect(await quitAndDiscard(term)).toBe(130);
  });

  it('no Region and an expired SSO token: the first screen names the SSO problem and its fix before any Region is chosen', async () => {
    const dirs = expiredSsoHome({ region: false });
    term = fx.track(spawnCli(['--profile', 'corp', '--endpoint-url', fx.emulator.url], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    await term.waitFor(/✗ Your AWS SSO session has expired or was never started\.\s+Fix: Sign in again: aws sso login --profile corp\s+Choose the Region to create the data store in[\s\S]*› Choose a Region…[\s\S]*Check again/, 20_000);
    expect(term.screen().split('\n')[0]).toMatch(/^healthlake-wizard · Region not chosen yet · profile corp · ✗ problem below/);
    // No key was pressed: no Region was chosen, no step shown.
    expect(term.screen()).not.toContain('Step 1 of');
    expect(await quitAndDiscard(term)).toBe(130);
  });

  it('a configured Region without HealthLake and nothing else to ask: the first screen says so with the Ctrl+T fix, before any step', async () => {
    // An emulator that serves eu-central-1, so that the credentials check out there: the Region is the only matter.
    const emulator = await startEmulator({ port: 0, region: 'eu-central-1', credentials: [SANDBOX_CREDENTIALS] });
    try {
      const dirs = fx.tempHome();
      term = fx.track(
        spawnCli(['--endpoint-url', emulator.url], {
          cols: 80,
          rows: 24,
          env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey },
        }),
      );
      await term.waitFor(/▲ HealthLake is not offered in eu-central-1\.\s+Fix: Press Ctrl\+T to choose a Region where it is[\s\S]*› Choose another Region…[\s\S]*Start fresh/, 20_000);
      // The account does not fit beside the Region's warning at 80 columns: it is whole on the line below.
      const [first, second] = term.screen().split('\n');
      expect(first).toMatch(/^healthlake-wizard · region eu-central-1 \(no HealthLake there\) · http:\/\/127\.0\.0\./);
      expect(second).toBe(`account ${DEFAULT_ACCOUNT_ID} · identity sandbox`);
      expect(term.screen()).not.toContain('Step 1 of');
      // The option opens the Regions at once.
      await term.press(KEYS.enter);
      await term.waitFor('Region for the configured credentials');
      expect(await quitAndDiscard(term)).toBe(130);
    } finally {
      await emulator.stop();
    }
  });

  it('an expired SSO token at 80x24: the review offers no create and keeps its header on screen; a step shows the fix in the header', async () => {
    const dirs = expiredSsoHome();
    term = fx.track(spawnCli(['--profile', 'corp', '--endpoint-url', fx.emulator.url, ...FLAGS], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    await term.waitFor(/› Change the target…[\s\S]*Start fresh/, 20_000);
    await term.press(KEYS.down, KEYS.down);
    await term.waitFor(/› Start fresh/);
    await term.press(KEYS.enter);
    await term.waitFor(/Or press Ctrl\+T to change the target; every answer is kept\.[\s\S]*Ctrl\+C quit/, 20_000);
    const review = term.screen().split('\n');
    expect(review[0]).toMatch(/^healthlake-wizard · region us-east-1 · profile corp · ✗ problem below/);
    expect(review.some((line) => /› +Cannot create until the target works \(Ctrl\+T changes it\)/.test(line))).toBe(true);
    expect(review.map((line) => line.trim())).toContain('Fix: Sign in again: aws sso login --profile corp');
    expect(term.screen()).not.toMatch(/Enter create|c create|Create data store/);
    // Esc: the last step, where the header itself says the problem and its fix.
    await term.press(KEYS.escape);
    await term.waitFor(/Step \d+ of/);
    const step = term.screen().split('\n');
    expect(step.slice(0, 3).map((line) => line.trimEnd())).toEqual([
      `healthlake-wizard · region us-east-1 · profile corp · ${fx.emulator.url}`,
      '✗ Your AWS SSO session has expired or was never started.',
      'Fix: Sign in again: aws sso login --profile corp',
    ]);
    expect(await quitAndDiscard(term)).toBe(130);
  });
});

/** A temporary HOME whose profile `corp` has an SSO session that expired long ago (and a Region, unless `region: false`). */
function expiredSsoHome({ region = true } = {}) {
    const dirs = fx.tempHome();
    const startUrl = 'https://example-start.awsapps.com/start';
    const aws = join(dirs.home, '.aws');
    mkdirSync(join(aws, 'sso', 'cache'), { recursive: true });
    writeFileSync(join(aws, 'config'), `[profile corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Admin\n${region ? 'region = us-east-1\n' : ''}`);
    // The AWS CLI's legacy cache: named by the SHA-1 of the start URL, expired long ago.
    const cacheFile = join(aws, 'sso', 'cache', `${createHash('sha1').update(startUrl).digest('hex')}.json`);
    writeFileSync(cacheFile, JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z' }));
    return dirs;
}
