/**
 * The packed tarball installs on a clean prefix, quietly (no install-script warning: it ships its bundle built and
 * has no install-time script), and runs: `--version`, a dry run, the wizard's first frame, and a sandbox creation that reaches ACTIVE (which
 * loads the AWS SDK, the credential chain, the emulator and the store from the bundle). It is packed as `npm pack`
 * packs, lifecycle scripts included, from a copy of the repository (the build rewrites dist/, which other tests
 * are reading meanwhile).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../support/pty-terminal.js';
import { nodeCacheDir } from '../../scripts/node-binary.js';

/** The launcher's name for the V8 of a Node binary (its shipped cache folder). */
function runtimeOf(node: string): string {
  return execFileSync(node, ['-p', '`${process.versions.v8}-${process.arch}`'], { encoding: 'utf8' }).trim().replace(/[^\w.-]/g, '_');
}

const work = mkdtempSync(join(tmpdir(), 'hlw-pack-'));
const clone = join(work, 'repository');
const prefix = join(work, 'prefix');
const home = join(work, 'home');
let tarball = '';
let files: string[] = [];
let installOutput = '';
let packedManifest: { scripts?: Record<string, string> } = {};

function run(file: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(file, args, {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...env },
    timeout: 120_000,
  });
}

beforeAll(() => {
  mkdirSync(clone);
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'tsconfig.json', 'bin', 'docs', 'scripts', 'src']) cpSync(join(REPO_ROOT, entry), join(clone, entry), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
  const packed = JSON.parse(
    // prepack warms a cache for each supported Node; a test fetches nothing, so only the Nodes already fetched.
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, HEALTHLAKE_WIZARD_NODE_OFFLINE: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 300_000,
    }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  files = packed[0]!.files.map((file) => file.path);
  packedManifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  // --prefer-offline: the dependencies are in npm's cache after `npm ci`; the registry is asked only if not.
  const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-update-notifier', tarball], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home },
    timeout: 120_000,
  });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  installOutput = `${install.stdout}${install.stderr}`;
}, 420_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('installs without an install-script warning: it has no install-time script, and packing left package.json as it was', () => {
    expect(installOutput).not.toMatch(/install-scripts|allow-scripts/);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packedManifest.scripts?.[hook]).toBeUndefined();
    expect(readFileSync(join(clone, 'package.json'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  });

  it('holds only what is needed: the launcher, the bundle and its code cache, the docs, README and licence', () => {
    for (const file of files) {
      expect(file).toMatch(/^(bin\/healthlake-wizard\.cjs|dist\/.+\.cjs|dist\/chunks\/yoga\.wasm|dist\/code-cache\/[\w.-]+\/.+\.cjs\.v8|docs\/.+\.md|README\.md|LICENSE|package\.json)$/);
    }
    expect(files).toEqual(expect.arrayContaining(['dist/launcher.cjs', 'dist/app.cjs', 'dist/chunks/yoga.wasm', `dist/code-cache/${runtimeOf(process.execPath)}/app.cjs.v8`]));
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('test/') || file.endsWith('.map'))).toBe(false);
  });

  it('installs and prints its version', () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    expect(run('healthlake-wizard', ['--version']).trim()).toContain(version);
  });

  it('runs a dry run', () => {
    const out = run('healthlake-wizard', ['create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', 'packed']);
    expect(JSON.parse(out)).toEqual({ DatastoreName: 'packed', DatastoreTypeVersion: 'R4' });
  });

  // Each supported Node fetched on this machine (scripts/node-binary.js; .ci/run fetches them before the tests).
  const nodes = [process.execPath, ...['20', '22', '24'].map((major) => join(nodeCacheDir(), major, 'bin', 'node')).filter(existsSync)];
  it.each(nodes)('starts from the code cache it ships for the Node it runs on: %s', (node) => {
    const installed = join(prefix, 'lib', 'node_modules', 'healthlake-wizard', 'bin', 'healthlake-wizard.cjs');
    const out = execFileSync('sh', ['-c', '"$0" "$1" create --no-interactive --dry-run --datastore-type-version R4 --debug 2>&1 >/dev/null', node, installed], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home },
    });
    expect(files).toContain(`dist/code-cache/${runtimeOf(node)}/chunks/wizard-pack.cjs.v8`);
    expect(out).toContain('code cache: loaded app.cjs (cached code)');
  });

  it("draws the wizard's first frame in a terminal (Ink, and yoga's WebAssembly from its own file)", async () => {
    const term = spawnCli(['--sandbox'], { file: join(prefix, 'bin', 'healthlake-wizard'), cwd: work, env: { PATH: process.env.PATH, HOME: home, HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config') } });
    try {
      await term.waitFor('Step 1 of 7');
      expect(term.screen()).toContain('0/256 ✓ valid');
    } finally {
      await term.close();
    }
  });

  it('creates a data store in the sandbox and waits for ACTIVE', () => {
    const out = run(
      'healthlake-wizard',
      ['create', '--no-interactive', '--sandbox', '--wait', '--datastore-type-version', 'R4', '--datastore-name', 'packed', '--output', 'json'],
      { HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config'), HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '200' },
    );
    expect(JSON.parse(out).DatastoreId).toMatch(/^[0-9a-f]{32}$/);
  });
});
