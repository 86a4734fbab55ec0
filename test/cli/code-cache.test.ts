/**
 * The built program on a Node whose V8 rejects the shipped code cache (simulated by a copy of the bundle whose
 * cache folder for this V8 holds foreign bytes): with the launcher's own loader it still runs, writes a cache of its own to the
 * user's cache folder, and the next start takes its code from there; and a user cache V8 rejects is passed over
 * and rewritten. On a Node with a compile cache of its own (22.1+), Node's is taken when asked. Run on each Node
 * by `npm run test:node`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../support/pty-terminal.js';
import { cachedOutcome, requireBuild } from './built-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'hlw-foreign-cache-'));
const copy = join(scratch, 'package');
const userCache = join(scratch, 'user-cache');

beforeAll(() => {
  requireBuild();
  for (const folder of ['bin', 'dist']) cpSync(join(REPO_ROOT, folder), join(copy, folder), { recursive: true });
  const built = join(copy, 'dist', 'code-cache');
  // A build warmed for other Nodes only (test:node --no-build) has no folder for this one: one is made of theirs.
  const own = shippedFolder(join(copy, 'dist'));
  if (!existsSync(own)) cpSync(join(built, readdirSync(built)[0]!), own, { recursive: true });
  for (const entry of readdirSync(built, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.v8')) writeFileSync(join(built, entry), 'code from another Node');
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A dry run with `--debug`; `env` chooses the launcher's loader (`vm`, its own, unless said otherwise); `umask`
 * (octal text) runs it through sh with that umask.
 */
function dryRun(packageRoot = copy, cacheDir = userCache, env: NodeJS.ProcessEnv = { HEALTHLAKE_WIZARD_CODE_LOADER: 'vm' }, umask?: string) {
  const args = [join(packageRoot, 'bin', 'healthlake-wizard.cjs'), 'create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--debug'];
  const [file, argv] = umask ? ['/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, ...args]] : [process.execPath, args];
  const result = spawnSync(file, argv, { env: { PATH: process.env.PATH, HOME: scratch, HEALTHLAKE_WIZARD_CACHE_DIR: cacheDir, ...env }, encoding: 'utf8', timeout: 20_000 });
  const loads = [...result.stderr.matchAll(/code cache: loaded (\S+) \((.+)\)/g)].map(([, file, outcome]) => `${file}: ${outcome}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, loads };
}

/** The folder of the cache shipped for this V8 in a bundle (launchPaths' builtCache). */
const shippedFolder = (distDir: string) => join(distDir, 'code-cache', `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_'));

const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe("Node's own compile cache", () => {
  it.runIf(hasCompileCache)('is taken when asked: the first start writes it, in a folder of its own, and the next reads it', () => {
    const cacheDir = join(scratch, 'node-compile-cache');
    const traced = { HEALTHLAKE_WIZARD_CODE_LOADER: 'node', NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
    const first = dryRun(copy, cacheDir, traced);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ DatastoreTypeVersion: 'R4' });
    expect(first.loads).toEqual(["app.cjs: Node's require, with its compile cache"]);
    const folders = readdirSync(cacheDir).filter((name) => name.startsWith('compile-'));
    expect(folders).toHaveLength(1);
    expect(statSync(join(cacheDir, folders[0]!)).mode & 0o777).toBe(0o700);
    const second = dryRun(copy, cacheDir, traced);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/cache for (CommonJS )?\S*app\.cjs was accepted/);
  });

  it("is not taken unless asked, on any Node: the launcher's own loader starts faster (npm run bench)", () => {
    expect(dryRun(REPO_ROOT, join(scratch, 'default-loader'), {}).loads).toEqual([`app.cjs: ${cachedOutcome()}`]);
    if (!hasCompileCache) expect(dryRun(copy, join(scratch, 'no-compile-cache'), { HEALTHLAKE_WIZARD_CODE_LOADER: 'node' }).loads).toEqual(['app.cjs: cache rejected']);
  });
});

/** The built launcher's paths for the bundle in `distDir` (its cache folders are named after its build). */
function builtLaunchPaths(distDir: string, cacheDir: string): { userCache: string; compileCache: string } {
  const launcher = nodeModule.createRequire(import.meta.url)('../../dist/launcher.cjs') as { launchPaths(distDir: string, env: NodeJS.ProcessEnv): { userCache: string; compileCache: string } };
  return launcher.launchPaths(distDir, { HEALTHLAKE_WIZARD_CACHE_DIR: cacheDir });
}

/** Where the launcher keeps this Node's code for app.cjs under a user cache folder. */
const userEntry = (cacheDir: string) => join(builtLaunchPaths(join(copy, 'dist'), cacheDir).userCache, 'app.cjs.v8');

describe('a shipped code cache that does not fit this Node', () => {
  it('is rejected, the program runs all the same, and its own cache is written for the next start', () => {
    const first = dryRun();
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ DatastoreTypeVersion: 'R4' });
    expect(first.loads).toEqual(['app.cjs: cache rejected']);
    expect(existsSync(userEntry(userCache))).toBe(true);

    const second = dryRun();
    expect(second.code).toBe(0);
    expect(second.loads).toEqual(['app.cjs: cached code']);
  });
});

describe('a user cache written by another build', () => {
  it("is not taken by an upgrade whose scripts have the same lengths: V8 would run the other build's code", () => {
    const cacheDir = join(scratch, 'upgrade-cache');
    const version = (packageRoot: string) => {
      const run = spawnSync(process.execPath, [join(packageRoot, 'bin', 'healthlake-wizard.cjs'), '--version'], { env: { PATH: process.env.PATH, HOME: scratch, HEALTHLAKE_WIZARD_CACHE_DIR: cacheDir }, encoding: 'utf8' });
      return run.stdout.split(' ')[0];
    };
    // The installed build, on a Node its shipped cache does not fit, writes its own cache (the version included).
    const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    expect(version(copy)).toBe(`healthlake-wizard/${installed}`);
    expect(existsSync(userEntry(cacheDir))).toBe(true);
    // The upgrade: its app.cjs as long as before (a version of as many characters, as chunk names of as many),
    // and, as every other build, a launcher with another build id.
    const upgrade = join(scratch, 'upgrade');
    cpSync(copy, upgrade, { recursive: true });
    const upgraded = installed.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));
    const app = join(upgrade, 'dist', 'app.cjs');
    writeFileSync(app, readFileSync(app, 'latin1').replace(`version:"${installed}"`, `version:"${upgraded}"`), 'latin1');
    const buildId = builtLaunchPaths(join(copy, 'dist'), cacheDir).compileCache.split('-').pop()!;
    const launcher = join(upgrade, 'dist', 'launcher.cjs');
    writeFileSync(launcher, readFileSync(launcher, 'latin1').replaceAll(buildId, [...buildId].reverse().join('')), 'latin1');
    expect(statSync(app).size).toBe(statSync(join(copy, 'dist', 'app.cjs')).size);
    expect(version(upgrade)).toBe(`healthlake-wizard/${upgraded}`);
  });
});

describe('the user cache under umask 000', () => {
  it('is written with folders 0700 and files 0600, no temporary file left', () => {
    const cacheDir = join(scratch, 'umask-000-cache');
    expect(dryRun(copy, cacheDir, undefined, '000').code).toBe(0);
    const modes = readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).map((entry) => {
      const stats = statSync(join(cacheDir, entry));
      return [entry, stats.isDirectory() ? 'dir' : 'file', stats.mode & 0o777] as const;
    });
    expect(modes.length).toBeGreaterThan(0);
    for (const [entry, kind, mode] of modes) expect([entry, mode]).toEqual([entry, kind === 'dir' ? 0o700 : 0o600]);
    expect(modes.filter(([entry]) => entry.endsWith('.tmp'))).toEqual([]);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
  });
});

describe('a user cache that does not fit (made under other V8 flags, say)', () => {
  it('is passed over for the shipped one (where one is shipped for this Node), and rewritten so that later starts do not compile again', () => {
    const cacheDir = join(scratch, 'foreign-user-cache');
    mkdirSync(dirname(userEntry(cacheDir)), { recursive: true });
    writeFileSync(userEntry(cacheDir), 'code from other flags');
    const first = dryRun(REPO_ROOT, cacheDir);
    expect(first.code).toBe(0);
    expect(first.loads).toEqual([cachedOutcome() === 'cached code' ? 'app.cjs: cached code, after a rejected one' : 'app.cjs: cache rejected']);
    expect(readFileSync(userEntry(cacheDir), 'utf8')).not.toBe('code from other flags');
    expect(dryRun(REPO_ROOT, cacheDir).loads).toEqual(['app.cjs: cached code']);
  });
});

describe('the first frame', () => {
  it('is drawn from the code cache (the shipped one, or Node\'s on another Node): every script before it takes its cached code, the later ones told after the wizard', async () => {
    // A target from the environment, so that the header names its region once the scripts after the frame ran
    // (nothing is sent before a submission; nothing listens on that port).
    const target = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLEONLY00000', AWS_SECRET_ACCESS_KEY: 'example/only' };
    const term = spawnCli(['--endpoint-url', 'http://127.0.0.1:9', '--debug'], {
      env: { HOME: scratch, HEALTHLAKE_WIZARD_CONFIG_DIR: join(scratch, 'config'), HEALTHLAKE_WIZARD_CACHE_DIR: join(scratch, 'first-frame-cache'), ...target },
    });
    try {
      await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
      const beforeFrame = term.output().slice(0, term.output().indexOf('Step 1 of 7'));
      const loads = [...beforeFrame.matchAll(/code cache: loaded (\S+) \(([^)]+)\)/g)].map(([, file, outcome]) => `${file}: ${outcome}`);
      expect(loads).toEqual([`app.cjs: ${cachedOutcome()}`, `chunks/wizard-pack.cjs: ${cachedOutcome()}`, `chunks/flow-pack.cjs: ${cachedOutcome()}`]);
      // The scripts loaded after the frame (the SDK, the sandbox) are told only once the wizard has ended: while
      // it owns the screen, a line written below it would scroll it. The header names the region once they ran.
      await term.waitFor(/healthlake-wizard · region us-east-1[\s\S]*Ctrl\+C quit/);
      expect(term.output().slice(beforeFrame.length)).not.toContain('code cache:');
      term.write('\x03');
      await term.waitFor('Quit and discard');
      term.write('y');
      await term.exited;
      expect(term.output().slice(beforeFrame.length)).toMatch(/code cache: loaded chunks\/session-\w+\.cjs/);
    } finally {
      await term.close();
    }
  });
});
