/** With NO_COLOR the wizard draws no colour, yet the text cursor stays visible (reverse video is not a colour). */
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/pty-terminal.js';
import { emulatorEnv, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

describe('NO_COLOR', () => {
  it('keeps the text cursor visible in reverse video, and uses no colour', async () => {
    const dirs = fx.tempHome();
    const term = fx.track(
      spawnCli(['--endpoint-url', fx.emulator.url], {
        env: { ...emulatorEnv(fx.emulator, dirs), NO_COLOR: '1' },
      }),
    );
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    term.type('clinic');
    await term.waitFor('6/256');
    await term.settled();
    const buffer = term.terminal.buffer.active;
    const row = term.lines().findIndex((line) => line.startsWith('clinic'));
    expect(row).toBeGreaterThanOrEqual(0);
    // The cell after the text is the cursor: drawn inverse; the text before it is not.
    const line = buffer.getLine(buffer.viewportY + row)!;
    expect(line.getCell(6)!.isInverse()).toBeTruthy();
    expect(line.getCell(0)!.isInverse()).toBeFalsy();
    // No colour anywhere in what was written (SGR 30-37, 38, 90-97 foregrounds).
    // eslint-disable-next-line no-control-regex -- colour codes start with ESC
    expect(term.output()).not.toMatch(/\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m/);
  });
});
