import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, KEYS, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { oneColumnWidth } from '../../src/ui/one-column-text.js';
import { confirmCreate, cursorRestored, quitAndDiscard, useWizardFixture } from './wizard-session.js';

// Creation never finishes within the test: Ctrl+C arrives while polling.
const fx = useWizardFixture(10 * 60_000);
let term: PtyTerminal;

describe('Ctrl+C', () => {
  it('at a step asks first, then exits 130 with the terminal restored and nothing sent', async () => {
    term = fx.spawn();
    await term.waitFor('Step 1 of 7');
    term.type('half-typed');
    await term.waitFor('half-typed');
    expect(await quitAndDiscard(term)).toBe(130);
    expect(term.output()).toContain('nothing was sent');
    expect(cursorRestored(term.output())).toBe(true);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'half-typed')).toBe(false);
  });

  it('while polling leaves the data store running and prints the resume command', async () => {
    term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'left-running', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `left-running-${Date.now()}`]);
    await term.waitFor('Review —');
    await confirmCreate(term);
    await term.waitFor(/CREATING[\s\S]*Checked/, 20_000);
    term.write(KEYS.ctrlC);
    expect((await term.exited).exitCode).toBe(130);
    const id = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'left-running')?.id;
    expect(id).toBeDefined();
    expect(term.output()).toContain(`healthlake-wizard status ${id}`);
    expect(cursorRestored(term.output())).toBe(true);
  });
});

/**
 * Lines string-width would have to segment into graphemes. The first screens must have none: the bundle's
 * string-width answers one-column text without loading its Unicode tables (src/ui/one-column-text.ts).
 */
const notOneColumn = (lines: string[]) => lines.filter((line) => oneColumnWidth(line) === undefined);

describe('first run', () => {
  it('with an empty HOME offers the sandbox, and in it a data store reaches ACTIVE', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnCli([], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300' } }));
    await term.waitFor(/No AWS credentials were found[\s\S]*› Try it in the sandbox[\s\S]*Ctrl\+C quit/);
    expect(notOneColumn(term.lines())).toEqual([]);
    await term.press(KEYS.enter);
    await term.waitFor('Step 1 of 7');
    expect(term.screen()).toContain('SANDBOX');
    expect(notOneColumn(term.lines())).toEqual([]);
    // Accepting every default: one Enter per step, seven steps, then review.
    for (let step = 1; step <= 7; step++) {
      await term.waitFor(`Step ${step} of 7`);
      await term.press(KEYS.enter);
    }
    await term.waitFor('Review —');
    expect(term.screen()).toContain('SANDBOX');
    await confirmCreate(term);
    // The ACTIVE frame names the sandbox in its header, the line above the badge. (What the program writes as it
    // ends can scroll that line off the screen: waitFor then reads the scrollback.)
    await term.waitFor(/SANDBOX *\n *\n ACTIVE [^\n]*\n[\s\S]*The data store is ACTIVE/, 20_000);
    expect((await term.exited).exitCode).toBe(0);
  });
});

describe('colour', () => {
  it('respects NO_COLOR: no colour codes, the screen still readable', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnCli(['--sandbox'], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, NO_COLOR: '1' } }));
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    // eslint-disable-next-line no-control-regex -- control characters are what it matches
    expect(term.output()).not.toMatch(/\x1b\[(?:3|4|9|10)[0-9](?:;[0-9]+)*m/);
    expect(await quitAndDiscard(term)).toBe(130);
  });
});

/** Every parameter as a flag, so the wizard opens on its review. */
const allParameters = (name: string) => ['--datastore-type-version', 'R4', '--datastore-name', name, '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `${name}-${Date.now()}`];

describe('signals', () => {
  it('SIGHUP (the terminal closed) while the sandbox polls ends the program with 129, the data store kept', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnCli(['--sandbox', ...allParameters('hung-up')], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '600000' } }));
    await term.waitFor('Review —');
    await confirmCreate(term);
    await term.waitFor(/CREATING[\s\S]*Checked/, 20_000);
    // The in-process sandbox is listening now: it must not keep the program alive once the terminal is gone.
    term.signal('SIGHUP');
    expect((await term.exited).exitCode).toBe(129);
    expect(readFileSync(join(dirs.configDir, 'sandbox-state.json'), 'utf8')).toContain('"hung-up"');
  });

  it('SIGTERM at a step ends the program with 143', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnCli(['--sandbox'], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    await term.settled();
    term.signal('SIGTERM');
    expect((await term.exited).exitCode).toBe(143);
    expect(cursorRestored(term.output())).toBe(true);
  });
});

describe('CI variables', () => {
  it('do not stop the wizard drawing on a terminal (Ink would wait for its unmount)', async () => {
    const dirs = fx.tempHome();
    const ci = { CI: 'true', CONTINUOUS_INTEGRATION: 'true', CI_JOB_ID: '1' };
    term = fx.track(spawnCli(['--sandbox'], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, ...ci } }));
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    term.type('drawn-per-key');
    await term.waitFor('drawn-per-key');
    expect(await quitAndDiscard(term)).toBe(130);
  });
});

describe('keys typed before the first frame', () => {
  it('reach the steps they were meant for, Enter included (sent as LF, as the terminal turns it before raw mode)', async () => {
    const dirs = fx.tempHome();
    term = fx.track(spawnCli(['--sandbox'], { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    // Written at once, before Node has even started: the name, Enter, and Enter again on the FHIR version.
    term.write('typed-ahead\n\n');
    await term.waitFor(/Step 3 of 7[\s\S]*Ctrl\+C quit/);
    expect(term.screen()).toMatch(/✓ Name\s+✓ FHIR version\s+› Encryption/);
    // One Escape at a time, each waited for by its step: two in one read are one key (Alt+Escape, as terminals send it).
    await term.press(KEYS.escape);
    await term.waitFor(/Step 2 of 7[\s\S]*Ctrl\+C quit/);
    await term.press(KEYS.escape);
    await term.waitFor(/Step 1 of 7[\s\S]*typed-ahead/);
  });
});

describe('a closed terminal', () => {
  it('ends the program quietly: SIGHUP, no error about the writes that fail, nothing left running', async () => {
    const dirs = fx.tempHome();
    const errors = join(dirs.configDir, '..', 'stderr.txt');
    // stderr goes to a file, to read what the program says once its terminal is gone.
    term = fx.track(spawnCli(['-c', 'exec "$0" "$1" --sandbox 2>"$2"', process.execPath, BIN, errors], { file: '/bin/sh', env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir } }));
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    await term.settled();
    const pid = term.pid;
    term.hangUp();
    await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
    expect(readFileSync(errors, 'utf8')).not.toMatch(/Error|\n\s+at /);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
