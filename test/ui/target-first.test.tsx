/**
 * The target first: the header's account line (or the problem), the start screen's fix, the profile and Region
 * pickers, and create withheld while the target is broken. The gateway is the real one against the emulator;
 * the target check's answer is given per choice where a broken target is the point.
 */
import { render } from 'ink-testing-library';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FriendlyError, TargetChoice, TargetReport } from '../../src/aws/types.js';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { openStore } from '../../src/store/index.js';
import { awsFilesHome } from '../support/aws-files.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { createApp } from '../../src/ui/app.js';
import { Header, headerHeading } from '../../src/ui/components/header.js';
import { StartScreen } from '../../src/ui/start/start-screen.js';
import { KeyRouter } from '../../src/ui/use-keys.js';
import { presetMeaning, startOptions } from '../../src/wizard-flow/start-options.js';
import { checkRegion } from '../../src/aws/preflight/account-checks.js';
import { REGION_CHECK } from '../../src/aws/preflight/planned-checks.js';
import { preflightText } from '../../src/ui/review/preflight-list.js';
import { keyName } from '../../src/ui/keys.js';
import { emulatorDeps, startTestEmulator } from './support/emulator-deps.js';
import { drive, KEY, type InkDriver } from './support/ink-driver.js';

const ALL = PARAMETERS.map((parameter) => parameter.name);
const CTRL_T = '\x14';
let emulator: RunningEmulator;
let driver: InkDriver | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(() => {
  driver?.unmount();
  driver = undefined;
});

const SSO_EXPIRED: FriendlyError = { code: 'SsoTokenExpired', message: 'Your AWS SSO session has expired or was never started.', fix: 'Sign in again: aws sso login --profile corp', exitCode: 253, transient: false };
const IDENTITY = { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/dev-user', name: 'dev-user' };

function frameOf(report: TargetReport | undefined, sandbox = false): string {
  const { lastFrame, unmount } = render(<Header target={report} sandbox={sandbox} />);
  const frame = stripVTControlCharacters(lastFrame() ?? '');
  unmount();
  return frame;
}

describe('the header', () => {
  it('says the target is being checked, then the Region, profile, account and identity', () => {
    expect(frameOf(undefined)).toContain('checking the target…');
    expect(frameOf({ ok: true, target: { region: 'eu-west-1', profile: 'dev', sandbox: false }, identity: IDENTITY })).toContain('region eu-west-1 · profile dev · account 444455556666 (dev-user)');
  });

  it('names the problem of a broken target whole, with its fix, on lines of their own; a missing Region as a choice to make', () => {
    const lines = frameOf({ ok: false, target: { region: 'us-east-1', profile: 'corp', sandbox: false }, problem: SSO_EXPIRED }).split('\n').map((line) => line.trimEnd());
    expect(lines).toEqual(['healthlake-wizard · region us-east-1 · profile corp', '✗ Your AWS SSO session has expired or was never started.', 'Fix: Sign in again: aws sso login --profile corp']);
    const noRegion = frameOf({ ok: false, problem: { ...SSO_EXPIRED, code: 'NoRegion', message: 'No AWS region is configured.' } });
    expect(noRegion).toContain('Region not chosen yet');
    expect(noRegion).toContain('To choose a Region, press Ctrl+T.');
    expect(noRegion).not.toContain('✗');
    expect(noRegion).not.toContain('No AWS region is configured');
  });

  it('no Region yet: who the credentials are beside the choice, or their problem with its fix before the way to choose', () => {
    const noRegion = { ...SSO_EXPIRED, code: 'NoRegion', message: 'No AWS region is configured.' };
    const working: TargetReport = { ok: false, problem: noRegion, credentials: { ok: true, profile: 'dev', identity: IDENTITY } };
    expect(headerHeading({ target: working, sandbox: false }, 80)).toEqual({
      line: 'Region not chosen yet · profile dev · account 444455556666',
      tone: 'choice',
      more: [
        { text: 'identity dev-user', tone: 'target' },
        { text: 'To choose a Region, press Ctrl+T.', tone: 'choice' },
      ],
    });
    const expired: TargetReport = { ok: false, problem: noRegion, credentials: { ok: false, profile: 'corp', problem: SSO_EXPIRED } };
    const lines = frameOf(expired).split('\n').map((line) => line.trimEnd());
    expect(lines).toEqual([
      'healthlake-wizard · Region not chosen yet · profile corp',
      '✗ Your AWS SSO session has expired or was never started.',
      'Fix: Sign in again: aws sso login --profile corp',
      'To choose a Region, press Ctrl+T.',
    ]);
    expect(headerHeading({ target: expired, sandbox: false, problemShownBelow: true }, 80)).toEqual({ line: 'Region not chosen yet · profile corp · ✗ problem below', tone: 'problem', more: [] });
  });

  it('at 80 columns: a real role name whole on a line of its own; the problem pointed to where the screen tells it', () => {
    const role = 'AWSReservedSSO_AdministratorAccess_0123456789abcdef';
    const ok: TargetReport = { ok: true, target: { region: 'us-east-1', profile: 'dev', sandbox: false }, identity: { account: '123456789012', arn: `arn:aws:sts::123456789012:assumed-role/${role}/jane`, name: role } };
    expect(headerHeading({ target: ok, sandbox: false }, 80)).toEqual({ line: 'region us-east-1 · profile dev · account 123456789012', tone: 'target', more: [{ text: `identity ${role}`, tone: 'target' }] });
    // A short name stays on the line.
    expect(headerHeading({ target: { ok: true, target: { region: 'us-east-1', sandbox: false }, identity: IDENTITY }, sandbox: false }, 80)).toEqual({ line: 'region us-east-1 · account 444455556666 (dev-user)', tone: 'target', more: [] });
    const broken: TargetReport = { ok: false, target: { region: 'us-east-1', profile: 'corp', sandbox: false }, problem: SSO_EXPIRED };
    expect(headerHeading({ target: broken, sandbox: false, problemShownBelow: true }, 80)).toEqual({ line: 'region us-east-1 · profile corp · ✗ problem below', tone: 'problem', more: [] });
    for (const line of headerHeading({ target: broken, sandbox: false }, 80).more) expect([...line.text].length).toBeLessThanOrEqual(80);
  });

  it('flags a Region where HealthLake is not offered, with the way to change it', () => {
    const report: TargetReport = { ok: true, target: { region: 'eu-central-1', sandbox: false }, identity: IDENTITY };
    const heading = headerHeading({ target: report, sandbox: false }, 80);
    expect(heading.line).toContain('region eu-central-1 (no HealthLake there)');
    expect(heading.more.map((line) => line.text).join(' ')).toContain('▲ HealthLake is not offered in eu-central-1. Fix: Press Ctrl+T to choose a Region where it is (us-east-2, us-east-1');
  });

  it('keeps the account whole: under the line, with the identity, when it does not fit beside the Region', () => {
    const report: TargetReport = { ok: true, target: { region: 'eu-central-1', profile: 'platform-admin', sandbox: false }, identity: IDENTITY };
    const heading = headerHeading({ target: report, sandbox: false }, 80);
    expect(heading.line).toBe('region eu-central-1 (no HealthLake there) · profile platform-admin');
    expect(heading.more[0]).toEqual({ text: `account ${IDENTITY.account} · identity ${IDENTITY.name}`, tone: 'target' });
    // Where it fits, it stays on the line; the identity goes under it only when the two do not fit together.
    expect(headerHeading({ target: { ...report, target: { region: 'us-east-1', sandbox: false } }, sandbox: false }, 80).line).toBe(`region us-east-1 · account ${IDENTITY.account} (${IDENTITY.name})`);
  });

  it('in the sandbox: that nothing goes to AWS, and the emulator\'s account, whole in 80 columns', () => {
    const frame = frameOf({ ok: true, target: { region: 'us-east-1', sandbox: true }, identity: { ...IDENTITY, account: '123456789012', name: 'sandbox' } }, true);
    expect(frame).toMatch(/^healthlake-wizard · local, nothing goes to AWS · account 123456789012\s+SANDBOX/);
    expect([...frame.split('\n')[0]!.trimEnd()].length).toBeLessThanOrEqual(80);
  });
});

const NO_CHOICES = { presets: [], pending: [], credentialsMissing: false };

function startFrame(report: TargetReport, choices = NO_CHOICES): string {
  const screen = drive(
    <KeyRouter>
      <StartScreen choices={choices} sandbox={false} target={report} dispatch={() => undefined} isActive />
    </KeyRouter>,
  );
  const frame = screen.frame();
  screen.unmount();
  return frame;
}

describe('the start screen', () => {
  it('a Region where HealthLake is not offered: flagged with the Ctrl+T fix, choosing another Region first', () => {
    const frame = startFrame({ ok: true, target: { region: 'eu-central-1', sandbox: false }, identity: IDENTITY });
    expect(frame).toContain('▲ HealthLake is not offered in eu-central-1.');
    expect(frame).toContain('Fix: Press Ctrl+T to choose a Region where it is');
    expect(frame).toMatch(/› Choose another Region…/);
    expect(startFrame({ ok: true, target: { region: 'eu-west-2', sandbox: false }, identity: IDENTITY })).not.toContain('not offered');
  });

  it('no Region and an expired SSO session: the session\'s fix and the Region to choose, both on the first screen', () => {
    const report: TargetReport = {
      ok: false,
      problem: { ...SSO_EXPIRED, code: 'NoRegion', message: 'No AWS region is configured.' },
      credentials: { ok: false, profile: 'corp', problem: SSO_EXPIRED },
    };
    expect(startOptions(NO_CHOICES, false, ['SsoTokenExpired', 'NoRegion']).map((option) => option.label)).toEqual(['Choose a Region…', 'Check again', 'Start fresh']);
    const frame = startFrame(report);
    expect(frame).toMatch(/✗ Your AWS SSO session has expired or was never started\.\s+Fix: Sign in again: aws sso login --profile corp\s+Choose the Region to create the data store in/);
    expect(frame).toMatch(/› Choose a Region…[\s\S]*Check again/);
    // With credentials that work, only the Region is asked for, and the header says whose they are.
    const working = startFrame({ ...report, credentials: { ok: true, profile: 'corp', identity: IDENTITY } });
    expect(working).toContain('Region not chosen yet · profile corp · account 444455556666');
    expect(working).not.toContain('✗');
    expect(working).not.toContain('Check again');
  });

  it('credentials that exist but fail lead with their fix; the sandbox stays an alternative, nothing "anyway"', () => {
    const failing: TargetReport = {
      ok: false,
      target: { region: 'us-east-1', profile: 'tool', sandbox: false },
      problem: { code: 'CredentialProcessFailed', message: 'The credential_process of profile "tool" failed: token vault locked', fix: 'Run it yourself to see why (vault-creds), fix it, or choose another profile.', exitCode: 253, transient: false },
    };
    const choices = { ...NO_CHOICES, credentialsMissing: true };
    expect(startOptions(choices, false, ['CredentialProcessFailed']).map((option) => option.label)).toEqual(['Change the target…', 'Check again', 'Try it in the sandbox', 'Start fresh']);
    const frame = startFrame(failing, choices);
    expect(frame).toContain('✗ The credential_process of profile "tool" failed: token vault locked');
    expect(frame).not.toContain('No AWS credentials were found');
    expect(frame).toMatch(/› Change the target…/);
    // Nothing configured at all: the sandbox first, as before.
    expect(startOptions(choices, false, ['NoCredentials'])[0]!.kind).toBe('sandbox');
  });

  it("the review's Region check: its fix names the key that opens the target picker, not --region", () => {
    const result = checkRegion({ region: 'eu-central-1', endpointOverride: false } as Parameters<typeof checkRegion>[0]);
    const text = preflightText({ checks: [{ planned: REGION_CHECK, result }] });
    // The key table's name for it, so that the words follow a change of binding.
    expect(text).toContain(`Fix: Press ${keyName('changeTarget')} to choose one of us-east-2, us-east-1`);
    expect(text).not.toContain('--region');
  });

  it('a project preset that wins over yours says so before its path, which may be cut', () => {
    const preset = { name: 'team', answers: {}, clientTokenPolicy: 'generate' as const, createdAt: '', updatedAt: '', origin: 'project' as const, file: '.healthlake-wizard/presets/team-defaults-for-production.json', hidesPersonal: true };
    expect(presetMeaning(preset)).toBe('project, wins over yours · .healthlake-wizard/presets/team-defaults-for-production.json');
  });
});

function start(deps: ReturnType<typeof emulatorDeps>, initial: Record<string, unknown> = {}, given: string[] = []) {
  driver = drive(createApp(deps, { mode: 'wizard', flow: { initial: initial as never, given, clientToken: 'token-target' }, options: {} }));
  return driver;
}

/** SSO expired for the profile in use; any other choice is checked by the emulator's STS. */
function ssoExpiredUntilChanged(choice: TargetChoice): TargetReport {
  if (choice.profile || choice.sandbox) return { ok: true, target: { region: choice.region ?? emulator.region, ...(choice.profile ? { profile: choice.profile } : {}), sandbox: choice.sandbox }, identity: IDENTITY };
  return { ok: false, target: { region: emulator.region, profile: 'corp', sandbox: false }, problem: SSO_EXPIRED };
}

describe('the target first', () => {
  it('an expired SSO token: told on the start screen with its fix before any step; another profile and Region from the pickers', async () => {
    const deps = emulatorDeps(emulator, {
      report: ssoExpiredUntilChanged,
      profiles: [
        { name: 'default', isDefault: true, chosen: false, region: 'eu-west-2' },
        { name: 'corp', isDefault: false, chosen: true, region: 'us-east-1' },
        { name: 'dev', isDefault: false, chosen: false, region: 'us-east-1' },
      ],
    });
    const screen = start(deps);
    await screen.waitFor('✗ Your AWS SSO session has expired or was never started.');
    await screen.waitFor('Fix: Sign in again: aws sso login --profile corp');
    await screen.waitFor(/› Change the target…/);
    await screen.press(KEY.enter);
    await screen.waitFor(/default\s+default profile · Region eu-west-2/);
    await screen.waitFor(/› corp\s+profile · Region us-east-1 · in use/);
    await screen.waitFor(/Sandbox\s+a local emulator/);
    await screen.press(KEY.down);
    await screen.waitFor(/› dev/);
    await screen.press(KEY.enter);
    await screen.waitFor('Region for profile dev');
    await screen.waitFor(/› us-east-1\s+US East \(N. Virginia\) · configured/);
    await screen.press(KEY.enter);
    await screen.waitFor('profile dev · account 444455556666 (dev-user)');
    expect(screen.frame()).not.toContain('SSO session');
    expect(deps.connected.at(-1)).toEqual({ sandbox: false, profile: 'dev', region: 'us-east-1' });
  });

  it('no Region set: the Regions are for the profile in use, named; the profile list names the Region really in use and where it comes from', async () => {
    const noRegion: TargetReport = { ok: false, problem: { ...SSO_EXPIRED, code: 'NoRegion', message: 'No AWS region is configured.' } };
    const deps = emulatorDeps(emulator, {
      report: (choice) => (choice.region ? { ok: true, target: { region: choice.region, ...(choice.profile ? { profile: choice.profile } : {}), sandbox: false }, identity: IDENTITY } : noRegion),
      profiles: [
        { name: 'default', isDefault: true, chosen: true },
        { name: 'dev', isDefault: false, chosen: false, region: 'eu-west-2', regionFrom: 'its config' },
      ],
    });
    const screen = start(deps);
    await screen.waitFor(/› Choose a Region…/);
    expect(screen.frame()).toContain('healthlake-wizard · Region not chosen yet');
    await screen.press(KEY.enter);
    await screen.waitFor('Region for profile default');
    await screen.press(KEY.escape);
    await screen.waitFor(/default\s+default profile · no Region set · in use/);
    await screen.press(KEY.down);
    await screen.waitFor(/› dev\s+profile · Region eu-west-2 from its config$/m);
    await screen.press(KEY.enter);
    await screen.waitFor('Region for profile dev');
    await screen.type('virginia');
    await screen.waitFor((frame) => /› us-east-1/.test(frame) && !frame.includes('us-east-2'));
    await screen.press(KEY.enter);
    await screen.waitFor('profile dev · account 444455556666');
    await screen.press(CTRL_T);
    await screen.waitFor(/dev\s+profile · Region us-east-1 chosen here · in use/);
  });

  it('typing filters the Regions; Esc goes back to the profiles and closes the picker', async () => {
    const screen = start(emulatorDeps(emulator, { profiles: [] }), { DatastoreTypeVersion: 'R4' }, ['DatastoreTypeVersion']);
    await screen.waitFor('Step 1 of');
    await screen.waitFor('region us-east-1');
    // The first question's footer says how to change the target.
    await screen.waitFor('Tab skip step · Ctrl+T target · Ctrl+C quit');
    await screen.press(CTRL_T);
    await screen.waitFor(/› Configured credentials/);
    await screen.press(KEY.enter);
    await screen.waitFor(/› us-east-1\s+US East \(N. Virginia\) · in use/);
    await screen.type('lond');
    await screen.waitFor((frame) => frame.includes('eu-west-2') && !frame.includes('US East'));
    await screen.type('x');
    await screen.waitFor('HealthLake is not offered in a Region matching “londx”.');
    await screen.press(KEY.escape);
    await screen.waitFor('Where should the data store be created?');
    await screen.press(KEY.escape);
    await screen.waitFor('Step 1 of');
  });

  it('create is not offered while the target is broken; changing it keeps every answer, then create works', async () => {
    const deps = emulatorDeps(emulator, { report: ssoExpiredUntilChanged, profiles: [{ name: 'corp', isDefault: false, chosen: true, region: 'us-east-1' }] });
    const screen = start(deps, { DatastoreTypeVersion: 'R4', DatastoreName: 'kept-through-target' }, ALL);
    await screen.waitFor('✗ Your AWS SSO session has expired');
    // The start screen came because the target is broken; answers given on the command line lead to review.
    await screen.press(KEY.down, KEY.down);
    await screen.waitFor(/› Start fresh/);
    await screen.press(KEY.enter);
    await screen.waitFor('Review');
    await screen.waitFor('Cannot create yet: Your AWS SSO session has expired or was never started.');
    // The fix and the way out each on a line of their own; the button says why; no key offers create.
    await screen.waitFor(/ {2}Fix: Sign in again: aws sso login --profile corp\n {2}Or press Ctrl\+T to change the target; every answer is kept\./);
    expect(screen.frame()).toMatch(/› +Cannot create until the target works \(Ctrl\+T changes it\)/);
    expect(screen.frame()).not.toContain('Create data store');
    expect(screen.frame()).not.toMatch(/Enter create|c create/);
    screen.write(KEY.enter);
    screen.write('c');
    await screen.waitFor('Review');
    expect(screen.frame()).not.toContain('billed per hour');
    await screen.press(CTRL_T);
    await screen.waitFor('Where should the data store be created?');
    await screen.press(KEY.down);
    await screen.waitFor(/› Sandbox/);
    await screen.press(KEY.enter);
    await screen.waitFor(/Data store name\s+kept-through-target/);
    await screen.waitFor('SANDBOX');
    expect(screen.frame()).not.toContain('Cannot create yet');
    await screen.press('c');
    await screen.waitFor('billed per hour');
    await screen.waitFor('SANDBOX: the local emulator on this machine');
  });

  it('a dry run resolves the target but asks STS nothing: it sends nothing', async () => {
    const before = emulator.requests.GetCallerIdentity ?? 0;
    driver = drive(createApp(emulatorDeps(emulator), { mode: 'wizard', flow: { initial: { DatastoreTypeVersion: 'R4' }, given: ALL, dryRun: true }, options: { dryRun: true } }));
    await driver.waitFor(/region us-east-1 · http:\/\/127\.0\.0\.1:\d+ +DRY RUN/);
    expect(driver.frame()).not.toContain('account');
    expect(emulator.requests.GetCallerIdentity ?? 0).toBe(before);
  });

  it('the confirmation names the Region, profile, account and identity', async () => {
    const deps = emulatorDeps(emulator);
    const screen = start(deps, { DatastoreTypeVersion: 'R4', DatastoreName: 'named-target' }, ALL);
    await screen.waitFor('Review');
    await screen.waitFor(/account \d{12}/);
    await screen.press('c');
    await screen.waitFor(`Target: AWS region us-east-1 · default credentials · account 123456789012 as sandbox · endpoint`);
  });
});

describe('a submission that fails before anything was sent', () => {
  it('records nothing pending and keeps every answer; once the target is fixed, create sends them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlw-ui-target-'));
    const aws = awsFilesHome('hlw-ui-target-aws-');
    try {
      const store = openStore({ configDir: dir });
      // The profile in use went missing from the files after the wizard started; its check is still running when
      // the person creates. `dev` is the fix.
      const env = aws.files(`[profile dev]\nregion = ${emulator.region}\n`);
      const deps = emulatorDeps(emulator, {
        store,
        profiles: [{ name: 'dev', isDefault: false, chosen: false, region: emulator.region }],
        report: (choice) => (choice.profile ? { ok: true, target: { region: emulator.region, profile: choice.profile, sandbox: false }, identity: IDENTITY } : new Promise<TargetReport>(() => undefined)),
        gatewayFor: (choice, opened) =>
          createGateway(
            { endpointUrl: emulator.url, profile: choice.profile ?? 'gone' },
            { env, ...(opened ? { store: opened } : {}), journal: 'required', ...(choice.profile ? { credentials: { ...SANDBOX_CREDENTIALS } } : {}) },
          ),
      });
      const before = emulator.requests.CreateFHIRDatastore ?? 0;
      const screen = start(deps, { DatastoreTypeVersion: 'R4', DatastoreName: 'sent-after-fix' }, ALL);
      await screen.waitFor('checking the target…');
      await screen.waitFor(/› {2}Create data store/);
      await screen.press('c');
      await screen.waitFor('billed per hour');
      await screen.press('y');
      await screen.waitFor('The config profile "gone" could not be found');
      expect(store.journal.pending()).toEqual([]);
      expect(emulator.requests.CreateFHIRDatastore ?? 0).toBe(before);
      await screen.waitFor(/Data store name\s+sent-after-fix/);
      await screen.press(CTRL_T);
      await screen.waitFor(/› dev/);
      await screen.press(KEY.enter);
      await screen.waitFor('Region for profile dev');
      await screen.press(KEY.enter);
      await screen.waitFor('profile dev · account 444455556666');
      expect(screen.frame()).not.toContain('could not be found');
      await screen.press('c');
      await screen.waitFor('billed per hour');
      await screen.press('y');
      await screen.waitFor('The data store is ACTIVE', 10_000);
      expect(emulator.datastores().filter((datastore) => datastore.request.DatastoreName === 'sent-after-fix')).toHaveLength(1);
      expect(store.journal.pending()).toEqual([]);
    } finally {
      driver?.unmount();
      driver = undefined;
      aws.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
