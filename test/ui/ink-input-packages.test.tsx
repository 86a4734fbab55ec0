/**
 * Why the wizard's text box and choice list are its own (src/ui/inputs/text-input, src/ui/inputs/choice) and not
 * ink-text-input or ink-select-input, which the first design named. Each test renders the real package and the
 * wizard's own input, feeds both the same bytes a terminal sends, and shows what the package does with them.
 * The packages are development dependencies for this file only (the dependency rules keep them out of src/).
 * Should a release of either pass where these tests say it fails, the tests fail: the moment to reconsider.
 *
 * The packages call `onChange` / `onHighlight` synchronously from the key handler, so what they did with a key
 * is read from those calls, not from a frame. Ink subscribes their handlers in a passive effect after each
 * render; `Settled` counts commits whose passive effects have run (a parent's effects run after its
 * children's), so a key is written only once the package listens with the latest render's handler.
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import { useEffect, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ChoiceList } from '../../src/ui/inputs/choice/choice-list.js';
import { useChoice } from '../../src/ui/inputs/choice/use-choice.js';
import { TextInput as WizardTextInput } from '../../src/ui/inputs/text-input/text-input.js';
import { KeyRouter } from '../../src/ui/use-keys.js';
import { drive, KEY, type InkDriver } from './support/ink-driver.js';

const CTRL_A = '\x01';
const CTRL_U = '\x15';
const CTRL_W = '\x17';

/** What a package did: its callbacks' arguments, and how many commits have had their effects run. */
interface Seen {
  changes: string[];
  submitted: string[];
  commits: number;
}
const newSeen = (): Seen => ({ changes: [], submitted: [], commits: 0 });
/** The record belongs to the test, outside React: counting into it is the point of `Settled`. */
const countCommit = (record: Seen) => {
  record.commits++;
};

function Settled({ record, children }: { record: Seen; children: ReactNode }) {
  useEffect(() => {
    countCommit(record);
  });
  return children;
}

/** ink-text-input, controlled as the wizard would use it. */
function PackageTextBox({ initial, record }: { initial: string; record: Seen }) {
  const [value, setValue] = useState(initial);
  return (
    <Settled record={record}>
      <TextInput
        value={value}
        onChange={(next) => {
          record.changes.push(next);
          setValue(next);
        }}
        onSubmit={(submitted) => record.submitted.push(submitted)}
      />
    </Settled>
  );
}

/** Renders ink-text-input with `initial`, waits until it listens, writes each chunk, and returns the record. */
async function packageTextBox(initial: string, ...chunks: string[]): Promise<Seen> {
  const record = newSeen();
  const driver = drive(<PackageTextBox initial={initial} record={record} />);
  try {
    await driver.waitFor(() => record.commits > 0);
    for (const chunk of chunks) driver.write(chunk);
    return record;
  } finally {
    driver.unmount();
  }
}

/** The wizard's own text box under its key router, as the app mounts it. */
function WizardTextBox({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <KeyRouter>
      <Box flexDirection="column">
        <WizardTextInput value={value} onChange={setValue} isActive />
        <Text>value={JSON.stringify(value)}</Text>
      </Box>
    </KeyRouter>
  );
}

/** Writes each chunk to the wizard's text box, then "!", and returns the value once the "!" shows (keys keep their order). */
async function wizardTextBox(initial: string, ...chunks: string[]): Promise<string> {
  const driver = drive(<WizardTextBox initial={initial} />);
  try {
    await driver.waitFor('value=');
    for (const chunk of [...chunks, '!']) driver.write(chunk);
    const frame = await driver.waitFor((current) => /value=".*!.*"/.test(current));
    return JSON.parse(/value=(".*")/.exec(frame)![1]!) as string;
  } finally {
    driver.unmount();
  }
}

describe('ink-text-input 6 cannot be the wizard text box', () => {
  it('types Backspaces that arrive in one chunk (a held key, a slow link, keys typed ahead) into the value', async () => {
    expect((await packageTextBox('', 'abc\x7f\x7f')).changes).toEqual(['abc\x7f\x7f']);
    expect((await packageTextBox('abcd', '\x7f\x7f')).changes).toEqual(['abcd\x7f\x7f']);
    expect(await wizardTextBox('', 'abc\x7f\x7f')).toBe('a!');
    expect(await wizardTextBox('abcd', '\x7f\x7f')).toBe('ab!');
  });

  it('loses the first of two keys that arrive before the next frame: its handler is the last render\'s', async () => {
    expect((await packageTextBox('', 'a', 'b')).changes).toEqual(['a', 'b']);
    expect(await wizardTextBox('', 'a', 'b')).toBe('ab!');
  });

  it('has no readline editing: Ctrl+W, Ctrl+U and Ctrl+A type letters', async () => {
    expect((await packageTextBox('ab cd', CTRL_W)).changes).toEqual(['ab cdw']);
    expect((await packageTextBox('ab cd', CTRL_U)).changes).toEqual(['ab cdu']);
    expect((await packageTextBox('ab cd', CTRL_A)).changes).toEqual(['ab cda']);
    expect(await wizardTextBox('ab cd', CTRL_W)).toBe('ab !');
    expect(await wizardTextBox('ab cd', CTRL_U)).toBe('!');
    expect(await wizardTextBox('ab cd', CTRL_A)).toBe('!ab cd');
  });

  it('types the Enter of "data\\r" (a paste, keys typed ahead) into the value instead of submitting', async () => {
    const record = await packageTextBox('', 'xy\r');
    expect(record).toMatchObject({ changes: ['xy\r'], submitted: [] });
  });

  it('counts UTF-16 units: Backspace after a letter outside the BMP leaves half of it', async () => {
    // 𝒜 (U+1D49C) is a letter; the name and tag patterns accept letters of any script.
    expect((await packageTextBox('a𝒜', '\x7f')).changes).toEqual(['a\ud835']);
    expect(await wizardTextBox('a𝒜', '\x7f')).toBe('a!');
  });
});

const FIVE = ['one', 'two', 'three', 'four', 'five'];
const ITEMS = FIVE.map((value) => ({ label: value, value }));

/** The wizard's list: the highlight is the caller's; a window keeps the order and says what it hides. */
function WizardList({ height }: { height?: number }) {
  const [highlighted, setHighlighted] = useState(0);
  useChoice({ count: FIVE.length, highlighted, onHighlight: setHighlighted, onPick: () => {}, isActive: true });
  return <ChoiceList rows={FIVE.map((label) => ({ label }))} highlighted={highlighted} height={height} />;
}

function wizardList(height?: number): InkDriver {
  return drive(
    <KeyRouter>
      <WizardList height={height} />
    </KeyRouter>,
  );
}

const lines = (frame: string) => frame.split('\n').map((line) => line.trimEnd());

describe('ink-select-input 6 cannot be the wizard choice list', () => {
  it('rotates a list longer than its limit: the last choice shows above the first, and nothing says more are hidden', async () => {
    const record = newSeen();
    const pkg = drive(
      <Settled record={record}>
        <SelectInput items={ITEMS} limit={3} />
      </Settled>,
    );
    await pkg.waitFor(() => record.commits > 0);
    expect(lines(await pkg.press(KEY.up))).toEqual(['❯ five', '  one', '  two']);
    pkg.unmount();
    const own = wizardList(3);
    await own.waitFor('one');
    expect(lines(await own.press(KEY.up))).toEqual(['  ↑ 2 more', '  three', '  four', '› five']);
    own.unmount();
  });

  it('moves once for three arrows that arrive before the next frame', async () => {
    const record = newSeen();
    const pkg = drive(
      <Settled record={record}>
        <SelectInput items={ITEMS} onHighlight={(item) => record.changes.push(item.value)} />
      </Settled>,
    );
    await pkg.waitFor(() => record.commits > 0);
    for (let i = 0; i < 3; i++) pkg.write(KEY.down);
    expect(record.changes).toEqual(['two', 'two', 'two']);
    pkg.unmount();
    const own = wizardList();
    await own.waitFor('one');
    for (let i = 0; i < 3; i++) own.write(KEY.down);
    // "four" shows only once all three arrows have moved the highlight.
    expect(lines(await own.waitFor('› four'))).toEqual(['  one', '  two', '  three', '› four', '  five']);
    own.unmount();
  });
});
