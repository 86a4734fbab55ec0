/** The tags editor at 80 columns: errors follow the typing, and a row's errors are all shown, whole. */
import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { addTag, FLAGS_UP_TO_TAGS, typeNewTagKey } from '../support/wizard-steps.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

const KEY_RULE = 'Tag key must be letters (any script), digits, spaces and _ . : / = + - @; the character "#" is not allowed.';
const VALUE_RULE = 'Tag value must be letters (any script), digits, spaces and _ . : / = + - @; the character "🔥" is not allowed.';

/** The screen's lines joined as running text: a message wrapped between words reads whole again. */
const runningText = (term: PtyTerminal) => term.lines().map((line) => line.trim()).join(' ');

describe('the tags editor', () => {
  it('shows the errors of what is typed, every error of a row, each whole at 80 columns', async () => {
    term = fx.spawn(FLAGS_UP_TO_TAGS);
    await typeNewTagKey(term, 'team');
    await term.settled();
    // The key typed so far is not empty: no error about an empty key beside it.
    expect(term.screen()).not.toContain('must not be empty');
    term.type('#');
    await term.waitFor('"#" is not allowed');
    await term.press(KEYS.enter);
    await term.waitFor('Editing the value');
    term.type('x🔥');
    await term.waitFor('"🔥" is not allowed');
    await term.settled();
    expect(term.screen()).toMatch(/› team# = x🔥/);
    const text = runningText(term);
    expect(text).toContain(`✗ ${KEY_RULE}`);
    expect(text).toContain(`✗ ${VALUE_RULE}`);
  });

  it('shows every key of its footer whole at 80 columns, on a second line where one is not enough', async () => {
    term = fx.spawn(FLAGS_UP_TO_TAGS);
    await term.waitFor('No tags yet');
    await addTag(term, 'team', 'data');
    // The row's footer (Enter edits it), not the value editor's.
    await term.waitFor(/› team\s+=\s+data[\s\S]*Enter edit[\s\S]*Ctrl\+C quit/);
    const lines = term.lines().filter((line) => line.includes(' · ') && /quit|skip step|choose/.test(line));
    expect(lines.length).toBe(2);
    const footer = lines.join(' · ');
    for (const hint of ['Enter edit', 'a add', 'x expires in…', 'd delete', '↑↓ choose', '? help', 'Tab skip step', 'Ctrl+T target', 'Ctrl+C quit']) expect(footer).toContain(hint);
    for (const line of lines) expect(line.endsWith('…')).toBe(false);
  });

  it('x adds the expiry tag; a duration typed as its value becomes the time it ends, in UTC', async () => {
    term = fx.spawn(FLAGS_UP_TO_TAGS);
    await term.waitFor('No tags yet');
    await term.waitFor('x expires in…');
    const before = Date.now();
    await term.press('x');
    await term.waitFor('Expires at: type a duration');
    term.type('2d');
    await term.waitFor('› healthlake-wizard:expires-at = 2d');
    await term.press(KEYS.enter);
    const screen = await term.waitFor(/healthlake-wizard:expires-at = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    const value = /healthlake-wizard:expires-at = (\S+)/.exec(screen)![1]!;
    expect(Date.parse(value)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 2 * 86_400_000);
    expect(Date.parse(value)).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000);
  });
});
