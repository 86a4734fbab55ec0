import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

const STEP_LIST = /Name {2}· FHIR version {2}· Encryption {2}· Sample data {2}· Tags {2}· Identity provider {2}· Client token/;

describe('the wizard follows the terminal size', () => {
  it('re-lays out a step when the terminal narrows and widens, and keeps the typed answer', async () => {
    term = fx.spawn();
    await term.waitFor('Step 1 of 7');
    term.type('resized');
    await term.waitFor('7/256');

    term.resize(60, 24);
    // At 60 columns the app wraps the help between words; the terminal alone would cut "it in" mid-word.
    await term.waitFor((screen) => screen.includes('7/256') && term!.lines().includes('in lists. Optional.'));

    term.resize(110, 30);
    // Wide enough again: the whole step list on one line.
    await term.waitFor((screen) => STEP_LIST.test(screen) && screen.includes('7/256'));

    await term.press(KEYS.enter);
    await term.waitFor('Step 2 of 7');
    expect(term.screen()).toMatch(/✓ Name/);
  });
});
