/**
 * `npm run bench`: start-up, dry run, keystroke latency, memory and polling figures for the built bundle,
 * each with its target and PASS/FAIL. Times are medians over several runs and are compared as ratios to a bare
 * `node -e 0` started the same way in the same run, because absolute times on shared machines are noisy.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BIN, KEYS, REPO_ROOT, spawnCli } from '../test/support/pty-terminal.js';
import { measurePolling } from './polling.js';
import { nodeBinary } from '../scripts/node-binary.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function freshEnv(): { env: Record<string, string>; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'hlw-bench-'));
  return {
    env: {
      HOME: home,
      HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config'),
      // A cache the launcher writes stays in this run's HOME: each run starts from the shipped cache only.
      HEALTHLAKE_WIZARD_CACHE_DIR: join(home, 'cache'),
      HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '1500',
    },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Time from spawn in a pty until the predicate holds on screen; `env` adds to (or replaces) a fresh HOME's. */
async function timeToScreen(argv: string[], predicate: (screen: string) => boolean, file: string, extraEnv: Record<string, string> = {}): Promise<number> {
  const { env, cleanup } = freshEnv();
  const started = performance.now();
  const term = spawnCli(argv, { env: { ...env, ...extraEnv }, file });
  try {
    await term.waitFor(predicate, 20_000);
    return performance.now() - started;
  } finally {
    await term.close();
    cleanup();
  }
}

/** Time from spawn until exit for a plain child process (no pty). */
function timeToExit(file: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const { env, cleanup } = freshEnv();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env: { PATH: process.env.PATH ?? '', ...env, ...extraEnv }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => {
      cleanup();
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited ${code}`));
    });
  });
}

/**
 * Medians of several measures taken in turns (a, b, c, a, b, c...), so that a slower moment of a shared machine
 * falls on all of them alike rather than on whichever ran then. One warm-up round first (file cache).
 */
async function interleavedMedians<K extends string>(measures: Record<K, () => Promise<number>>, rounds: number): Promise<Record<K, number>> {
  const keys = Object.keys(measures) as K[];
  const values = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let round = -1; round < rounds; round++) {
    for (const key of keys) {
      const value = await measures[key]();
      if (round >= 0) values[key].push(value);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(values[key])])) as Record<K, number>;
}

/** The first frame: the wizard's first question on screen. */
const FIRST_FRAME = (screen: string) => /Step 1 of|Data store name/.test(screen);

const DRY_RUN_ARGS = [
  BIN, 'create', '--no-interactive', '--dry-run',
  '--datastore-name', 'Bench Datastore',
  '--datastore-type-version', 'R4',
  '--sse-configuration', 'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/bench}',
  '--preload-data-config', 'PreloadDataType=SYNTHEA',
  '--client-token', 'bench-token-1',
  '--tags', 'Key=team,Value=data', 'Key=env,Value=bench',
  '--identity-provider-configuration',
  'AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=true,' +
    'IdpLambdaArn=arn:aws:lambda:us-east-1:111122223333:function:smart-token-decoder,' +
    'Metadata=\'{"authorization_endpoint":"https://auth.example.com/authorize","token_endpoint":"https://auth.example.com/token",' +
    '"grant_types_supported":["authorization_code"],"capabilities":["launch-standalone"],"code_challenge_methods_supported":["S256"]}\'',
];

/** Bundles the smallest Ink app as one would by default (an ES module bundle, no code cache): a reference first frame. */
async function buildInkHello(): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = join(REPO_ROOT, '.tmp', 'ink-hello');
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'fixtures', 'ink-hello.tsx')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    jsx: 'automatic',
    minify: true,
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outdir, 'ink-hello.js');
}

/** The Nodes the start-up figures are taken on: BENCH_NODES=20,22,24 (the default), each fetched once. */
function benchNodes(): { label: string; file: string }[] {
  const majors = (process.env.BENCH_NODES ?? '20,22,24').split(',').filter(Boolean);
  return majors.map((major) => {
    const file = nodeBinary(major);
    const version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
    return { label: `Node ${version.replace(/^v/, '').split('.').slice(0, 2).join('.')}`, file };
  });
}

/** Start-up figures on one Node, each against that Node's own bare start. */
async function startupRows(node: string): Promise<Row[]> {
  const ready = (s: string) => s.includes('ready');
  const inkHello = await buildInkHello();
  // The first start on a Node the package ships no code cache for (another patch release's V8, say).
  const foreignBin = copyWithoutCodeCache();
  // Later runs start from what earlier runs left in the user's cache folder: one folder for all of them (the
  // warm-up round of interleavedMedians fills it). A first run gets an empty one each time.
  const kept = mkdtempSync(join(tmpdir(), 'hlw-bench-kept-'));
  const keptCache = (loader?: string) => ({ HEALTHLAKE_WIZARD_CACHE_DIR: join(kept, loader ?? 'auto'), ...(loader ? { HEALTHLAKE_WIZARD_CODE_LOADER: loader } : {}) });
  // On a Node with its own compile cache, that one is timed too: the launcher's loader stays only where it pays.
  const nodeHasCompileCache = execFileSync(node, ['-p', 'typeof require("node:module").enableCompileCache'], { encoding: 'utf8' }).trim() === 'function';
  const otherLoader = nodeHasCompileCache ? 'node' : undefined;
  try {
    const pty = await interleavedMedians<string>(
      {
        bareNodePty: () => timeToScreen(['-e', 'process.stdout.write("ready")'], ready, node),
        inkFloor: () => timeToScreen([inkHello], ready, node),
        laterRuns: () => timeToScreen([BIN, '--sandbox'], FIRST_FRAME, node, keptCache()),
        // The first start after installing: the package ships a cache for each supported Node (npm run bench
        // builds as prepack does), and the user's cache folder is empty.
        firstRun: () => timeToScreen([BIN, '--sandbox'], FIRST_FRAME, node),
        firstRunNoCache: () => timeToScreen([foreignBin, '--sandbox'], FIRST_FRAME, node),
        ...(otherLoader ? { laterRunsOther: () => timeToScreen([BIN, '--sandbox'], FIRST_FRAME, node, keptCache(otherLoader)) } : {}),
      },
      RUNS,
    );
    // Short processes are the noisiest: three times the rounds.
    const exits = await interleavedMedians<string>(
      {
        bareNode: () => timeToExit(node, ['-e', '0']),
        emptyModule: () => timeToExit(node, [join(REPO_ROOT, 'bench', 'fixtures', 'empty-module.mjs')]),
        dryRun: () => timeToExit(node, DRY_RUN_ARGS, keptCache()),
        dryRunFirst: () => timeToExit(node, DRY_RUN_ARGS),
        dryRunFirstNoCache: () => timeToExit(node, [foreignBin, ...DRY_RUN_ARGS.slice(1)]),
        ...(otherLoader ? { dryRunOther: () => timeToExit(node, DRY_RUN_ARGS, keptCache(otherLoader)) } : {}),
      },
      RUNS * 3,
    );
    const { bareNodePty, inkFloor, laterRuns, firstRun, firstRunNoCache, laterRunsOther } = pty;
    const { bareNode, emptyModule, dryRun, dryRunFirst, dryRunFirstNoCache, dryRunOther } = exits;
    /** A time against its reference; with `maxRatio`, a target the ratio must meet. */
    const ratioRow = (name: string, ms: number | undefined, reference: number, maxRatio?: number): Row => ({
      name,
      value: ms === undefined ? '-' : `${ms.toFixed(0)} ms = ${(ms / reference).toFixed(2)}x`,
      target: maxRatio === undefined ? '-' : `<= ${maxRatio}x`,
      pass: ms === undefined || maxRatio === undefined || ms / reference <= maxRatio,
    });
    const reference = (name: string, ms: number): Row => ({ name, value: `${ms.toFixed(0)} ms`, target: '-', pass: true });
    const loader = execFileSync(node, ['-e', `process.stdout.write(require(${JSON.stringify(join(REPO_ROOT, 'dist', 'launcher.cjs'))}).codeLoader({}))`], { encoding: 'utf8' });
    return [
      { name: 'code loader (src/launcher.ts)', value: loader === 'node' ? "Node's compile cache" : 'vm.Script + code cache', target: '-', pass: true },
      reference('bare node in a pty (reference)', bareNodePty!),
      ratioRow('smallest Ink app, ES module bundle (reference)', inkFloor, bareNodePty!),
      ratioRow('first frame, later runs', laterRuns, bareNodePty!, 2.0),
      ratioRow('first frame, first run after install', firstRun, bareNodePty!, 2.5),
      ratioRow('first frame, first run, no cache shipped for this Node', firstRunNoCache, bareNodePty!),
      ratioRow("first frame, later runs, Node's compile cache", laterRunsOther, bareNodePty!),
      reference('bare node -e 0 (reference)', bareNode!),
      ratioRow('an empty ES module (reference)', emptyModule, bareNode!),
      ratioRow('dry run, all parameters, later runs', dryRun, bareNode!, 1.5),
      ratioRow('dry run, first run after install', dryRunFirst, bareNode!, 2.5),
      ratioRow('dry run, first run, no cache shipped for this Node', dryRunFirstNoCache, bareNode!),
      ratioRow("dry run, later runs, Node's compile cache", dryRunOther, bareNode!),
    ];
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
}

/** The AWS CLI's own prompt, for comparison (on the machine's Node only: it is not a Node program). */
async function awsCliRows(): Promise<Row[]> {
  const aws = awsCliPath();
  if (!aws) return [{ name: 'aws --cli-auto-prompt first frame', value: 'AWS CLI v2 not installed; not compared', target: '-', pass: true }];
  const { autoPrompt, firstFrame } = await interleavedMedians(
    {
      autoPrompt: () => timeToScreen(['healthlake', 'create-fhir-datastore', '--cli-auto-prompt'], (s) => s.includes('--datastore-type-version'), aws),
      firstFrame: () => timeToScreen([BIN, '--sandbox'], FIRST_FRAME, process.execPath),
    },
    RUNS,
  );
  return [{ name: 'aws --cli-auto-prompt first frame', value: `${autoPrompt.toFixed(0)} ms; ours is ${(firstFrame / autoPrompt).toFixed(2)}x of it`, target: '-', pass: true }];
}

/** A copy of the built program without its code cache, as a Node of another V8 finds it; returns its bin. */
function copyWithoutCodeCache(): string {
  const copy = join(REPO_ROOT, '.tmp', 'bench-no-code-cache');
  rmSync(copy, { recursive: true, force: true });
  for (const folder of ['bin', 'dist']) cpSync(join(REPO_ROOT, folder), join(copy, folder), { recursive: true });
  rmSync(join(copy, 'dist', 'code-cache'), { recursive: true, force: true });
  return join(copy, 'bin', 'healthlake-wizard.cjs');
}

/** An AWS CLI version 2 on PATH, if any (version 1 has no --cli-auto-prompt; both can be installed at once). */
function awsCliPath(): string | undefined {
  let candidates: string[];
  try {
    candidates = execFileSync('sh', ['-c', 'which -a aws'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
  return candidates.find((path) => {
    try {
      return /aws-cli\/2\./.test(execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch {
      return false;
    }
  });
}

/** Keystroke latency: from each write until the screen shows the new character count. */
async function keystrokeRows(): Promise<Row[]> {
  const { env, cleanup } = freshEnv();
  const term = spawnCli(['--sandbox'], { env });
  const latencies: number[] = [];
  const bytesPerKey: number[] = [];
  try {
    await term.waitFor(FIRST_FRAME, 20_000);
    for (let i = 1; i <= 500; i++) {
      const before = term.output().length;
      const started = performance.now();
      term.type('a');
      // The live counter shows characters typed against the 256 limit; the name step echoes every key.
      await term.waitFor((screen) => screen.includes(`${i}/256`) || screen.includes(`${'a'.repeat(Math.min(i, 40))}`) && screen.includes(`${i}/`), 5_000);
      latencies.push(performance.now() - started);
      bytesPerKey.push(term.output().length - before);
    }
  } finally {
    await term.close();
    cleanup();
  }
  const fullScreen = 80 * 24;
  const medianBytes = median(bytesPerKey);
  return [
    { name: 'keystroke latency, median (500 keys)', value: `${median(latencies).toFixed(1)} ms`, target: '< 8 ms', pass: median(latencies) < 8 },
    { name: 'keystroke latency, p99', value: `${percentile(latencies, 99).toFixed(1)} ms`, target: '< 25 ms', pass: percentile(latencies, 99) < 25 },
    {
      name: 'bytes written per keystroke, median',
      value: `${medianBytes} B (a full 80x24 screen is ${fullScreen} B)`,
      target: '< full screen',
      pass: medianBytes < fullScreen,
    },
  ];
}

/** Peak RSS (VmHWM) of a whole wizard run in the sandbox, from start to the status panel's ACTIVE. */
async function memoryRows(): Promise<Row[]> {
  const { env, cleanup } = freshEnv();
  const term = spawnCli(['--sandbox'], { env });
  let peakKb = 0;
  const pid = (term as unknown as { pty: { pid: number } }).pty.pid;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // the process has exited; keep the last reading
    }
  };
  const timer = setInterval(sample, 50);
  try {
    await term.waitFor(FIRST_FRAME, 20_000);
    await driveToActive(term);
    sample();
  } finally {
    clearInterval(timer);
    await term.close();
    cleanup();
  }
  const mb = peakKb / 1024;
  return [{ name: 'peak RSS, full sandbox run to ACTIVE', value: `${mb.toFixed(1)} MB`, target: '< 120 MB', pass: mb > 0 && mb < 120 }];
}

/** Accepts every default (one Enter per step), creates from review, confirms, and waits for ACTIVE. */
async function driveToActive(term: ReturnType<typeof spawnCli>): Promise<void> {
  for (let step = 1; step <= 7; step++) {
    await term.waitFor(`Step ${step} of 7`);
    await term.press(KEYS.enter);
  }
  await term.waitFor('Review —');
  await term.press('c');
  await term.waitFor('billed per hour');
  await term.press('y');
  await term.waitFor('The data store is ACTIVE', 30_000);
}

/** One table: a row per figure, a column per Node (a figure taken on one Node only shows `-` in the others). */
function print(columns: { label: string; rows: Row[] }[]): void {
  const names = [...new Set(columns.flatMap((column) => column.rows.map((row) => row.name)))];
  const cell = (label: string, name: string) => {
    const row = columns.find((column) => column.label === label)?.rows.find((r) => r.name === name);
    if (!row || row.value === '-') return '-';
    return row.target === '-' ? row.value : `${row.value} ${row.pass ? 'PASS' : 'FAIL'}`;
  };
  const target = (name: string) => columns.flatMap((column) => column.rows).find((row) => row.name === name && row.target !== '-')?.target ?? '-';
  const table = [['figure', 'target', ...columns.map((column) => column.label)], ...names.map((name) => [name, target(name), ...columns.map((column) => cell(column.label, name))])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(table[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of table.slice(1)) console.log(line(cells));
}

const machine = `Node ${process.versions.node.split('.').slice(0, 2).join('.')}`;
const columns: { label: string; rows: Row[] }[] = [];
const column = (label: string) => {
  let found = columns.find((c) => c.label === label);
  if (!found) columns.push((found = { label, rows: [] }));
  return found;
};
// BENCH_ONLY=start-up,memory runs a subset. Start-up is taken on every Node of BENCH_NODES; keystrokes, memory and
// polling on the machine's Node (polling runs in this process).
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (section: string) => !only || only.includes(section);
async function measure(label: string, name: string, run: () => Promise<Row[]> | Row[]): Promise<void> {
  process.stderr.write(`measuring ${name} on ${label}...\n`);
  try {
    column(label).rows.push(...(await run()));
  } catch (error) {
    column(label).rows.push({ name, value: `error: ${(error as Error).message.split('\n')[0]}`, target: 'runs', pass: false });
  }
}
const nodes = wanted('start-up') ? benchNodes() : [];
column(machine);
for (const node of nodes) await measure(node.label, 'start-up', () => startupRows(node.file));
if (wanted('start-up')) await measure(machine, 'aws-cli', awsCliRows);
if (wanted('keystrokes')) await measure(machine, 'keystrokes', keystrokeRows);
if (wanted('memory')) await measure(machine, 'memory', memoryRows);
if (wanted('polling')) await measure(machine, 'polling', measurePolling);
console.log(`\nhealthlake-wizard benchmarks — ${cpus().length} x ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
  `medians of ${RUNS} rounds (${RUNS * 3} without a terminal), measures taken in turns; ratios against the same Node's bare start\n`);
print(columns);
process.exitCode = columns.every((c) => c.rows.every((row) => row.pass)) ? 0 : 1;
