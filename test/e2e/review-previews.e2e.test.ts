/** The review's previews: every shell's aws command is reachable, whole on screen, and `w` writes it to a file. */
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { parseCreateArgs } from '../../src/request/argv.js';
import { bashArguments } from '../request/support/shell-words.js';
import { KEYS, spawnCli } from '../support/pty-terminal.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

describe('review previews', () => {
  it('offers the aws command for bash, PowerShell and cmd with the target flags, cut between words, and writes it', async () => {
    const dirs = fx.tempHome();
    mkdirSync(dirs.home, { recursive: true });
    const args = ['--endpoint-url', fx.emulator.url, '--region', fx.emulator.region, '--datastore-type-version', 'R4', '--datastore-name', 'previews',
      '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/a-key-with-a-rather-long-name}', '--preload-data-config', 'PreloadDataType=SYNTHEA',
      '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', 'tok-1'];
    const term = fx.track(
      spawnCli(args, {
        cwd: dirs.home,
        env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey },
      }),
    );
    await term.waitFor(/Review —[\s\S]*Ctrl\+C quit/);
    await term.press(KEYS.right, KEYS.right, KEYS.right);
    await term.waitFor('[aws bash]');
    await term.waitFor('--endpoint-url');
    await term.settled();
    // The JSON argument is cut between its members, never inside a word.
    expect(term.screen()).toMatch(/"CUSTOMER_MANAGED_KMS_KEY"/);
    // What a person copies from the screen runs as the same command.
    const rows = term.lines();
    const first = rows.findIndex((line) => line.startsWith('aws healthlake'));
    const last = rows.findIndex((line) => line.startsWith('  --endpoint-url'));
    const fromScreen = bashArguments(rows.slice(first, last + 1).join('\n'));
    term.write('w');
    const written = await term.waitFor(/Wrote the aws bash preview to\s+\S+\.sh/);
    expect(written.replace(/\s+/g, '')).toContain(`${dirs.home}/create-fhir-datastore.sh`.replace(/\s+/g, ''));
    // No line is left holding only the continuation backslash (it would end the command when pasted).
    expect(term.lines().some((line) => line.trim() === '\\')).toBe(false);
    const file = `${dirs.home}/create-fhir-datastore.sh`;
    const argv = bashArguments(readFileSync(file, 'utf8'));
    const parsed = parseCreateArgs(argv.slice(2));
    expect(parsed.options).toEqual({ region: fx.emulator.region, endpointUrl: fx.emulator.url });
    expect(parseCreateArgs(fromScreen.slice(2))).toEqual(parsed);
    expect(parsed.request).toMatchObject({ DatastoreName: 'previews', SseConfiguration: { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY' } } });

    await term.press(KEYS.right);
    await term.waitFor((screen) => screen.includes('[aws PowerShell]') && / `$/m.test(screen));
    await term.press(KEYS.right);
    await term.waitFor((screen) => screen.includes('[aws cmd]') && / \^$/m.test(screen));
  });
});
