/**
 * `healthlake-wizard create`: reads the command line (AWS CLI syntax), then prints help, the version or a
 * skeleton; merges a preset; and either prints the request (`--dry-run` without a wizard), sends it without
 * prompting (`--no-interactive` or no terminal), or runs the wizard. The printing paths load neither Ink,
 * React nor the AWS SDK: those come in through dynamic imports only when needed.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { checkQuery, renderOutput } from '../aws/output.js';
import { EXIT, type CreateOptions } from '../options.js';
import { answersFromRequest, buildCreateRequest } from '../request/answers.js';
import { parseCreateArgs } from '../request/argv.js';
import { renderCreateHelp } from '../request/help.js';
import { InputError, errorsOnly, formatIssue, type FieldIssue } from '../request/issues.js';
import { orderRequest } from '../request/render-json-yaml.js';
import { outputSkeleton, renderInputSkeleton, renderYamlInputSkeleton } from '../request/skeleton.js';
import type { CreateRequest } from '../request/types.js';
import type { WizardStore } from '../store/types.js';
import { validateRequest } from '../request/validate.js';
import { OPERATION } from '../spec/index.js';

function printIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) process.stderr.write(`${issues.map(formatIssue).join('\n')}\n`);
}

/** Validates; prints warnings (and errors) on stderr. True when nothing blocks. */
function validateAndReport(request: Record<string, unknown>, interactiveHint: boolean): boolean {
  const issues = validateRequest(request);
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

/** Applies a preset's answers under the command line's values (a given top-level key replaces the preset's). */
async function withPreset(name: string, request: Record<string, unknown>): Promise<Record<string, unknown> | number> {
  let store: WizardStore;
  try {
    const { openStore } = await import('../store/index.js');
    store = openStore();
  } catch (error) {
    process.stderr.write(`healthlake-wizard: the local store cannot be opened (${(error as Error).message}).\n`);
    return EXIT.config;
  }
  for (const notice of store.notices()) process.stderr.write(`healthlake-wizard: ${notice}\n`);
  const preset = store.presets.get(name);
  if (!preset) {
    const names = store.presets.list().map((p) => p.name);
    printIssues([{
      field: '',
      flag: '--preset',
      rule: 'unknown',
      message: `There is no preset named ${JSON.stringify(name)}.`,
      fix: names.length > 0 ? `Use one of: ${names.join(', ')}.` : 'No presets are saved yet; save one with --save-preset NAME or in the wizard.',
      value: name,
      severity: 'error',
    }]);
    return EXIT.usage;
  }
  return { ...(buildCreateRequest(preset.answers) as Record<string, unknown>), ...request };
}

function printData(data: unknown, options: CreateOptions): void {
  process.stdout.write(renderOutput(data, { output: options.output, query: options.query, operation: OPERATION.name }));
}

/** Runs `create` with its arguments; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCreateArgs(argv);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printIssues(error.issues);
    return EXIT.usage;
  }
  const { given, options } = parsed;
  if (options.help) {
    process.stdout.write(renderCreateHelp(Math.min(80, process.stdout.columns || 80)));
    return EXIT.ok;
  }
  if (options.version) {
    process.stdout.write(`healthlake-wizard/${packageJson.version} node/${process.versions.node} ${process.platform}/${process.arch}\n`);
    return EXIT.ok;
  }
  if (options.generateCliSkeleton === 'input') {
    process.stdout.write(renderInputSkeleton());
    return EXIT.ok;
  }
  if (options.generateCliSkeleton === 'yaml-input') {
    process.stdout.write(renderYamlInputSkeleton());
    return EXIT.ok;
  }
  const queryProblem = checkQuery(options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }

  let request = parsed.request;
  if (options.preset !== undefined) {
    const merged = await withPreset(options.preset, request);
    if (typeof merged === 'number') return merged;
    request = merged;
  }

  const interactive = !options.noInteractive && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (options.generateCliSkeleton === 'output') {
    // As the AWS CLI does, `output` validates the input first, then prints a sample response.
    if (!validateAndReport(request, false)) return EXIT.usage;
    printData(outputSkeleton(), options);
    return EXIT.ok;
  }
  if (!interactive) {
    if (!validateAndReport(request, !options.dryRun)) return EXIT.usage;
    if (options.dryRun) {
      printData(orderRequest(request), options);
      return EXIT.ok;
    }
    return (await import('./create-submit.js')).submitCreate(request as CreateRequest, options);
  }
  return (await import('../ui/run-wizard.js')).runWizard({ initial: answersFromRequest(request), given, options });
}
