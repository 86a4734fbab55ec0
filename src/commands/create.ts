/**
 * `healthlake-wizard create`: reads the command line (AWS CLI syntax), then prints help, the version or a
 * skeleton; merges a preset; and either prints the request (`--dry-run` without a wizard), sends it without
 * prompting (`--no-interactive` or no terminal), or runs the wizard. The printing paths load neither Ink,
 * React nor the AWS SDK: those come in through dynamic imports only when needed.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { checkQuery, outputFormatFor, renderDryRun, renderOutput } from '../aws/output.js';
import { EXIT, type CreateOptions } from '../options.js';
import { answersFromRequest, buildCreateRequest } from '../request/answers.js';
import { readCreateArgs } from '../request/argv.js';
import { renderCreateHelp } from '../request/help.js';
import { InputError, errorsOnly, formatIssue, type FieldIssue } from '../request/issues.js';
import { outputSkeleton, renderInputSkeleton, renderYamlInputSkeleton } from '../request/skeleton.js';
import type { CreateRequest } from '../request/types.js';
import type { WizardStore } from '../store/types.js';
import { validateRequest } from '../request/validate.js';
import { OPERATION, PARAMETERS } from '../spec/index.js';
import { writeStdout } from '../stdout.js';

function printIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) process.stderr.write(`${issues.map(formatIssue).join('\n')}\n`);
}

/**
 * The Region named on the command line or in the environment, known without loading the SDK (a profile's
 * Region is checked once the session has resolved it, before sending).
 */
function explicitRegion(options: CreateOptions): string | undefined {
  if (options.sandbox) return undefined;
  return options.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}

/** Validates; prints warnings (and errors) on stderr. True when nothing blocks. */
function validateAndReport(request: Record<string, unknown>, interactiveHint: boolean, region?: string): boolean {
  const issues = validateRequest(request, region ? { region } : {});
  printIssues(issues);
  const errors = errorsOnly(issues);
  if (errors.length > 0 && interactiveHint && errors.some((issue) => issue.rule === 'required')) {
    process.stderr.write(
      'Nothing is asked with --no-interactive or without a terminal: pass the missing values as flags ' +
        '(see --help), or run in a terminal to be guided by the wizard.\n',
    );
  }
  return errors.length === 0;
}

/** Opens the local store lazily (only presets need it); prints why it cannot be opened. */
async function openLocalStore(): Promise<WizardStore | number> {
  try {
    const { openStore } = await import('../store/index.js');
    const store: WizardStore = openStore();
    for (const notice of store.notices()) process.stderr.write(`healthlake-wizard: ${notice}\n`);
    return store;
  } catch (error) {
    return reportStoreFailure(error, 'the local store cannot be opened');
  }
}

function reportStoreFailure(error: unknown, what: string): number {
  if (error instanceof InputError) {
    printIssues(error.issues);
    return EXIT.usage;
  }
  const fix = (error as { fix?: unknown }).fix;
  process.stderr.write(`healthlake-wizard: ${what}: ${(error as Error).message}\n${typeof fix === 'string' ? `  Fix: ${fix}\n` : ''}`);
  return (error as { exitCode?: unknown }).exitCode === EXIT.usage ? EXIT.usage : EXIT.config;
}

/** Applies a preset's answers under the command line's values (a given top-level key replaces the preset's). */
async function withPreset(name: string, request: Record<string, unknown>): Promise<Record<string, unknown> | number> {
  const store = await openLocalStore();
  if (typeof store === 'number') return store;
  try {
    const { requirePreset } = await import('../store/index.js');
    const preset = requirePreset(store.presets, name, '--preset');
    return { ...(buildCreateRequest(preset.answers) as Record<string, unknown>), ...request };
  } catch (error) {
    return reportStoreFailure(error, `the preset ${JSON.stringify(name)} cannot be read`);
  }
}

/** `--save-preset NAME` without the wizard: saves the validated answers, never the client token. */
async function savePreset(name: string, request: Record<string, unknown>): Promise<number | undefined> {
  const store = await openLocalStore();
  if (typeof store === 'number') return store;
  const answers = answersFromRequest(request);
  delete answers.ClientToken;
  try {
    store.presets.save(name, answers);
    process.stderr.write(`healthlake-wizard: saved preset ${JSON.stringify(name)}.\n`);
    return undefined;
  } catch (error) {
    return reportStoreFailure(error, `the preset ${JSON.stringify(name)} cannot be saved`);
  }
}

/** Prints a result as the AWS CLI would (`--output` or the configured output, `--query`): the dry run's request, a skeleton. */
export async function printData(data: unknown, options: CreateOptions): Promise<void> {
  writeStdout(await renderOutput(data, { output: await outputFormatFor(options), query: options.query, operation: OPERATION.name }));
}

/** Runs `create` with its arguments; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = await readCreateArgs(argv);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printIssues(error.issues);
    return EXIT.usage;
  }
  const { options } = parsed;
  let given = parsed.given;
  if (options.help) {
    writeStdout(renderCreateHelp(Math.min(80, process.stdout.columns || 80)));
    return EXIT.ok;
  }
  if (options.version) {
    writeStdout(`healthlake-wizard/${packageJson.version} node/${process.versions.node} ${process.platform}/${process.arch}\n`);
    return EXIT.ok;
  }
  if (options.generateCliSkeleton === 'input') {
    writeStdout(renderInputSkeleton());
    return EXIT.ok;
  }
  if (options.generateCliSkeleton === 'yaml-input') {
    writeStdout(renderYamlInputSkeleton());
    return EXIT.ok;
  }
  const queryProblem = await checkQuery(options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }

  let request = parsed.request;
  if (options.preset !== undefined) {
    const merged = await withPreset(options.preset, request);
    if (typeof merged === 'number') return merged;
    request = merged;
    // A preset is a whole set of answers, as when picked on the start screen: every parameter counts as given,
    // so the wizard asks only for what is missing or invalid, then shows review.
    given = PARAMETERS.map((parameter) => parameter.name);
  }
  if (options.fromDatastore !== undefined) {
    const { readDatastoreSource } = await import('../aws/datastore-source.js');
    const source = await readDatastoreSource(options.fromDatastore, options);
    if (typeof source === 'number') return source;
    // Under everything else (a preset included); every parameter but the name counts as given, so the wizard asks
    // for a fresh name, then shows review (the ClientToken is never copied: a fresh one is made).
    request = { ...source, ...request };
    given = [...new Set([...given, ...PARAMETERS.map((parameter) => parameter.name).filter((name) => name !== 'DatastoreName' && name !== 'ClientToken')])];
  }

  const interactive = !options.noInteractive && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (options.generateCliSkeleton === 'output') {
    // As the AWS CLI does, `output` validates the input first, then prints a sample response.
    if (!validateAndReport(request, false)) return EXIT.usage;
    await printData(outputSkeleton(), options);
    return EXIT.ok;
  }
  if (!interactive) {
    if (!validateAndReport(request, !options.dryRun, explicitRegion(options))) return EXIT.usage;
    if (options.savePreset !== undefined) {
      const failed = await savePreset(options.savePreset, request);
      if (failed !== undefined) return failed;
    }
    if (options.dryRun && options.preflight === true) return (await import('./create-preflight.js')).dryRunPreflight(request as CreateRequest, options);
    if (options.dryRun) {
      writeStdout(await renderDryRun(request, options));
      return EXIT.ok;
    }
    return (await import('./create-submit.js')).submitCreate(request as CreateRequest, options);
  }
  const wizard = { initial: answersFromRequest(request), given, options };
  // The plain mode asks line by line in the terminal's own cooked mode: no raw mode, no Ink.
  if (options.plain || process.env.TERM === 'dumb') return (await import('../plain/run-plain.js')).runPlainWizard(wizard);
  // Raw mode before the UI modules load: keys typed meanwhile are kept for the wizard instead of being echoed
  // by the terminal (Ctrl+C then reaches the wizard's quit dialog rather than killing the process).
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  return (await import('../ui/run-wizard.js')).runWizard(wizard);
}
