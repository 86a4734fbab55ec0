/**
 * Which of Node's own modules a start loads. Each costs its compile and the memory it touches; these were loaded
 * by the bundle although nothing before the first frame, or in a dry run, uses them: node:crypto (with Node's
 * streams behind it) for a random file name written later and the wizard's ClientToken (now made after the first
 * frame), node:assert for one check in signal-exit, node:module for stack-utils' list of built-ins and the
 * launcher's createRequire. A preload records `process.moduleLoadList` in the built program: at exit for a dry run,
 * at the first frame for the wizard.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../support/pty-terminal.js';
import { requireBuild } from './built-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'hlw-startup-modules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const preload = join(scratch, 'record-modules.cjs');
// The modules loaded since the preload ran, written to RECORD_TO once: at the first frame when FRAME_MARK is set,
// else at exit.
writeFileSync(
  preload,
  `const { writeFileSync } = require('node:fs');
const before = new Set(process.moduleLoadList);
const record = () => writeFileSync(process.env.RECORD_TO, JSON.stringify(process.moduleLoadList.filter((name) => !before.has(name))));
const mark = process.env.FRAME_MARK;
if (mark) {
  const write = process.stdout.write;
  process.stdout.write = function (chunk, ...rest) {
    if (String(chunk).includes(mark)) { process.stdout.write = write; record(); }
    return write.call(this, chunk, ...rest);
  };
} else {
  process.on('exit', record);
}
`,
);

const loadedModules = (recorded: string) => JSON.parse(readFileSync(recorded, 'utf8')) as string[];
/** Node's public module `name`, or any of its internal ones (`internal/crypto/...`). */
const isOf = (name: string) => (entry: string) => entry === `NativeModule ${name}` || entry.startsWith(`NativeModule internal/${name}/`);
const env = { PATH: process.env.PATH, HOME: scratch, HEALTHLAKE_WIZARD_CONFIG_DIR: join(scratch, 'config'), HEALTHLAKE_WIZARD_CACHE_DIR: join(scratch, 'cache') };

describe("Node's modules a start loads", () => {
  it('a dry run: none of crypto, streams, assert, module or the terminal (it writes to descriptor 1)', () => {
    requireBuild();
    const run = spawnSync(process.execPath, ['--require', preload, BIN, 'create', '--no-interactive', '--dry-run', '--datastore-type-version', 'R4', '--datastore-name', 'modules'], { env: { ...env, RECORD_TO: join(scratch, 'dry-run.json') }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ DatastoreName: 'modules', DatastoreTypeVersion: 'R4' });
    const loaded = loadedModules(join(scratch, 'dry-run.json'));
    // The record is real: the launcher's loader and the command line's parser are there.
    expect(loaded).toEqual(expect.arrayContaining(['NativeModule vm', 'NativeModule internal/util/parse_args/parse_args']));
    for (const name of ['crypto', 'stream', 'streams', 'assert', 'module', 'tty', 'net']) expect(loaded.filter(isOf(name))).toEqual([]);
  });

  it("the wizard's first frame: none of crypto (its ClientToken is made after it), assert or module", async () => {
    requireBuild();
    const recorded = join(scratch, 'first-frame.json');
    const term = spawnCli(['--require', preload, BIN, '--sandbox'], { file: process.execPath, env: { ...env, FRAME_MARK: 'Step 1 of 7', RECORD_TO: recorded } });
    try {
      await term.waitFor('Step 1 of 7');
      await expect.poll(() => existsSync(recorded)).toBe(true);
    } finally {
      await term.close();
    }
    const loaded = loadedModules(recorded);
    // The record is the first frame's: the terminal is there, and the AWS SDK's HTTP client (after it) is not.
    expect(loaded).toEqual(expect.arrayContaining(['NativeModule tty']));
    expect(loaded).not.toContain('NativeModule http');
    for (const name of ['crypto', 'assert', 'module']) expect(loaded.filter(isOf(name))).toEqual([]);
  });
});
