/**
 * The review's previews: every shell's aws command is reachable, whole on screen, and `w` writes it to a file;
 * what a person copies from each tab's rows reads back as the same request, with values that hold spaces,
 * commas and colons inside strings (a data store name, the expiry tag's key).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/index.js';
import { parseCreateArgs } from '../../src/request/argv.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { bashArguments, powerShellArguments } from '../request/support/shell-words.js';
import { KEYS, spawnCli } from '../support/pty-terminal.js';
import { readPreviewRows, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();

const NAME = 'north wing: clinic previews';

describe('review previews', () => {
  it('offers every format; the rows copied from each tab read back as the same request, and w writes it', async () => {
    const dirs = fx.tempHome();
    mkdirSync(dirs.home, { recursive: true });
    const args = ['--endpoint-url', fx.emulator.url, '--region', fx.emulator.region, '--datastore-type-version', 'R4', '--datastore-name', NAME,
      '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/a-key-with-a-rather-long-name}', '--preload-data-config', 'PreloadDataType=SYNTHEA',
      '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', 'tok-1', '--expires-in', '2d'];
    const term = fx.track(
      spawnCli(args, {
        cwd: dirs.home,
        env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey },
      }),
    );
    await term.waitFor(/Review —[\s\S]*Ctrl\+C quit/);

    await term.press(KEYS.right);
    const json = JSON.parse((await readPreviewRows(term, (screen) => screen.includes('[JSON]') && screen.includes('"DatastoreTypeVersion"'))).join('\n'));
    expect(json).toMatchObject({ DatastoreName: NAME, Tags: [{ Key: 'team', Value: 'data' }, { Key: EXPIRY_TAG_KEY }] });
    expect(json.Tags[1].Value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const { ClientToken: _token, ...withoutToken } = json;

    await term.press(KEYS.right);
    const yaml = await readPreviewRows(term, (screen) => screen.includes('[YAML]') && screen.includes('DatastoreTypeVersion:'));
    expect(parseYaml(yaml.join('\n'), { version: '1.1' })).toEqual(json);

    await term.press(KEYS.right);
    const bash = await readPreviewRows(term, (screen) => screen.includes('[aws bash]') && screen.includes('--endpoint-url'));
    // No row is left holding only the continuation backslash (it would end the command when pasted).
    expect(bash.some((row) => row.trim() === '\\')).toBe(false);
    const fromBash = parseCreateArgs(bashArguments(bash.join('\n')).slice(2));
    expect(fromBash.request).toEqual(json);
    expect(fromBash.options).toEqual({ region: fx.emulator.region, endpointUrl: fx.emulator.url });
    term.write('w');
    const written = await term.waitFor(/Wrote the aws bash preview to\s+\S+\.sh/);
    expect(written.replace(/\s+/g, '')).toContain(`${dirs.home}/create-fhir-datastore.sh`.replace(/\s+/g, ''));
    expect(parseCreateArgs(bashArguments(readFileSync(`${dirs.home}/create-fhir-datastore.sh`, 'utf8')).slice(2))).toEqual(fromBash);

    await term.press(KEYS.right);
    const powerShell = await readPreviewRows(term, (screen) => screen.includes('[aws PowerShell]') && / `$/m.test(screen) && screen.includes('--endpoint-url'));
    expect(parseCreateArgs(powerShellArguments(powerShell.join('\n')).slice(2))).toEqual(fromBash);

    // cmd cannot break a quoted argument across lines: the --tags line is cut at the width, marked, and the
    // pane says so and offers w.
    await term.press(KEYS.right);
    await term.waitFor((screen) => screen.includes('[aws cmd]') && / \^$/m.test(screen));
    await term.waitFor('… a line longer than the pane is cut there: w writes the whole tab to a file');
    expect(term.screen()).toMatch(/^ {2}--tags \^\n {4}"\[\{.*…$/m);

    await term.press(KEYS.right);
    const template = parseYaml((await readPreviewRows(term, (screen) => screen.includes('[CloudFormation]') && screen.includes('AWSTemplateFormatVersion'))).join('\n'), { version: '1.1' });
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Resources.FHIRDatastore.Properties).toEqual(withoutToken);
  });
});
