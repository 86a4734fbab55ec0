// Runs the test suite on other Node.js versions: `npm run test:node -- 22 24` (every test on Node 22, then on 24),
// `npm run test:node -- 22 24 -- test/e2e test/cli` (only those). The bundle is built once by the machine's Node,
// as a published package is, so on another Node the tests also cover a start whose shipped code cache V8 rejects.
// Each binary comes from scripts/node-binary.js (fetched once, cached outside the repository). `--no-build` uses
// the dist/ that is there (CI has just built it).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinary } from './node-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--no-build');
const build = !process.argv.includes('--no-build');
const split = args.indexOf('--');
const majors = split === -1 ? args : args.slice(0, split);
const vitestArgs = split === -1 ? [] : args.slice(split + 1);
if (majors.length === 0 || majors.some((major) => !/^\d+$/.test(major))) {
  process.stderr.write('usage: npm run test:node -- [--no-build] MAJOR... [-- VITEST_ARGS...]   (e.g. npm run test:node -- 22 24 -- test/e2e)\n');
  process.exit(252);
}

if (build) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 255);
}

const failed = [];
for (const major of majors) {
  const node = nodeBinary(major);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`\ntest:node: Node.js ${version}\n`);
  const run = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], {
    cwd: root,
    stdio: 'inherit',
    // Anything that starts `node` by name gets this one too. The machine's own Node is the one on PATH already;
    // putting its folder (/usr/bin) first would also put a system python3 before the user's.
    env: node === process.execPath ? process.env : { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` },
  });
  if (run.status !== 0) failed.push(`${version} (exit ${run.status ?? run.signal})`);
}
if (failed.length > 0) {
  process.stderr.write(`test:node: failed on ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`test:node: passed on Node.js ${majors.join(', ')}\n`);
