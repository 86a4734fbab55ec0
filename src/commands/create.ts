/**
 * `healthlake-wizard create`: reads the command line (AWS CLI syntax), then prints help, the version or a
 * skeleton; merges a preset; and either prints the request (`--dry-run` without a wizard), sends it without
 * prompting (`--no-interactive` or no terminal), or runs the wizard. The printing paths load neither Ink,
 * React nor the AWS SDK: those come in through dynamic imports only when needed.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { checkQuery, outputFormatFor, renderDryRun, renderOutput } from '../cli-output/render-output.js';
import { EXIT, type CreateOptions } from '../options.js';
import { answersFromRequest, buildCreateRequest } from '../request/answers.js';
import { EXPIRY_TAG_KEY, expiryTimestamp, withExpiryTag, withoutExpiryTag } from '../request/expiry.js';
import { readCreateArgs } from '../request/argv.js';
import { renderCreateHelp } from '../request/help.js';
import { InputError, errorsOnly, formatIssue, syntaxIssue, type FieldIssue } from '../request/issues.js';
import { outputSkeleton, renderInputSkeleton, renderYamlInputSkeleton } from '../request/skeleton.js';
import type { PolicyCheck } from '../request/policy-types.js';
import type { CreateRequest } from '../request/types.js';
import type { WizardStore } from '../store/types.js';
import { reportCommandError } from '../store/command-report.js';
import { findProjectFolder } from '../store/project-folder.js';
import { validateRequest } from '../request/validate.js';
import { OPERATION, PARAMETERS } from '../parameter-model/index.js';
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

/** Validates (and holds to the team policy, when there is one); prints warnings and errors on stderr. True when nothing blocks. */
function validateAndReport(request: Record<string, unknown>, interactiveHint: boolean, region?: string, policy?: PolicyCheck): boolean {
  const issues = [...validateRequest(request, region ? { region } : {}), ...(policy ? policy.issues(request, region) : [])];
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

/**
 * The project's team policy (`.healthlake-wizard/policy.yaml`), or undefined when there is none; a number (253)
 * when it cannot be read or trusted: a broken policy stops the run, it never passes silently.
 */
async function loadPolicyCheck(preset: string | undefined): Promise<PolicyCheck | undefined | number> {
  try {
    // Most runs have no project folder: a few lstat calls, and the policy's code (Ajv, YAML) never loads.
    const folder = findProjectFolder();
    if (!folder) return undefined;
    const { readProjectPolicy } = await import('../store/project-policy.js');
    const policy = await readProjectPolicy(folder);
    if (!policy) return undefined;
    const { policyIssues } = await import('../request/policy-check.js');
    return {
      policy,
      issues: (request, region, account) =>
        policyIssues(policy, request, { stage: 'creation', ...(region ? { region } : {}), ...(account ? { account } : {}), ...(preset ? { preset } : {}) }),
    };
  } catch (error) {
    return reportStoreFailure(error, 'the team policy cannot be used');
  }
}

/** Opens the local store lazily (only presets need it); prints why it cannot be opened. */
async function openLocalStore(): Promise<WizardStore | number> {
  try {
    const { openStoreWithProject } = await import('../store/index.js');
    const store: WizardStore = openStoreWithProject();
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
    if (preset.hidesPersonal) process.stderr.write(`healthlake-wizard: note: --preset ${name} is the project preset ${preset.file}; it wins over your personal preset of the same name.\n`);
    return { ...buildCreateRequest(preset.answers), ...request };
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

/** Runs `create` with its arguments; returns the exit code. `now` is the clock `--expires-in` counts from. */
export async function run(argv: string[], now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = await readCreateArgs(argv);
  } catch (error) {
    // A command line it cannot read: worded as every command's (reportCommandError), exit 252.
    if (!(error instanceof InputError)) throw error;
    return reportCommandError(error);
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
    const read = await readDatastoreSource(options.fromDatastore, options);
    if (typeof read === 'number') return read;
    // The source's expiry was about the source: copied, it would make the new data store expired (or expiring)
    // from its first minute, and cleanup would delete it.
    const { request: source, removed } = withoutExpiryTag(read);
    if (removed !== undefined && options.expiresInMs === undefined && !Object.hasOwn(request, 'Tags')) {
      process.stderr.write(`healthlake-wizard: the tag ${EXPIRY_TAG_KEY}=${removed} of ${options.fromDatastore} is not copied; give --expires-in for the new data store.\n`);
    }
    // Under everything else (a preset included); every parameter but the name counts as given, so the wizard asks
    // for a fresh name, then shows review (the ClientToken is never copied: a fresh one is made).
    request = { ...source, ...request };
    given = [...new Set([...given, ...PARAMETERS.map((parameter) => parameter.name).filter((name) => name !== 'DatastoreName' && name !== 'ClientToken')])];
  }

  if (options.expiresInMs !== undefined) request = withExpiryTag(request, expiryTimestamp(now(), options.expiresInMs));
  if (options.exportFile !== undefined && options.export === undefined) {
    printIssues([syntaxIssue('--export-file', '--export-file needs --export FORMAT: the format to write.', 'Add for example --export terraform (create --help lists the formats).', options.exportFile)]);
    return EXIT.usage;
  }

  const interactive = !options.noInteractive && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (options.generateCliSkeleton === 'output') {
    // As the AWS CLI does, `output` validates the input first, then prints a sample response.
    if (!validateAndReport(request, false)) return EXIT.usage;
    await printData(outputSkeleton(), options);
    return EXIT.ok;
  }
  const policy = await loadPolicyCheck(options.preset);
  if (typeof policy === 'number') return policy;
  // An export asks nothing and sends nothing, on a terminal too.
  if (!interactive || options.export !== undefined) {
    if (!validateAndReport(request, !options.dryRun && options.export === undefined, explicitRegion(options), policy)) return EXIT.usage;
    if (options.savePreset !== undefined) {
      const failed = await savePreset(options.savePreset, request);
      if (failed !== undefined) return failed;
    }
    if (options.export !== undefined) return (await import('./create-export.js')).writeExport(options.export, request, options);
    if (options.dryRun && options.preflight === true) return (await import('./create-preflight.js')).dryRunPreflight(request as unknown as CreateRequest, options);
    if (options.dryRun) {
      writeStdout(await renderDryRun(request, options));
      return EXIT.ok;
    }
    // Validated above: the body is a CreateFHIRDatastore request.
    return (await import('./create-submit.js')).submitCreate(request as unknown as CreateRequest, options, {}, policy);
  }
  const wizard = { initial: answersFromRequest(request), given, options, ...(policy ? { policy: policy.policy } : {}) };
  // The plain mode asks line by line in the terminal's own cooked mode: no raw mode, no Ink.
  if (options.plain || process.env.TERM === 'dumb') return (await import('../plain/run-plain.js')).runPlainWizard(wizard);
  // Raw mode before the UI modules load: keys typed meanwhile are kept for the wizard instead of being echoed
  // by the terminal (Ctrl+C then reaches the wizard's quit dialog rather than killing the process).
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  return (await import('../ui/run-wizard.js')).runWizard(wizard);
}
