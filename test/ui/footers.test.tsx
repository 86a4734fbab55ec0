/**
 * Footers are generated from the commands a screen registers (`useCommands`): on every screen, each key its
 * footer shows does something, and a command is handled exactly when it is shown (the app's Ctrl+T too, on
 * every screen before sending).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { createGateway } from '../../src/aws/gateway.js';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { openStore } from '../../src/store/index.js';
import { createApp } from '../../src/ui/app.js';
import { bindingsOf, COMMANDS, footerHints, footerLines, shownAs, type Binding, type Command } from '../../src/ui/keys.js';
import { commandFor, handledCommands } from '../../src/ui/use-commands.js';
import { drive, KEY, type InkDriver } from './support/ink-driver.js';
import { emulatorDeps, startTestEmulator } from './support/emulator-deps.js';

const ALL = PARAMETERS.map((parameter) => parameter.name);
const CTRL_T = '\x14';
let emulator: RunningEmulator;
const opened: InkDriver[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(() => {
  for (const driver of opened.splice(0)) driver.unmount();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NAMED: Record<NonNullable<Binding['named']>, string> = {
  return: KEY.enter,
  escape: KEY.escape,
  tab: KEY.tab,
  upArrow: KEY.up,
  downArrow: KEY.down,
  leftArrow: KEY.left,
  rightArrow: KEY.right,
  backspace: KEY.backspace,
  delete: '\x1b[3~',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
};

/** A key as Ink reports it, with only the given flags set. */
function keyOf(flags: Partial<Key>): Key {
  const none = Object.fromEntries(['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end', 'return', 'escape', 'ctrl', 'shift', 'tab', 'backspace', 'delete', 'meta', 'super', 'hyper', 'capsLock', 'numLock'].map((name) => [name, false]));
  return { ...none, ...flags } as Key;
}

/** What a terminal sends for a binding. */
function sequenceOf(binding: Binding): string {
  if (binding.named) return NAMED[binding.named];
  if (binding.ctrl) return String.fromCharCode(binding.char!.charCodeAt(0) - 96);
  return binding.char!;
}

/** The commands behind a footer line: each hint names the commands that show as it (↑↓ is up and down). */
function commandsShown(footer: string): Command[] {
  return footer.split(' · ').flatMap((hint) => {
    const shown = COMMANDS.filter((command) => shownAs(command) === command && footerHints([command]) === hint);
    expect(shown.length, `the hint "${hint}" names one command`).toBeGreaterThan(0);
    return COMMANDS.filter((command) => shown.includes(shownAs(command)));
  });
}

/** The second key of a pair that undoes the first (pressed after it). */
const WAYS_BACK = new Set<Command>(['up', 'arrowUp', 'scrollUp', 'helpUp', 'previousTab']);

/** Whether a line is hints alone (every part between ` · ` names a command). */
function isHintLine(line: string): boolean {
  return line !== '' && line.split(' · ').every((hint) => COMMANDS.some((command) => footerHints([command]) === hint));
}

/**
 * The footer: the last line of hints (Ctrl+C quit is on every screen that has the keys), with the lines of hints
 * right above it (a footer too long for one line goes on in the next, broken between hints).
 */
function footerOf(frame: string): string {
  // A dialog's footer sits inside its border.
  const lines = frame.split('\n').map((line) => line.replace(/[│╭╮╰╯─]/g, '').trim());
  let last = lines.length - 1;
  while (last >= 0 && !(lines[last]!.includes(' · ') || lines[last]!.endsWith('quit'))) last--;
  let first = last;
  while (first > 0 && isHintLine(lines[first - 1]!)) first--;
  return lines.slice(first, last + 1).join(' · ');
}

function app(initial: Record<string, unknown>, given: string[], options: { store?: boolean; resources?: boolean } = {}) {
  let store;
  if (options.store) {
    const dir = mkdtempSync(join(tmpdir(), 'hlw-footers-'));
    dirs.push(dir);
    store = openStore({ configDir: dir });
    // A preset to start from: the start screen offers it.
    store.presets.save('team-defaults', VALID);
  }
  // The pickers list the emulator's KMS keys and Lambda functions (its default fixtures).
  const resources = options.resources ? { resources: { credentials: { ...SANDBOX_CREDENTIALS } } } : {};
  // The preview tabs' w writes its file here.
  const writeDir = mkdtempSync(join(tmpdir(), 'hlw-footers-write-'));
  dirs.push(writeDir);
  const driver = drive(createApp(emulatorDeps(emulator, { store, writeDir, ...resources }), { mode: 'wizard', flow: { initial: initial as never, given, clientToken: 'token-1' }, options: {} }));
  opened.push(driver);
  return driver;
}

/** Two data stores in the emulator, created once, for the status picker to list. */
let twoDatastores: Promise<unknown> | undefined;

/** `status` without an id: the picker over the emulator's data stores. */
async function statusPicker(): Promise<InkDriver> {
  const gateway = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS } });
  twoDatastores ??= Promise.all(['footer-a', 'footer-b'].map((name) => gateway.create({ DatastoreTypeVersion: 'R4', DatastoreName: name })));
  await twoDatastores;
  const driver = drive(createApp(emulatorDeps(emulator), { mode: 'status', sandbox: false, options: {} }));
  opened.push(driver);
  await driver.waitFor('footer-b');
  await driver.waitFor('region us-east-1');
  return driver;
}

/** The KMS key step with its picker, the keys listed. */
const KMS_STEP = { DatastoreTypeVersion: 'R4', 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY' };
const KMS_GIVEN = ALL.filter((name) => name !== 'SseConfiguration').concat('SseConfiguration.KmsEncryptionConfig.CmkType');

const VALID = { DatastoreTypeVersion: 'R4', DatastoreName: 'clinic' };
const SMART = JSON.stringify({ authorization_endpoint: 'https://a.example/authorize', token_endpoint: 'https://a.example/token', grant_types_supported: ['authorization_code'], capabilities: ['launch-standalone'], code_challenge_methods_supported: ['S256'] });
const SMART_GIVEN = ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration.AuthorizationStrategy', 'IdentityProviderConfiguration.FineGrainedAuthorizationEnabled'];

/** Each screen, opened afresh and settled (the header's target resolved, so the next key meets a still screen). */
const SCREENS: { name: string; open: () => Promise<InkDriver> }[] = [
  {
    name: 'start',
    open: async () => {
      const driver = app({}, [], { store: true });
      await driver.waitFor('How do you want to start?');
      return driver;
    },
  },
  {
    name: 'a text step',
    open: async () => {
      const driver = app({ DatastoreTypeVersion: 'R4' }, ALL.filter((path) => path !== 'DatastoreName'));
      await driver.waitFor('Step 1 of 7');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'a choice step',
    open: async () => {
      const driver = app({ DatastoreName: 'clinic' }, ALL.filter((path) => path !== 'DatastoreTypeVersion'));
      await driver.waitFor('Step 2 of 7');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'the tags step',
    open: async () => {
      const driver = app({ ...VALID, Tags: [{ Key: 'team', Value: 'data' }] }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig']);
      await driver.waitFor('› Done — continue');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'review',
    open: async () => {
      const driver = app(VALID, ALL);
      await driver.waitFor('Create data store');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'a preview tab of review (JSON)',
    open: async () => {
      const driver = app(VALID, ALL);
      await driver.waitFor('Create data store');
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.right);
      await driver.waitFor('"DatastoreTypeVersion"');
      return driver;
    },
  },
  {
    name: 'a preview tab longer than its pane (30 tags)',
    open: async () => {
      const tags = Array.from({ length: 30 }, (_, index) => ({ Key: `key-${index}`, Value: `value-${index}` }));
      const driver = app({ ...VALID, Tags: tags }, ALL);
      await driver.waitFor('Create data store');
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.right);
      await driver.waitFor(/more lines[\s\S]*↑↓ scroll/);
      return driver;
    },
  },
  {
    name: 'the checks tab of review',
    open: async () => {
      const driver = app(VALID, ALL, { resources: true });
      await driver.waitFor('Create data store');
      await driver.waitFor('region us-east-1');
      // The checks are the last tab: ← from the answers.
      await driver.press(KEY.left);
      await driver.waitFor('[Checks]');
      return driver;
    },
  },
  {
    name: 'the preset picker',
    open: async () => {
      const driver = app({}, [], { store: true });
      await driver.waitFor('How do you want to start?');
      await driver.press(KEY.down);
      await driver.waitFor(/› Start from a preset/);
      await driver.press(KEY.enter);
      await driver.waitFor('Start from a preset');
      return driver;
    },
  },
  {
    name: 'the SMART metadata builder',
    open: async () => {
      const driver = app({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': SMART }, SMART_GIVEN);
      await driver.waitFor('How do you want to give the metadata?');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'a list of the SMART metadata builder',
    open: async () => {
      const driver = app({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': SMART }, SMART_GIVEN);
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
      await driver.waitFor('Grant types');
      return driver;
    },
  },
  {
    // The issuer is local and closed: Ctrl+P's fetch fails at once, and says so, reaching nothing else.
    name: 'the issuer of the SMART metadata builder, one given',
    open: async () => {
      const withIssuer = JSON.stringify({ ...(JSON.parse(SMART) as object), issuer: 'https://127.0.0.1:9' });
      const driver = app({ DatastoreTypeVersion: 'R4', 'IdentityProviderConfiguration.AuthorizationStrategy': 'SMART_ON_FHIR', 'IdentityProviderConfiguration.Metadata': withIssuer }, SMART_GIVEN, { resources: true });
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.enter);
      await driver.waitFor('Issuer URL (optional');
      expect(footerOf(driver.frame())).toContain('Ctrl+P prefill');
      return driver;
    },
  },
  {
    name: 'the target picker (Ctrl+T)',
    open: async () => {
      const driver = app({ DatastoreTypeVersion: 'R4' }, ALL.filter((path) => path !== 'DatastoreName'));
      await driver.waitFor('region us-east-1');
      await driver.waitFor('Ctrl+T target');
      await driver.press(CTRL_T);
      await driver.waitFor('Where should the data store be created?');
      return driver;
    },
  },
  {
    name: "the target picker's Regions",
    open: async () => {
      const driver = app({ DatastoreTypeVersion: 'R4' }, ALL.filter((path) => path !== 'DatastoreName'));
      await driver.waitFor('region us-east-1');
      await driver.press(CTRL_T);
      await driver.waitFor(/› Configured credentials/);
      await driver.press(KEY.enter);
      await driver.waitFor(/› us-east-1\s+US East \(N. Virginia\) · in use/);
      return driver;
    },
  },
  {
    name: 'the KMS key picker',
    open: async () => {
      const driver = app(KMS_STEP, KMS_GIVEN, { resources: true });
      await driver.waitFor('alias/sandbox-usable');
      await driver.waitFor('region us-east-1');
      return driver;
    },
  },
  {
    name: 'the KMS key picker with a filter typed',
    open: async () => {
      const driver = app(KMS_STEP, KMS_GIVEN, { resources: true });
      await driver.waitFor('alias/sandbox-usable');
      await driver.waitFor('region us-east-1');
      await driver.type('sandbox');
      await driver.waitFor('Esc clear filter');
      return driver;
    },
  },
  {
    name: 'the status picker (status without an id)',
    open: statusPicker,
  },
  {
    name: 'the status picker with a filter typed',
    open: async () => {
      const driver = await statusPicker();
      await driver.type('footer');
      await driver.waitFor('Esc clear filter');
      return driver;
    },
  },
  {
    name: 'the skip dialog',
    open: async () => {
      const driver = app({ ...VALID, Tags: [{ Key: 'team', Value: 'data' }] }, ['DatastoreName', 'DatastoreTypeVersion', 'SseConfiguration', 'PreloadDataConfig']);
      await driver.waitFor('› Done — continue');
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.tab);
      await driver.waitFor('Skip Tags and clear its answers?');
      return driver;
    },
  },
  {
    name: 'the confirmation before creating',
    open: async () => {
      const driver = app(VALID, ALL);
      await driver.waitFor('region us-east-1');
      await driver.press('c');
      await driver.waitFor('billed per hour');
      return driver;
    },
  },
  {
    name: 'the save-preset dialog',
    open: async () => {
      const driver = app(VALID, ALL, { store: true });
      await driver.waitFor('region us-east-1');
      await driver.press('s');
      await driver.waitFor('Save these answers as a preset');
      return driver;
    },
  },
  {
    name: 'the quit dialog',
    open: async () => {
      const driver = app(VALID, ALL);
      await driver.waitFor('region us-east-1');
      await driver.press(KEY.ctrlC);
      await driver.waitFor('Quit and discard your answers?');
      return driver;
    },
  },
];

describe('footers generated from the commands registered', () => {
  it('a command is handled exactly when it is given, in the order given', () => {
    const calls: string[] = [];
    const handlers = { next: () => calls.push('next'), select: () => calls.push('select'), back: false as const, skip: undefined };
    expect(handledCommands(handlers)).toEqual(['next', 'select']);
    commandFor(handlers, '\r', keyOf({ return: true }))?.();
    expect(calls).toEqual(['next']);
    expect(commandFor(handlers, '', keyOf({ escape: true }))).toBeUndefined();
    expect(footerHints(handledCommands(handlers))).toBe('Enter next · Enter select');
  });

  it('a pair shows once: ↑ and ↓ as "↑↓ choose", PgUp and PgDn as one hint', () => {
    expect(footerHints(['up', 'down', 'helpUp', 'helpDown', 'quit'])).toBe('↑↓ choose · PgUp/PgDn scroll · Ctrl+C quit');
  });

  for (const screen of SCREENS) {
    it(`${screen.name}: every key the footer shows does something`, async () => {
      const first = await screen.open();
      const footer = footerOf(first.frame());
      expect(footer).toContain('·');
      const commands = commandsShown(footer);
      first.unmount();
      // The way back of a pair (↑ of ↑↓, ← of ←→) is pressed after its way there, on the same screen: a pane that
      // scrolls only down from its top shows "↑↓ scroll". Any other key on a screen of its own.
      const runs = commands.filter((command) => !WAYS_BACK.has(command)).map((command) => [command, ...commands.filter((other) => WAYS_BACK.has(other) && shownAs(other) === command)]);
      for (const run of runs) {
        const driver = await screen.open();
        for (const command of run) {
          const before = driver.frame();
          driver.write(sequenceOf(bindingsOf(command)[0]!));
          await driver.waitFor((frame) => frame !== before).catch(() => {
            throw new Error(`on ${screen.name}, "${footerHints([command])}" (${command}) changed nothing; the footer was: ${footer}`);
          });
        }
        driver.unmount();
      }
    });
  }
});

describe('the footer at 80 columns', () => {
  it('breaks between hints, never inside one, and shows every hint', () => {
    const busy: Command[] = ['editRow', 'add', 'expire', 'remove', 'up', 'down', 'back', 'help', 'skip', 'changeTarget', 'quit'];
    const lines = footerLines(busy, 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines.join(' · ')).toBe(footerHints(busy));
    expect(footerLines(['next', 'quit'], 80)).toEqual(['Enter next · Ctrl+C quit']);
  });
});
