/**
 * The long help (`?`) at 80x24: it scrolls to its last line, and re-wraps when the terminal is resized; an
 * option's meaning cut to one line is read whole on the highlighted row.
 */
import { describe, expect, it } from 'vitest';
import { leafAt, parameterByName } from '../../src/parameter-model/index.js';
import { type PtyTerminal } from '../support/pty-terminal.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

const PAGE_DOWN = '\x1b[6~';
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text inside the help box on screen (between its borders), without the scroll markers. */
function helpBox(term: PtyTerminal): string[] {
  const lines = term.lines();
  const top = lines.findIndex((line) => line.startsWith('╭'));
  const bottom = lines.findIndex((line, index) => index > top && line.startsWith('╰'));
  return lines.slice(top + 1, bottom).map((line) => line.replace(/^│ ?/, '').replace(/ ?│$/, '').trimEnd());
}
/** Appends a page of lines, leaving out the lines it repeats from the end of the previous page. */
function appendPage(seen: string[], page: string[]): void {
  let overlap = Math.min(seen.length, page.length);
  while (overlap > 0 && seen.slice(-overlap).join('\n') !== page.slice(0, overlap).join('\n')) overlap--;
  seen.push(...page.slice(overlap));
}
const isMarker = (line: string) => /^[↑↓] \d+ more lines/.test(line);

describe('the long help', () => {
  it('shows the highlighted option whole, scrolls to its end with PgDn at 80x24, and re-wraps after a resize', async () => {
    const term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'n']);
    await term.waitFor(/region us-east-1[\s\S]*Encryption › Key type[\s\S]*Ctrl\+C quit/);
    // An option's meaning cut with "…" is read whole on the highlighted row.
    expect(term.screen()).toMatch(/^ {2}AWS_OWNED_KMS_KEY .*…$/m);
    await term.press('j');
    await term.waitFor((screen) => words(screen).includes('nothing to set up, no KMS charges. The default.'));
    term.write('?');
    await term.waitFor('more lines (PgDn)');
    expect(term.screen()).not.toContain('more in a taller terminal');
    // Page down until nothing more is below, gathering what was shown.
    const seen: string[] = [];
    for (let page = 0; page < 20; page++) {
      const box = helpBox(term);
      appendPage(seen, box.filter((line) => !isMarker(line) && line !== ''));
      if (!box.some((line) => line.startsWith('↓'))) break;
      const before = term.screen();
      term.write(PAGE_DOWN);
      await term.waitFor((screen) => screen !== before);
      await term.settled();
    }
    const shown = words(seen.join(' '));
    // Both helps were shown whole, in order: the leaf's, then the parameter's.
    const leaf = leafAt('SseConfiguration.KmsEncryptionConfig.CmkType')!.node.help;
    const parameter = parameterByName('SseConfiguration')!.help;
    expect(shown).toBe(words(`${leaf.label} ${leaf.long} ${parameter.label} ${parameter.long}`));

    term.resize(60, 24);
    await term.waitFor(() => term.lines().some((line) => line.startsWith('╭') && [...line].length === 60));
    await term.settled();
    const box = helpBox(term).filter((line) => line !== '' && !isMarker(line));
    expect(box.length).toBeGreaterThan(0);
    // Every line fits the narrower box, and its words are whole words of the help.
    const allWords = new Set(words(`${parameterByName('SseConfiguration')!.help.long} ${leafAt('SseConfiguration.KmsEncryptionConfig.CmkType')!.node.help.long} Key type Encryption`).split(' '));
    for (const line of box) {
      expect([...line].length).toBeLessThanOrEqual(56);
      for (const word of line.trim().split(/\s+/)) expect(allWords.has(word)).toBe(true);
    }
  });
});
