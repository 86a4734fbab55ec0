/**
 * The flow a newcomer meets, in the built binary in a pty: Enter moves forward everywhere (to ACTIVE with only
 * Enter and `y`), `--dry-run` on a terminal prints the request and sends nothing, and `--save-preset` is
 * honoured by the wizard.
 */
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { runBinary } from '../cli/built-binary.js';
import { KEYS, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { useWizardFixture, type Sandboxed } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

/** Every parameter as a flag, so the wizard opens on its review. */
const FLAGS = ['--datastore-type-version', 'R4', '--datastore-name', 'printed-only', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'];

/** The binary run to its end with the same HOME and config dir as a wizard of this file. */
const cli = (dirs: Sandboxed, args: string[]) =>
  runBinary(args, { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey, AWS_REGION: fx.emulator.region });

const spawnIn = (dirs: Sandboxed, args: string[], env: Record<string, string> = {}) =>
  fx.track(spawnCli(args, { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, ...env } }));

const withEmulator = (dirs: Sandboxed, args: string[]) =>
  spawnIn(dirs, ['--endpoint-url', fx.emulator.url, ...args], { AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey, AWS_REGION: fx.emulator.region });

/** The terminal's output with its line ends as printed (the pty turns "\n" into "\r\n") and the final cursor-show codes cut. */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const printedAfterExit = (output: string) => output.replace(/\r\n/g, '\n').replace(/(?:\x1b\[\?25h)+$/, '');

describe('Enter moves forward', () => {
  it('from an empty HOME to ACTIVE in the sandbox with only Enter and y', async () => {
    const dirs = fx.tempHome();
    term = spawnIn(dirs, [], { HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300' });
    await term.waitFor(/› Try it in the sandbox[\s\S]*Ctrl\+C quit/);
    const seen: string[] = [];
    // Enter on whatever is shown, until the confirmation: the keys a newcomer presses without reading a footer.
    for (let presses = 0; presses < 20 && !term.screen().includes('Create the data store?'); presses++) {
      const before = term.screen();
      seen.push(before);
      await term.press(KEYS.enter);
      await term.waitFor((screen) => screen !== before);
    }
    const review = seen.at(-1)!;
    expect(review).toMatch(/Review —[\s\S]*› +Create data store[\s\S]*Enter create/);
    const confirmation = term.screen();
    expect(confirmation).toContain('Target: SANDBOX');
    expect(confirmation).toMatch(/Cannot be changed after creation:\s+│\s+│\s+Encryption\s+\(left out: AWS owned key\)/);
    expect(confirmation).toMatch(/Sample data\s+\(left out: no sample data\)/);
    expect(confirmation).toMatch(/Identity provider\s+\(left out: AWS_AUTH\)/);
    await term.press('y');
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
  });
});

describe('--dry-run on a terminal', () => {
  it('says so, offers "Print request", sends nothing and prints what --no-interactive --dry-run prints', async () => {
    const dirs = fx.tempHome();
    const createsBefore = fx.emulator.requests.CreateFHIRDatastore ?? 0;
    term = withEmulator(dirs, ['--dry-run', ...FLAGS]);
    await term.waitFor(/DRY RUN[\s\S]*Review —[\s\S]*› +Print request[\s\S]*Enter print request/);
    expect(term.screen()).not.toContain('Create data store');
    // `c`, the old create key, prints too: nothing on this screen can send.
    await term.press('c');
    const { exitCode } = await term.exited;
    expect(exitCode).toBe(0);
    const expected = await cli(dirs, ['create', '--no-interactive', '--dry-run', ...FLAGS]);
    expect(expected.code).toBe(0);
    // The request follows the last frame on a line of its own, byte for byte what the non-interactive dry run prints.
    expect(printedAfterExit(term.output()).slice(-expected.stdout.length - 1)).toBe(`\n${expected.stdout}`);
    expect(expected.stdout).toContain('"DatastoreName": "printed-only"');
    expect(fx.emulator.requests.CreateFHIRDatastore ?? 0).toBe(createsBefore);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'printed-only')).toBe(false);
  });
});

describe('--save-preset in the wizard', () => {
  it('saves the preset once the data store is created; it lands in presets list', async () => {
    const dirs = fx.tempHome();
    term = withEmulator(dirs, ['--save-preset', 'from-wizard', ...FLAGS.slice(0, 3), 'preset-created', ...FLAGS.slice(4)]);
    await term.waitFor(/Review —[\s\S]*› +Create data store/);
    await term.press(KEYS.enter);
    await term.waitFor('Create the data store "preset-created"?');
    await term.press('y');
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    expect(term.output()).toContain('saved preset "from-wizard"');
    const listed = await cli(dirs, ['presets', 'list']);
    expect(listed.stdout).toContain('from-wizard');
    const shown = await cli(dirs, ['presets', 'show', 'from-wizard', '--output', 'json']);
    expect(shown.stdout).toContain('preset-created');
  });

  it('with --dry-run saves it and prints the request', async () => {
    const dirs = fx.tempHome();
    term = withEmulator(dirs, ['--dry-run', '--save-preset', 'printed', ...FLAGS]);
    await term.waitFor(/› +Print request/);
    await term.press(KEYS.enter);
    expect((await term.exited).exitCode).toBe(0);
    expect(term.output()).toContain('"DatastoreName": "printed-only"');
    expect((await cli(dirs, ['presets', 'list'])).stdout).toContain('printed');
  });

  it('quitting from review asks to save, saves, and leaves no dialog on the screen', async () => {
    const dirs = fx.tempHome();
    term = withEmulator(dirs, ['--save-preset', 'kept-on-quit', ...FLAGS]);
    await term.waitFor(/› +Create data store/);
    await term.press(KEYS.ctrlC);
    await term.waitFor('Quit and save the answers as preset "kept-on-quit"?');
    term.write('y');
    expect((await term.exited).exitCode).toBe(130);
    expect(term.screen()).not.toContain('Quit and save');
    expect(term.screen()).toContain('Answers saved as preset "kept-on-quit"; nothing was sent.');
    expect((await cli(dirs, ['presets', 'list'])).stdout).toContain('kept-on-quit');
  });
});

describe('preset entry points agree', () => {
  it('--preset NAME, and --preset NAME with flags, go to review; an invalid flag is the one thing asked', async () => {
    const dirs = fx.tempHome();
    // A preset that leaves encryption and the identity provider out.
    const saved = await cli(dirs, ['create', '--no-interactive', '--dry-run', '--save-preset', 'clinic', '--datastore-type-version', 'R4', '--datastore-name', 'from-preset', '--tags', 'Key=team,Value=data']);
    expect(saved.code).toBe(0);
    term = withEmulator(dirs, ['--preset', 'clinic']);
    await term.waitFor(/Review —[\s\S]*Data store name\s+from-preset[\s\S]*Tags\s+1 tag: team=data[\s\S]*› +Create data store/);
    await term.close();
    term = withEmulator(dirs, ['--preset', 'clinic', '--datastore-name', 'flag-wins']);
    await term.waitFor(/Review —[\s\S]*Data store name\s+flag-wins[\s\S]*› +Create data store/);
    await term.close();
    term = withEmulator(dirs, ['--preset', 'clinic', '--datastore-name', 'bad#name']);
    await term.waitFor(/Step 1 of 7[\s\S]*bad#name/);
    for (let i = 0; i < '#name'.length; i++) await term.press(KEYS.backspace);
    await term.press(KEYS.enter);
    await term.waitFor(/Review —[\s\S]*Data store name\s+bad\s[\s\S]*Tags\s+1 tag: team=data/);
  });
});

describe('Esc and quitting', () => {
  it('Esc on step 1 goes back to the start screen (the footer says so); quitting leaves no dialog on screen', async () => {
    const dirs = fx.tempHome();
    term = spawnIn(dirs, []);
    await term.waitFor(/› Try it in the sandbox[\s\S]*Ctrl\+C quit/);
    await term.press(KEYS.enter);
    await term.waitFor(/Step 1 of 7[\s\S]*Esc back/);
    await term.press(KEYS.escape);
    await term.waitFor(/How do you want to start\?[\s\S]*› Start fresh/);
    await term.press(KEYS.enter);
    await term.waitFor('Step 1 of 7');
    await term.press(KEYS.ctrlC);
    await term.waitFor('Quit and discard your answers?');
    term.write('y');
    expect((await term.exited).exitCode).toBe(130);
    expect(term.screen()).not.toContain('Quit and discard');
    expect(term.screen()).toContain('Answers discarded; nothing was sent.');
  });
});
