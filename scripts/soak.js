// The flake soak: the whole vitest suite several times in a row on each Node named, with another process keeping
// one core busy the whole time, as a loaded CI machine would. Stops at the first failing run and says which.
//   npm run test:soak -- 20 24            5 runs on Node 20, then 5 on Node 24
//   SOAK_RUNS=3 npm run test:soak -- 22   3 runs on Node 22
// The bundle is built once by the machine's Node first (as test:node does); each run's time is printed.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinary } from './node-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors = process.argv.slice(2);
const runs = Number(process.env.SOAK_RUNS ?? 5);
if (majors.length === 0 || majors.some((major) => !/^\d+$/.test(major)) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run test:soak -- MAJOR...   (e.g. npm run test:soak -- 20 24; SOAK_RUNS=N, default 5)\n');
  process.exit(252);
}

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 255);

// One busy core, whatever the machine has: the suite shares what is left with it.
const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
const stopBusy = () => busy.kill('SIGKILL');
process.on('exit', stopBusy);
process.on('SIGINT', () => process.exit(130));
process.stdout.write(`test:soak: ${runs} runs per Node, one of ${availableParallelism()} cores kept busy (pid ${busy.pid})\n`);

const results = [];
for (const major of majors) {
  const node = nodeBinary(major);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  for (let run = 1; run <= runs; run++) {
    process.stdout.write(`\ntest:soak: Node.js ${version}, run ${run} of ${runs}\n`);
    const started = Date.now();
    const result = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], {
      cwd: root,
      stdio: 'inherit',
      // Anything that starts `node` by name gets this one too. The machine's own Node is the one on PATH already;
      // putting its folder (/usr/bin) first would also put a system python3 before the user's.
      env: node === process.execPath ? process.env : { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` },
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push(`${version} run ${run}: ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`);
    if (result.status !== 0) {
      process.stderr.write(`\ntest:soak:\n  ${results.join('\n  ')}\n`);
      process.exit(1);
    }
  }
}
process.stdout.write(`\ntest:soak: every run passed\n  ${results.join('\n  ')}\n`);
