/**
 * `healthlake-wizard presets list|show|save|delete|rename|export|import`: manage saved answer profiles. `save`
 * takes `create`'s request flags; `export` prints a `--cli-input-json` document; `import` reads one (JSON or YAML).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { renderTable, toPlainData } from '../cli-output/render-output.js';
import { EXIT } from '../options.js';
import { globalOptionsHelp, parseCommandArgs } from './command-args.js';
import { HELP_FLAG, PRESET_COMMANDS, PRESET_FLAGS, presetArguments, presetSynopsis, type PresetCommand } from './preset-flags.js';
import { answersFromRequest, buildCreateRequest } from '../request/answers.js';
import { readCreateArgs } from '../request/argv.js';
import { OPTION_FLAGS } from '../request/create-flags.js';
import { errorsOnly, InputError, type FieldIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';
import { validateRequest } from '../request/validate.js';
import { checkPresetName, openStoreWithProject, PRESET_NAME_RULE, presetAnswers, requirePreset, type ProjectAwareStore } from '../store/index.js';
import { listAllPresets, type ListedPreset } from '../store/preset-catalogue.js';
import { ensureProjectFolder } from '../store/project-folder.js';
import { saveProjectPreset } from '../store/project-presets.js';
import { loadProjectPolicy } from '../store/project-policy.js';
import { policyIssues } from '../request/policy-check.js';
import { presetRequest, readImportedRequest, renderPresetExport } from '../store/preset-document.js';
import { reportCommandError, usageError } from '../store/command-report.js';
import { fitHelp } from '../request/help.js';
import { writeStdout } from '../stdout.js';

/** One row of the presets help: the command with its synopsis, then what it does (below it when the synopsis is long). */
function usageRow(name: PresetCommand): string {
  const synopsis = `${name} ${presetSynopsis(name)}`.trimEnd();
  const summary = PRESET_COMMANDS[name].summary;
  return synopsis.length <= 36 ? `  ${synopsis.padEnd(36)}  ${summary}` : `  ${synopsis}\n${' '.repeat(40)}${summary}`;
}

const USAGE = `Usage: healthlake-wizard presets <command>

${(Object.keys(PRESET_COMMANDS) as PresetCommand[]).map(usageRow).join('\n')}

Preset names: ${PRESET_NAME_RULE}.
Presets never keep a ClientToken: every run that starts from one gets a fresh token.
Project presets live in the .healthlake-wizard/ folder found from the working directory upward; one of the
same name as yours wins, and says so.
Every presets command takes -h, --help.

${globalOptionsHelp('presets')}`;

type Action = (args: string[], store: () => ProjectAwareStore) => number | Promise<number>;

const out = (text: string) => writeStdout(text);
const note = (text: string) => process.stderr.write(`${text}\n`);

/** `presets COMMAND --help`: the usage of every presets command, on stdout. */
class HelpRequested extends Error {}

function parse<C extends Exclude<PresetCommand, 'save'>>(args: string[], command: C) {
  const positionals = presetArguments(command);
  const parsed = parseCommandArgs(`presets ${command}`, args, { ...PRESET_FLAGS[command], ...HELP_FLAG }, true);
  if (parsed.values.help) throw new HelpRequested();
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.length === 0 ? 'no arguments' : positionals.join(' ');
    const got = parsed.positionals.length === 0 ? 'nothing' : parsed.positionals.map((p) => JSON.stringify(p)).join(' ');
    throw usageError(`presets ${command}`, `Expected ${expected}, got ${got}.`, `Usage: healthlake-wizard presets ${[command, ...positionals].join(' ')}`);
  }
  return parsed;
}

function outputFormat(value: string | undefined): 'table' | 'json' {
  if (value === undefined || value === 'table' || value === 'json') return value ?? 'table';
  throw usageError('--output', `--output must be table or json.${didYouMean(value, ['table', 'json'])}`, 'Use --output json or --output table.', value);
}

/** Where a preset comes from, in words, for `presets show` (whose `file` row names a project preset's file). */
function originWords(row: ListedPreset): string {
  if (row.origin === 'project') return `project${row.preset.hidesPersonal ? ', wins over your personal preset of this name' : ''}`;
  return row.hiddenBy ? `personal, hidden by the project preset ${row.hiddenBy}` : 'personal';
}

function describePreset(row: ListedPreset) {
  const { preset } = row;
  return {
    name: preset.name,
    origin: row.origin,
    ...(preset.file ? { file: preset.file } : {}),
    ...(row.hiddenBy ? { hiddenBy: row.hiddenBy } : {}),
    ...(preset.hidesPersonal ? { hidesPersonal: true } : {}),
    description: preset.description ?? '',
    clientTokenPolicy: preset.clientTokenPolicy,
    // A project preset's file holds no times (docs/presets.md): none is shown, rather than the checkout's.
    ...(preset.createdAt === undefined ? {} : { createdAt: preset.createdAt }),
    ...(preset.updatedAt === undefined ? {} : { updatedAt: preset.updatedAt }),
    request: presetRequest(preset),
  };
}

const list: Action = async (args, store) => {
  const { values } = parse(args, 'list');
  const format = outputFormat(values.output);
  const opened = store();
  const rows = listAllPresets(opened.personalPresets.list(), opened.projectPresets).map((row) => (row.origin === 'project' ? { ...row, preset: opened.presets.get(row.preset.name)! } : row));
  if (format === 'json') out(`${JSON.stringify(rows.map(describePreset), null, 4)}\n`);
  else if (rows.length === 0) note('No presets yet. Save one with: healthlake-wizard presets save NAME --datastore-type-version R4 (add --project to share it in .healthlake-wizard/)');
  else {
    // Narrow enough for 80 columns: the file and the times are in `presets show` and --output json.
    const table = rows.map((row) => ({ Name: row.preset.name, Origin: row.origin === 'project' ? 'project' : row.hiddenBy ? 'personal, hidden' : 'personal', Description: row.preset.description ?? '', DatastoreName: typeof row.preset.answers.DatastoreName === 'string' ? row.preset.answers.DatastoreName : '' }));
    out(await renderTable(toPlainData(table), 'Presets', undefined, false, true));
    for (const row of rows) if (row.hiddenBy) note(`note: the project preset ${row.hiddenBy} wins over your personal preset ${JSON.stringify(row.preset.name)}: --preset ${row.preset.name} and the start screen use the project's.`);
  }
  return EXIT.ok;
};

/** The preset a name stands for, as a listing row (a project preset wins). */
function rowFor(opened: ProjectAwareStore, name: string): ListedPreset {
  const preset = requirePreset(opened.presets, name);
  return { preset, origin: preset.origin === 'project' ? 'project' : 'personal' };
}

const show: Action = async (args, store) => {
  const { values, positionals } = parse(args, 'show');
  const format = outputFormat(values.output);
  const row = rowFor(store(), positionals[0]!);
  const described = describePreset(row);
  out(format === 'json' ? `${JSON.stringify(described, null, 4)}\n` : await renderTable(toPlainData({ ...described, origin: originWords(row) }), 'Preset', undefined, false, true));
  return EXIT.ok;
};

/** Refuses to change a project preset through the commands that change your own. */
function requirePersonal(opened: ProjectAwareStore, name: string, command: string): void {
  const preset = opened.presets.get(name);
  if (preset?.origin === 'project' && opened.personalPresets.get(name) === undefined) {
    throw usageError(`presets ${command}`, `${JSON.stringify(name)} is a project preset (${preset.file}), not one of yours.`, `Change it in the repository (edit, rename or git rm ${preset.file}), through your team's review.`, name);
  }
}

/** Takes `--description TEXT` (or `=TEXT`) out of argv, which otherwise goes to create's parser. */
function takeDescription(args: string[]): { description?: string; rest: string[] } {
  const rest: string[] = [];
  let description: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--description=')) description = arg.slice('--description='.length);
    else if (arg === '--description') {
      if (i + 1 >= args.length) throw usageError('--description', '--description needs a value.', 'Write --description "what this preset is for".');
      description = args[++i];
    } else rest.push(arg);
  }
  return { ...(description === undefined ? {} : { description }), rest };
}

const save: Action = async (args, store) => {
  const { description, rest: described } = takeDescription(args);
  if (described.includes('--help') || described.includes('-h')) throw new HelpRequested();
  const project = described.includes('--project');
  const rest = described.filter((arg) => arg !== '--project');
  const [name, ...flags] = rest;
  if (name === undefined || name.startsWith('--')) {
    throw usageError('presets save', 'presets save needs the preset name first.', 'Usage: healthlake-wizard presets save NAME [--description TEXT] [create flags]');
  }
  const nameProblem = checkPresetName(name);
  if (nameProblem) throw new InputError([nameProblem]);
  const { request, options } = await readCreateArgs(flags);
  for (const key of Object.keys(options)) {
    const flag = OPTION_FLAGS.find((option) => option.key === key)?.flag ?? key;
    note(`note: ${flag} is not part of a preset; ignored.`);
  }
  if (Object.hasOwn(request, 'ClientToken')) {
    note('note: --client-token is not kept: every run that starts from a preset gets a fresh token.');
    delete request.ClientToken;
  }
  const errors = errorsOnly(validateRequest(request));
  if (errors.length > 0) throw new InputError(errors);
  await holdToPolicy(request, name);
  if (project) return saveForProject(name, answersFromRequest(request), description);
  const existed = store().personalPresets.get(name) !== undefined;
  store().presets.save(name, answersFromRequest(request), description);
  out(`${existed ? 'Updated' : 'Saved'} preset ${name}.\n`);
  const opened = store();
  const winner = opened.projectPresets?.presets.find((preset) => preset.name === name);
  if (winner) note(`note: the project preset ${winner.file} has this name too, and wins: --preset ${name} and the start screen use the project's.`);
  return EXIT.ok;
};

/**
 * Refuses a preset that breaks the project's team policy, in the words `create` and `policy check` use (the
 * rules for the Region, the account and the expiry tag wait for the creation).
 */
async function holdToPolicy(request: object, name: string): Promise<void> {
  const { policy } = await loadProjectPolicy();
  if (!policy) return;
  const broken = policyIssues(policy, request, { stage: 'document', preset: name });
  if (broken.length > 0) throw new InputError(broken);
}

/** `presets save --project`: the request as `.healthlake-wizard/presets/NAME.json` (pretty, the model's key order). */
function saveForProject(name: string, answers: ReturnType<typeof answersFromRequest>, description: string | undefined): number {
  if (description !== undefined) note('note: --description is not kept in a project preset: the file is a --cli-input-json document, which holds the request alone. Say what it is for in its name or its commit message.');
  const kept = presetAnswers(answers);
  const { folder, created } = ensureProjectFolder();
  if (created) note(`note: no .healthlake-wizard/ folder was found from here upward; created ${folder.path}.`);
  const saved = saveProjectPreset(folder, name, kept);
  out(`${saved.replaced ? 'Updated' : 'Saved'} project preset ${name} in ${saved.file}.\n`);
  return EXIT.ok;
}

const remove: Action = (args, store) => {
  const { positionals } = parse(args, 'delete');
  const name = positionals[0]!;
  requirePersonal(store(), name, 'delete');
  // Gone is what was asked: a preset deleted by another process meanwhile is not an error.
  requirePreset(store().personalPresets, name);
  store().personalPresets.delete(name);
  out(`Deleted preset ${name}.\n`);
  const winner = store().projectPresets?.presets.find((preset) => preset.name === name);
  if (winner) note(`note: the project preset ${winner.file} of the same name stays; --preset ${name} now uses it alone.`);
  return EXIT.ok;
};

const rename: Action = (args, store) => {
  const { positionals } = parse(args, 'rename');
  requirePersonal(store(), positionals[0]!, 'rename');
  const renamed = store().presets.rename(positionals[0]!, positionals[1]!);
  out(`Renamed preset ${positionals[0]} to ${renamed.name}.\n`);
  return EXIT.ok;
};

const exportPreset: Action = (args, store) => {
  const { values, positionals } = parse(args, 'export');
  const preset = requirePreset(store().presets, positionals[0]!);
  const document = renderPresetExport(preset);
  if (values.file === undefined) out(document);
  else {
    writeFileSync(values.file, document);
    note(`Wrote preset ${preset.name} to ${values.file}. Use it with: --cli-input-json file://${values.file}`);
  }
  return EXIT.ok;
};

function readImportFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const issue: FieldIssue = { field: '', flag: 'FILE', rule: 'file', message: `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, fix: 'Check the path and that the file is readable.', value: path, severity: 'error' };
    throw new InputError([issue]);
  }
}

const importPreset: Action = async (args, store) => {
  const { values, positionals } = parse(args, 'import');
  const file = positionals[0]!;
  const name = values.name ?? basename(file, extname(file));
  const nameFlag = values.name === undefined ? 'preset name (from the file name)' : '--name';
  const nameProblem = checkPresetName(name, nameFlag);
  if (nameProblem) {
    if (values.name === undefined) nameProblem.fix = `Give a name with --name, e.g. --name ${JSON.stringify(nameProblem.fix.match(/"(.*)"/)?.[1] ?? 'imported')}.`;
    throw new InputError([nameProblem]);
  }
  const imported = readImportedRequest(readImportFile(file), file);
  if (!values.force && store().personalPresets.get(name)) {
    const fix = values.name === undefined ? 'Add --force to replace it, or give it another name with --name NAME.' : 'Add --force to replace it, or choose another name with --name.';
    throw new InputError([{ field: '', flag: nameFlag, rule: 'duplicate', message: `A preset named ${JSON.stringify(name)} exists already.`, fix, value: name, severity: 'error' }]);
  }
  await holdToPolicy(buildCreateRequest(imported.answers), name);
  if (imported.droppedClientToken) note('note: the ClientToken in the file is not kept: every run that starts from a preset gets a fresh token.');
  store().presets.save(name, imported.answers, values.description);
  out(`Imported ${file} as preset ${name}.\n`);
  return EXIT.ok;
};

const ACTIONS: Record<string, Action> = { list, show, save, delete: remove, rename, export: exportPreset, import: importPreset };

/** Runs `presets ...`; returns the exit code (252 bad input, 253 unusable store). */
export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(fitHelp(USAGE));
    return EXIT.ok;
  }
  const action = command === undefined ? undefined : Object.hasOwn(ACTIONS, command) ? ACTIONS[command] : undefined;
  if (!action) {
    const what = command === undefined ? 'presets needs a command.' : `Unknown presets command ${JSON.stringify(command)}.${didYouMean(command, Object.keys(ACTIONS))}`;
    process.stderr.write(`healthlake-wizard: ${what}\n\n${fitHelp(USAGE)}`);
    return EXIT.usage;
  }
  let store: ProjectAwareStore | undefined;
  const openOnce = () => {
    if (!store) {
      store = openStoreWithProject();
      for (const notice of store.notices()) note(`healthlake-wizard: ${notice}`);
    }
    return store;
  };
  try {
    return await action(args, openOnce);
  } catch (error) {
    if (!(error instanceof HelpRequested)) return reportCommandError(error);
    out(fitHelp(USAGE));
    return EXIT.ok;
  }
}
