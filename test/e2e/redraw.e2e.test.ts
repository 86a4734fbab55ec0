import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

/** What the program wrote from a whole frame on until `act` has seen the frame it waits for. */
async function writtenDuring(act: () => Promise<void>): Promise<string> {
  const before = term.output().length;
  await act();
  return term.output().slice(before);
}

describe('redrawing', () => {
  it('a key rewrites only the lines it changes, and every frame sits where the last one did', async () => {
    term = fx.spawn();
    // The header changes once the target is resolved (the SDK loads after the first frame): wait for that.
    await term.waitFor(/healthlake-wizard · region us-east-1[\s\S]*Step 1 of 7[\s\S]*Ctrl\+C quit/);
    const frameTop = term.lines().findIndex((line) => line.startsWith('healthlake-wizard'));

    const written = await writtenDuring(async () => {
      term.type('k');
      await term.waitFor('1/256');
    });
    expect(written).toContain('k');
    // Not the header, the step list, the help or the footer: those lines did not change.
    for (const unchanged of ['healthlake-wizard', 'Step 1 of 7', 'FHIR version', 'A name you choose', 'Ctrl+C quit']) {
      expect(written).not.toContain(unchanged);
    }

    // A frame of another height (step 2 is shorter): drawn from the same top line, nothing of step 1 left.
    await term.press(KEYS.enter);
    // waitFor sees whole frames only (see PtyTerminal.syncState): what it shows is all that is on screen.
    await term.waitFor(/Step 2 of 7[\s\S]*Ctrl\+C quit/);
    const lines = term.lines();
    expect(lines[frameTop]).toMatch(/^healthlake-wizard/);
    expect(lines[frameTop + 1]).toBe('Step 2 of 7');
    expect(term.screen()).not.toMatch(/Step 1 of 7|A name you choose|\d+\/256/);

    // And back to the taller one.
    await term.press(KEYS.escape);
    await term.waitFor(/Step 1 of 7[\s\S]*1\/256[\s\S]*Ctrl\+C quit/);
    expect(term.lines()[frameTop + 1]).toBe('Step 1 of 7');
    expect(term.screen()).not.toMatch(/Step 2 of 7|FHIR Release 4/);
  });
});
