/**
 * The plain mode (`--plain`, or TERM=dumb) in a real pty: the built binary asked line by line, read here as the
 * lines it wrote (never as a screen), answered with lines through the terminal's cooked mode.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBinary } from '../cli/built-binary.js';
import { validateRequest } from '../../src/request/validate.js';
import { HAS_OPENSSL } from '../support/private-ca.js';
import { REPO_ROOT, spawnCli, type PtyTerminal } from '../support/pty-terminal.js';
import { startSmartIssuer, type SmartIssuer } from '../support/smart-issuer.js';
import { spawnWizard, useWizardFixture, type Sandboxed } from './wizard-session.js';

const fx = useWizardFixture();

/** What the program wrote, as lines (the terminal's CR LF made LF). */
function written(term: PtyTerminal): string {
  return term.output().replace(/\r\n/g, '\n');
}

/** Waits until the program's output ends with `question` (it waits for an answer), then answers with a line. */
async function answer(term: PtyTerminal, question: string | RegExp, line: string, timeoutMs = 15_000): Promise<void> {
  const asked = (text: string) => (typeof question === 'string' ? text.endsWith(question) : new RegExp(`${question.source}$`).test(text));
  await term.waitFor(() => asked(written(term)), timeoutMs);
  const before = written(term).length;
  term.write(`${line}\r`);
  // The terminal echoes the line: the next question is only looked for after it. The echo and the next question
  // may come in one read, and the next question may be the same one again ("Create? [y/N]: "), so what is
  // awaited is output past the question, not a moment when the question is not the last thing shown.
  await term.waitFor(() => written(term).length > before, timeoutMs);
}

/** The question of an optional choice left out: `Key type [1 Leave out (AWS owned key)]: ` (the default named or not). */
function leftOut(label: string): RegExp {
  return new RegExp(`${label} \\[1 Leave out[^\\]\\n]*\\]: `);
}

/** The plain mode in a pty with a throwaway HOME; no AWS credentials, so the sandbox is offered first. */
function spawnPlain(dirs: Sandboxed, args: string[], env: Record<string, string> = {}): PtyTerminal {
  return fx.track(spawnCli(args, { cols: 80, rows: 24, env: { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300', ...env } }));
}

describe('--plain', () => {
  it('names the target on review and sends nothing to a broken one, saying why and how to fix it', async () => {
    const dirs = fx.tempHome();
    mkdirSync(join(dirs.home, '.aws'), { recursive: true });
    writeFileSync(join(dirs.home, '.aws', 'config'), '[default]\nregion = us-east-1\n[profile prod]\nregion = us-east-1\n');
    writeFileSync(join(dirs.home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIDPLAINEXAMPLE0000\naws_secret_access_key = plain-secret-never-printed\n');
    const flags = ['--datastore-type-version', 'R4', '--datastore-name', 'plain-broken-target', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=team,Value=data', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'];
    const term = spawnPlain(dirs, ['--plain', '--profile', 'prdo', '--endpoint-url', fx.emulator.url, ...flags]);
    await answer(term, 'Create? [y/N]: ', 'y');
    await answer(term, 'Create? [y/N]: ', 'q');
    expect((await term.exited).exitCode).toBe(130);
    const text = written(term);
    expect(text).toMatch(/Target: not resolved\.\n✗ The config profile "prdo" could not be found in the config or credentials file\.\n {2}Fix: Use one of: default, prod/);
    expect(text).toMatch(/✗ Not sent: The config profile "prdo" could not be found[^\n]*\n {2}Fix: Use one of: default, prod[^\n]*Then type y to check again and create, or q to quit\./);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'plain-broken-target')).toBe(false);
  });

  it('runs the whole flow to ACTIVE in the sandbox, line by line, with no cursor movement or redraw', async () => {
    const dirs = fx.tempHome();
    const term = spawnPlain(dirs, ['--plain']);
    await answer(term, 'Start [1]: ', '');
    expect(written(term)).toContain('  1. Try it in the sandbox: ');
    await answer(term, 'Name [none]: ', 'plain-run');
    expect(written(term)).toContain('Step 1 of 7: Name\n');
    await answer(term, 'FHIR version [1 R4]: ', '');
    await answer(term, leftOut('Key type'), '3');
    await answer(term, 'KMS key: ', 'alias/sandbox-usable');
    await answer(term, leftOut('Preloaded data type'), '');
    await answer(term, 'Tags [none]: ', 'team=data');
    await answer(term, 'Next tag (KEY=VALUE; an empty line ends): ', '');
    await answer(term, leftOut('Authorization strategy'), '');
    await answer(term, /Client token \[[0-9a-f-]{36}\]: /, '');
    await answer(term, 'Create? [y/N]: ', 'y');
    expect((await term.exited).exitCode).toBe(0);
    const text = written(term);
    expect(text).toMatch(/Review: check every answer[^]* {2}1\. Data store name: plain-run\n[^]*Key type: CUSTOMER_MANAGED_KMS_KEY\n[^]*Tags: [^\n]*team=data\n/);
    expect(text).toContain('Target: SANDBOX');
    // What cannot be changed later is named as the wizard's confirmation names it (from the spec).
    expect(text).toContain('Cannot be changed after creation: Encryption, Sample data, Identity provider.');
    expect(text).toMatch(/CREATING\n[^]*ACTIVE\n[^]*✓ The data store is ACTIVE\./);
    // No escape sequence at all: nothing moves the cursor, erases or redraws (and no colour for a screen reader).
    expect(text).not.toContain('\x1b');
    const { stdout } = await runBinary(['history', '--output', 'json'], { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir });
    expect(stdout).toContain('"plain-run"');
  }, 60_000);

  it('says what is wrong with an answer as the wizard does (the validation\'s message and fix), then asks again', async () => {
    const term = fx.spawn(['--plain']);
    await answer(term, 'Name [none]: ', 'bad name!');
    const issue = validateRequest({ DatastoreTypeVersion: 'R4', DatastoreName: 'bad name!' }).find((found) => found.field === 'DatastoreName')!;
    expect(issue.severity).toBe('error');
    await term.waitFor(() => written(term).endsWith(`✗ ${issue.message}\n  Fix: ${issue.fix}\nName [bad name!]: `));
    await answer(term, 'Name [bad name!]: ', 'good name');
    await answer(term, 'FHIR version [1 R4]: ', '');
    await term.waitFor(() => new RegExp(`${leftOut('Key type').source}$`).test(written(term)));
    // Ctrl+C: the terminal's cooked mode sends SIGINT.
    term.write('\x03');
    expect((await term.exited).exitCode).toBe(130);
    expect(written(term)).toContain('Answers discarded; nothing was sent.');
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'good name')).toBe(false);
  });

  it('with --dry-run prints the request as --no-interactive --dry-run does, sends nothing, and saves --save-preset', async () => {
    const dirs = fx.tempHome();
    const flags = ['--datastore-type-version', 'R4', '--datastore-name', 'plain-dry', '--client-token', 'plain-dry-token'];
    const term = fx.track(spawnWizard(fx.emulator, dirs, ['--plain', '--dry-run', '--save-preset', 'plain-saved', ...flags]));
    // The name, version and token were given: only what is missing is asked.
    await answer(term, leftOut('Key type'), '');
    await answer(term, leftOut('Preloaded data type'), '');
    await answer(term, 'Tags [none]: ', '');
    await answer(term, leftOut('Authorization strategy'), '');
    await answer(term, 'Print? [y/N]: ', 'y');
    expect((await term.exited).exitCode).toBe(0);
    const text = written(term);
    expect(text).not.toContain('Name [');
    const saved = 'Print? [y/N]: y\nSaved preset "plain-saved".\n';
    expect(text).toContain(saved);
    const printed = text.slice(text.indexOf(saved) + saved.length);
    const env = { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir };
    const expected = await runBinary(['create', '--no-interactive', '--dry-run', ...flags], env);
    expect(printed).toBe(expected.stdout);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'plain-dry')).toBe(false);
    expect((await runBinary(['presets', 'list'], env)).stdout).toContain('plain-saved');
  });
});

describe('the plain review', () => {
  it('changes an answer by its row number and comes back; n quits without sending anything', async () => {
    const term = fx.spawn(['--plain', '--datastore-type-version', 'R4', '--datastore-name', 'first', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', 'plain-review-token']);
    // Everything was given and valid: the review comes first.
    await answer(term, 'Create? [y/N]: ', '1');
    expect(written(term)).toContain('  1. Data store name: first\n');
    await answer(term, 'Name [first]: ', 'second');
    // s saves the answers as a preset; a bad name is refused with the store's message and fix.
    await answer(term, 'Create? [y/N]: ', 's');
    await answer(term, 'Preset name (an empty line cancels): ', 'bad name');
    await term.waitFor(() => /✗ [^\n]*preset name[^\n]*\n {2}Fix: [^\n]+\nCreate\? \[y\/N\]: $/i.test(written(term)));
    await answer(term, 'Create? [y/N]: ', 's');
    await answer(term, 'Preset name (an empty line cancels): ', 'plain-review');
    await answer(term, 'Create? [y/N]: ', 'n');
    expect((await term.exited).exitCode).toBe(130);
    const text = written(term);
    expect(text.slice(text.indexOf('Name [first]: second'))).toContain('  1. Data store name: second\n');
    expect(text).toContain('Saved preset "plain-review".\n');
    expect(text).toContain('Not created. Answers discarded; nothing was sent.');
    expect(fx.emulator.datastores().some((datastore) => ['first', 'second'].includes(String(datastore.request.DatastoreName)))).toBe(false);
  });
});

describe('the plain pre-flight checks', () => {
  it('run on review as in the wizard; a failed check asks before sending, and n sends nothing', async () => {
    const flags = ['--datastore-type-version', 'R4', '--datastore-name', 'plain-checked', '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/sandbox-disabled}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `plain-checked-${process.pid}`];
    const term = fx.spawn(['--plain', ...flags]);
    await answer(term, 'Create? [y/N]: ', 'y');
    await answer(term, /Create anyway\? \[y\/N\]: /, 'n');
    await answer(term, 'Create? [y/N]: ', 'q');
    expect((await term.exited).exitCode).toBe(130);
    const text = written(term);
    expect(text).toMatch(/Pre-flight checks:\n(?: {2}✓[^\n]*\n)* {2}✗ KMS key alias\/sandbox-disabled: [^\n]* is Disabled[^\n]*\n {6}Fix: Enable the key:\n/);
    expect(text).not.toContain('deleted.  Cannot');
    expect(text).toMatch(/The pre-flight checks say the creation would likely fail \(KMS key[^)]*\)[^\n]*Create anyway\? \[y\/N\]: n\nNot sent\./);
    expect(fx.emulator.datastores().some((datastore) => datastore.request.DatastoreName === 'plain-checked')).toBe(false);
  });

  it('are skipped with --no-preflight, and say so', async () => {
    const term = fx.spawn(['--plain', '--no-preflight', '--datastore-type-version', 'R4', '--datastore-name', 'plain-unchecked', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `plain-unchecked-${process.pid}`]);
    await answer(term, 'Create? [y/N]: ', 'n');
    expect((await term.exited).exitCode).toBe(130);
    expect(written(term)).toContain('Pre-flight checks: skipped (--no-preflight).\n');
  });
});

describe('a submission whose answer never arrived', () => {
  it('is offered for resuming at the next start, and resuming creates no second data store', async () => {
    const dirs = fx.tempHome();
    const flags = ['--datastore-type-version', 'R4', '--datastore-name', 'plain-resumed', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', `plain-resumed-${process.pid}`];
    fx.emulator.faults.set({ loseCreateResponse: 20 });
    try {
      const first = fx.track(spawnWizard(fx.emulator, dirs, ['--plain', ...flags]));
      await answer(first, 'Create? [y/N]: ', 'y');
      // The service's answer was lost every time: back on the review, with the error, asked again.
      await answer(first, 'Create? [y/N]: ', 'n', 60_000);
      expect((await first.exited).exitCode).toBe(130);
    } finally {
      fx.emulator.faults.clear();
    }
    const second = fx.track(spawnWizard(fx.emulator, dirs, ['--plain']));
    await second.waitFor(() => / {2}1\. Resume "plain-resumed": sent [^\n]*, answer never arrived\n/.test(written(second)));
    await answer(second, 'Start [1]: ', '');
    expect((await second.exited).exitCode).toBe(0);
    expect(written(second)).toContain('Resuming the pending submission…');
    expect(written(second)).toContain('✓ The data store is ACTIVE.');
    expect(fx.emulator.datastores().filter((datastore) => datastore.request.DatastoreName === 'plain-resumed')).toHaveLength(1);
  }, 90_000);
});

describe('SMART metadata in the plain mode', () => {
  it('is built question by question, as the wizard\'s builder builds it, and checked by the same rules', async () => {
    const dirs = fx.tempHome();
    const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:token-decoder';
    const flags = ['--datastore-type-version', 'R4', '--client-token', 'plain-smart', '--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,IdpLambdaArn=${lambda}`];
    const term = fx.track(spawnWizard(fx.emulator, dirs, ['--plain', '--dry-run', ...flags]));
    await answer(term, 'Name [none]: ', 'smart');
    await answer(term, leftOut('Key type'), '');
    await answer(term, leftOut('Preloaded data type'), '');
    await answer(term, 'Tags [none]: ', '');
    // Enter on the empty metadata builds it; an http endpoint is refused by the SMART rules, then mended.
    await answer(term, 'SMART metadata: ', '');
    await answer(term, 'Issuer URL (optional; its smart-configuration fills the rest): ', '');
    await answer(term, 'Authorization endpoint (https URL): ', 'http://auth.example.com/authorize');
    await answer(term, 'Token endpoint (https URL): ', 'https://auth.example.com/token');
    await answer(term, 'Grant types [authorization_code]: ', '1 2');
    await answer(term, 'SMART capabilities [launch-standalone]: ', 'launch-ehr permission-v2');
    await answer(term, 'PKCE code challenge methods [S256]: ', '');
    await term.waitFor(() => written(term).includes('✗ authorization_endpoint must be an https URL.'));
    await answer(term, /SMART metadata \[\{.*\}\]: /, 'build');
    await answer(term, 'Issuer URL (optional; its smart-configuration fills the rest): ', '');
    await answer(term, 'Authorization endpoint (https URL) [http://auth.example.com/authorize]: ', 'https://auth.example.com/authorize');
    for (const question of ['Token endpoint (https URL) [https://auth.example.com/token]: ', 'Grant types [authorization_code client_credentials]: ', 'SMART capabilities [launch-ehr permission-v2]: ', 'PKCE code challenge methods [S256]: ']) {
      await answer(term, question, '');
    }
    await answer(term, 'Print? [y/N]: ', 'y');
    expect((await term.exited).exitCode).toBe(0);
    const text = written(term);
    const printed = JSON.parse(text.slice(text.indexOf('Print? [y/N]: y\n') + 'Print? [y/N]: y\n'.length)) as { IdentityProviderConfiguration: { Metadata: string; IdpLambdaArn: string } };
    expect(printed.IdentityProviderConfiguration.IdpLambdaArn).toBe(lambda);
    expect(JSON.parse(printed.IdentityProviderConfiguration.Metadata)).toEqual({
      authorization_endpoint: 'https://auth.example.com/authorize',
      token_endpoint: 'https://auth.example.com/token',
      grant_types_supported: ['authorization_code', 'client_credentials'],
      capabilities: ['launch-ehr', 'permission-v2'],
      code_challenge_methods_supported: ['S256'],
    });
  });
});

describe.skipIf(!HAS_OPENSSL)('SMART metadata in the plain mode, prefilled from the issuer', () => {
  let server: SmartIssuer;
  beforeAll(async () => {
    server = await startSmartIssuer();
    server.publish({ issuer: server.url, authorization_endpoint: `${server.url}/authorize`, token_endpoint: `${server.url}/token`, capabilities: ['launch-ehr'] });
  });
  afterAll(() => server.stop());

  it('asks the issuer first, fills what is empty from its smart-configuration, and offers it in brackets', async () => {
    const dirs = fx.tempHome();
    const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:token-decoder';
    const flags = ['--ca-bundle', server.caPath, '--datastore-type-version', 'R4', '--datastore-name', 'smart', '--client-token', 'plain-prefill', '--tags', 'Key=a,Value=b', '--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,IdpLambdaArn=${lambda}`];
    const term = fx.track(spawnWizard(fx.emulator, dirs, ['--plain', '--dry-run', ...flags]));
    await answer(term, leftOut('Key type'), '');
    await answer(term, leftOut('Preloaded data type'), '');
    await answer(term, 'SMART metadata: ', '');
    await answer(term, 'Issuer URL (optional; its smart-configuration fills the rest): ', server.url);
    await term.waitFor(() => written(term).includes(`Prefilled from ${server.url}: authorization_endpoint, token_endpoint, capabilities.`));
    await answer(term, `Authorization endpoint (https URL) [${server.url}/authorize]: `, '');
    await answer(term, `Token endpoint (https URL) [${server.url}/token]: `, '');
    await answer(term, 'Grant types [authorization_code]: ', '');
    await answer(term, 'SMART capabilities [launch-ehr]: ', '');
    await answer(term, 'PKCE code challenge methods [S256]: ', '');
    await answer(term, 'Print? [y/N]: ', 'y');
    expect((await term.exited).exitCode).toBe(0);
    const text = written(term);
    const printed = JSON.parse(text.slice(text.indexOf('Print? [y/N]: y\n') + 'Print? [y/N]: y\n'.length)) as { IdentityProviderConfiguration: { Metadata: string } };
    expect(JSON.parse(printed.IdentityProviderConfiguration.Metadata)).toEqual({
      issuer: server.url,
      authorization_endpoint: `${server.url}/authorize`,
      token_endpoint: `${server.url}/token`,
      grant_types_supported: ['authorization_code'],
      capabilities: ['launch-ehr'],
      code_challenge_methods_supported: ['S256'],
    });
    // Fetched by the prefill, then by the review's pre-flight check, which finds the metadata agrees with it.
    expect(text).toContain(`  ✓ SMART metadata vs ${server.url}/.well-known/smart-configuration: The metadata agrees with`);
    expect(server.asked).toEqual(['/auth/.well-known/smart-configuration', '/auth/.well-known/smart-configuration']);
  });
});

describe('TERM=dumb', () => {
  it('selects the plain mode; the end of input (Ctrl+D) quits without creating, exit 130', async () => {
    const dirs = fx.tempHome();
    const term = spawnPlain(dirs, ['--sandbox', '--datastore-name', 'dumb-terminal', '--debug'], { TERM: 'dumb' });
    await term.waitFor(() => written(term).endsWith('FHIR version [1 R4]: '));
    expect(written(term)).toContain('Step 2 of 7: FHIR version\n');
    // --debug names each script loaded: none holds Ink or React, nor the AWS SDK (it loads on review only).
    const loaded = [...written(term).matchAll(/code cache: loaded (\S+) /g)].map(([, file]) => file!);
    expect(loaded).toContain('app.cjs');
    const markers = ['Raw mode is not supported', 'react.transitional.element', 'HealthLakeServiceException'];
    const holdsUiOrSdk = (file: string) => markers.some((marker) => readFileSync(join(REPO_ROOT, 'dist', file), 'utf8').includes(marker));
    expect(loaded.filter(holdsUiOrSdk)).toEqual([]);
    term.write('\x04');
    expect((await term.exited).exitCode).toBe(130);
    expect(written(term)).toContain('End of input. Answers discarded; nothing was sent.');
    expect(written(term)).not.toContain('\x1b');
    expect((await runBinary(['history'], { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir })).stdout).not.toContain('dumb-terminal');
  });

  it('status follows the data store line by line instead of drawing its panel', async () => {
    const dirs = fx.tempHome();
    const env = { HOME: dirs.home, HEALTHLAKE_WIZARD_CONFIG_DIR: dirs.configDir, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '300' };
    const created = await runBinary(['create', '--no-interactive', '--sandbox', '--datastore-type-version', 'R4', '--datastore-name', 'dumb-status', '--query', 'DatastoreId', '--output', 'text'], env);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    const term = spawnPlain(dirs, ['status'], { TERM: 'dumb' });
    expect((await term.exited).exitCode).toBe(0);
    const text = written(term);
    expect(text).toMatch(new RegExp(`${id}\\s+(CREATING|ACTIVE)\\n`));
    expect(text).toContain(`ready: https://healthlake.us-east-1.amazonaws.com/datastore/${id}/r4/`);
    expect(text).not.toContain('\x1b');
  });
});
