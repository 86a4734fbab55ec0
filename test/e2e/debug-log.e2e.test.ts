/** `--debug` in the wizard: its lines never draw over the screen; they are printed once the wizard exits. */
import { describe, expect, it } from 'vitest';
import { KEYS } from '../support/pty-terminal.js';
import { confirmCreate, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

describe('--debug in the wizard', () => {
  it('prints the settings and each request after the wizard, never the secret key', async () => {
    const term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'debugged', '--debug']);
    await term.waitFor('Encryption › Key type');
    for (let step = 0; step < 10 && !term.screen().includes('Review —'); step++) await term.press(KEYS.tab);
    await term.waitFor(/Data store name\s+debugged/);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    const output = term.output();
    const firstDebug = output.indexOf('healthlake-wizard: debug:');
    expect(firstDebug).toBeGreaterThan(output.indexOf('The data store is ACTIVE'));
    expect(output).toMatch(/debug: CreateFHIRDatastore: HTTP 200 request id [0-9a-f-]{36}/);
    // The target check's STS request is logged as every other.
    expect(output).toMatch(/debug: GetCallerIdentity: POST http:\/\/127\.0\.0\.1:\d+\/ /);
    expect(output).toMatch(/debug: GetCallerIdentity: HTTP 200 request id \S+/);
    expect(output).toContain('debug: credentials: environment variables (AWS_ACCESS_KEY_ID)');
    expect(output).not.toContain('sandbox/NotASecret');
  });
});
