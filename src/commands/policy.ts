/**
 * `healthlake-wizard policy check [FILE...]`: holds request documents (the project's presets by default, or
 * `--cli-input-json`/`--cli-input-yaml` files) to the team policy of `.healthlake-wizard/`, for CI. Each broken
 * rule is printed as `create --no-interactive` prints it; exit 252 when a document breaks the policy (or is not
 * a valid request), 253 when there is no usable policy, 0 with a summary otherwise.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXIT } from '../options.js';
import { buildCreateRequest } from '../request/answers.js';
import { formatIssue, InputError, type FieldIssue } from '../request/issues.js';
import { policyIssues, ruleCheckable } from '../request/policy-check.js';
import type { PolicyContext, TeamPolicy } from '../request/policy-types.js';
import { didYouMean } from '../request/suggest.js';
import { reportCommandError, usageError } from '../store/command-report.js';
import { readImportedRequest } from '../store/preset-document.js';
import { displayPath, findProjectFolder, PROJECT_FOLDER_NAME, type ProjectFolder } from '../store/project-folder.js';
import { readProjectPolicy } from '../store/project-policy.js';
import { PROJECT_PRESETS_FOLDER, projectPresetFiles } from '../store/project-presets.js';
import { StoreError } from '../store/store-error.js';
import { writeStdout } from '../stdout.js';
import { commandHelp, parseCommandArgs, type CommandFlags } from './command-args.js';

/** The flags of `policy check` (read by the parser, its help, the shell completion and the man page). */
export const POLICY_CHECK_FLAGS = {
  preset: { type: 'string', valueName: '<name>', help: "Check the FILEs as starting from this preset (a project preset's file is checked as that preset)." },
  region: { type: 'string', valueName: '<region>', help: 'Check the rules on Regions for this Region too.' },
  account: { type: 'string', valueName: '<id>', help: 'Check the rules on accounts for this account too.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'policy check',
  '[FILE...] [--preset NAME] [--region REGION] [--account ID]',
  `Holds request documents to the team policy: ${PROJECT_FOLDER_NAME}/policy.yaml (or .yml, or policy.json) in the
folder found from the working directory upward. Checks the project's presets, or the FILEs given
(--cli-input-json or --cli-input-yaml documents, as "presets export" writes them).

The expiry tag rules apply at creation (the wizard, create), where the tag is written.

Exit codes: 0 every document keeps the policy; 252 a document breaks it or is not a valid request; 253 no
project folder or policy, or a policy file that cannot be used (named with its line).`,
  POLICY_CHECK_FLAGS,
);

/** The commands of `policy`. */
export const POLICY_COMMANDS = ['check'] as const;

const note = (text: string) => process.stderr.write(`${text}\n`);

/** One document to check: its path, how messages name it, the preset it stands for. */
interface Document {
  path: string;
  shown: string;
  preset?: string;
}

function readDocumentText(document: Document): string {
  try {
    return readFileSync(document.path, 'utf8');
  } catch (error) {
    const issue: FieldIssue = { field: '', flag: document.shown, rule: 'file', message: `Cannot read ${document.shown} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, fix: 'Check the path and that the file is readable.', severity: 'error' };
    throw new InputError([issue]);
  }
}

/** The documents: the FILEs given, else every project preset file. */
function documentsToCheck(folder: ProjectFolder, files: string[], preset: string | undefined): Document[] {
  const presetsFolder = join(folder.path, PROJECT_PRESETS_FOLDER);
  if (files.length === 0) return projectPresetFiles(folder).map((file) => ({ path: file.path, shown: displayPath(folder, file.path), preset: file.name }));
  return files.map((file) => {
    const path = resolve(file);
    const asPreset = preset ?? (dirname(path) === presetsFolder ? basename(path, extname(path)) : undefined);
    return { path, shown: file, ...(asPreset ? { preset: asPreset } : {}) };
  });
}

/** The problems of one document: not a valid request (the service model), or the rules of the policy it breaks. */
function problemsOf(document: Document, policy: TeamPolicy, context: Omit<PolicyContext, 'preset' | 'stage'>): FieldIssue[] {
  try {
    const { answers } = readImportedRequest(readDocumentText(document), document.shown);
    const request = buildCreateRequest(answers);
    return policyIssues(policy, request, { ...context, stage: 'document', ...(document.preset ? { preset: document.preset } : {}) });
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
}

/** The rules no document could be held to here (a Region, an account or the creation is needed), by id. */
function rulesLeftOut(policy: TeamPolicy, documents: Document[], context: Omit<PolicyContext, 'preset' | 'stage'>): string[] {
  const contexts = (documents.length > 0 ? documents : [{} as Document]).map((document): PolicyContext => ({ ...context, stage: 'document', ...(document.preset ? { preset: document.preset } : {}) }));
  return policy.rules.filter((rule) => !contexts.some((checked) => ruleCheckable(rule, checked)) && (rule.regions || rule.accounts || rule.expiryTag || rule.when?.regions || rule.when?.accounts)).map((rule) => rule.id);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('policy check', args, POLICY_CHECK_FLAGS, true);
  if (values.help) {
    writeStdout(USAGE);
    return EXIT.ok;
  }
  const folder = findProjectFolder();
  if (!folder) throw new StoreError(`No ${PROJECT_FOLDER_NAME}/ folder was found from ${process.cwd()} upward, so there is no team policy to check against.`, `Run it inside the repository, or create ${PROJECT_FOLDER_NAME}/policy.yaml (see docs/presets.md).`);
  const policy = await readProjectPolicy(folder);
  if (!policy) throw new StoreError(`${displayPath(folder, folder.path)} holds no policy file (policy.yaml, policy.yml or policy.json).`, `Write the team's rules in ${displayPath(folder, join(folder.path, 'policy.yaml'))} (see docs/presets.md), or check nothing here.`);
  const context = { ...(values.region ? { region: values.region } : {}), ...(values.account ? { account: values.account } : {}) };
  const documents = documentsToCheck(folder, positionals, values.preset);
  let broken = 0;
  for (const document of documents) {
    const problems = problemsOf(document, policy, context);
    if (problems.length === 0) continue;
    broken++;
    for (const issue of problems) note(`healthlake-wizard: ${document.shown}: ${formatIssue(issue)}`);
  }
  const what = positionals.length === 0 ? plural(documents.length, 'project preset') : plural(documents.length, 'document');
  const left = rulesLeftOut(policy, documents, context);
  writeStdout(
    `Checked ${what} against ${policy.file} (${plural(policy.rules.length, 'rule')}): ${broken === 0 ? (documents.length === 0 ? 'nothing to check.' : 'all keep the policy.') : `${documents.length - broken} keep it, ${broken} ${broken === 1 ? 'breaks' : 'break'} it.`}\n` +
      (left.length > 0 ? `Not checked here: ${left.join(', ')} (they need the Region, the account or the creation; give --region or --account, or see them enforced by create).\n` : ''),
  );
  return broken > 0 ? EXIT.usage : EXIT.ok;
}

/** Runs `policy ...`; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    writeStdout(USAGE);
    return EXIT.ok;
  }
  try {
    if (command !== 'check') {
      const what = command === undefined ? 'policy needs a command.' : `Unknown policy command ${JSON.stringify(command)}.${didYouMean(command, POLICY_COMMANDS)}`;
      throw usageError('policy', what, 'Run healthlake-wizard policy check [FILE...] (see healthlake-wizard policy --help).', command);
    }
    return await check(args);
  } catch (error) {
    return reportCommandError(error);
  }
}
