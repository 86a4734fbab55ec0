/**
 * A password in `--endpoint-url` (`http://user:secret@host/`) is a credential: it is never written to the store's
 * files nor printed, in results, messages, errors or --debug output. The built binary against the emulator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redactUrlsInText, redactUrlUserinfo } from '../../src/redact-url.js';
import { SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { emptyHome, requireBuild, runBinary } from '../cli/built-binary.js';

const SECRET = 's3cret-Pw';

describe('redactUrlUserinfo and redactUrlsInText', () => {
  it.each([
    ['http://alice:s3cret@127.0.0.1:9/x?y=1', 'http://****@127.0.0.1:9/x?y=1'],
    ['https://token@example.com', 'https://****@example.com'],
    ['https://u:p@ss@example.com/a@b', 'https://****@example.com/a@b'], // an unencoded @ in the password
    ['https://example.com/a@b', 'https://example.com/a@b'], // an @ in the path is not user info
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('%s -> %s', (url, redacted) => {
    expect(redactUrlUserinfo(url)).toBe(redacted);
    expect(redactUrlsInText(`failed: "${url}" (x)`)).toBe(`failed: "${redacted}" (x)`);
  });
});

describe('an endpoint URL with a password, from the built binary', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let home: ReturnType<typeof emptyHome>;
  beforeAll(async () => {
    requireBuild();
    emulator = await startEmulator({ port: 0, credentials: [SANDBOX_CREDENTIALS], createDelayMs: 60_000 });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => (home = emptyHome()));
  afterEach(() => home.remove());

  const credentials = () => ({ ...home.env, AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey });
  const withPassword = (url: string) => url.replace('://', `://alice:${SECRET}@`);
  /** Every file the store wrote, as one text. */
  const storeText = () => readdirSync(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!).map((name) => readFileSync(join(home.env.HEALTHLAKE_WIZARD_CONFIG_DIR!, name), 'utf8')).join('\n');

  it('creates, and neither the output, the messages, the history nor the status command shows the password', async () => {
    const endpoint = withPassword(emulator.url);
    const created = await runBinary(['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', endpoint, '--region', emulator.region, '--debug'], credentials());
    expect(created.code).toBe(0);
    const { DatastoreId } = JSON.parse(created.stdout) as { DatastoreId: string };
    const history = await runBinary(['history', '--output', 'json'], credentials());
    const status = await runBinary(['status', DatastoreId, '--endpoint-url', endpoint, '--region', emulator.region, '--debug'], credentials());
    expect(status.code).toBe(0);
    const everything = [created.stdout, created.stderr, history.stdout, history.stderr, status.stdout, status.stderr, storeText()].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(storeText()).toContain(`"serviceEndpoint": "${emulator.url.replace('://', '://****@')}"`);
  });

  it('after a failure, neither the error (with --debug) nor the journal shows the password', async () => {
    const endpoint = 'http://alice:' + SECRET + '@127.0.0.1:1';
    const result = await runBinary(
      ['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', endpoint, '--region', 'us-east-1', '--cli-connect-timeout', '1', '--debug'],
      credentials(),
    );
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('Could not connect to http://****@127.0.0.1:1');
    expect(`${result.stdout}${result.stderr}${storeText()}`).not.toContain(SECRET);
  });

  it('a URL of the wrong scheme is refused without echoing its password', async () => {
    const result = await runBinary(['create', '--no-interactive', '--datastore-type-version', 'R4', '--endpoint-url', `ftp://alice:${SECRET}@example.com`, '--region', 'us-east-1'], credentials());
    expect(result.code).toBe(252);
    expect(result.stderr).toContain('got "ftp://****@example.com"');
    expect(result.stderr).not.toContain(SECRET);
  });
});
