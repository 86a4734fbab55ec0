/**
 * `healthlake-wizard presets list|show|save|delete|rename|export|import`: manage saved answer profiles. `save`
 * takes `create`'s request flags; `export` prints a `--cli-input-json` document; `import` reads one (JSON or YAML).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { renderTable, toPlainData } from '../aws/output.js';
import { EXIT } from '../options.js';
import { INERT_GLOBAL_OPTIONS, parseCommandArgs } from './command-args.js';
import { answersFromRequest } from '../request/answers.js';
import { readCreateArgs } from '../request/argv.js';
import { OPTION_FLAGS } from '../request/create-flags.js';
import { errorsOnly, InputError, type FieldIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';
import { validateRequest } from '../request/validate.js';
import { checkPresetName, openStore, PRESET_NAME_RULE, requirePreset, type LocalStore, type Preset } from '../store/index.js';
import { presetRequest, readImportedRequest, renderPresetExport } from '../store/preset-document.js';
import { reportCommandError, usageError } from '../store/command-report.js';
import { fitHelp } from '../request/help.js';
import { writeStdout } from '../stdout.js';

const USAGE = `Usage: healthlake-wizard presets <command>

  list [--output table|json]            the saved presets
  show NAME [--output table|json]       one preset: description, times and its request
  save NAME [--description TEXT] [create's request flags]
                                        save (or replace) a preset from flags, --cli-input-json or --cli-input-yaml
  delete NAME                           delete a preset
  rename OLD NEW                        rename a preset
  export NAME [--file PATH]             print (or write) the request as a --cli-input-json document,
                                        usable with "aws healthlake create-fhir-datastore" too
  import FILE [--name NAME] [--description TEXT] [--force]
                                        save a JSON or YAML request file as a preset (NAME: the file's name)

Preset names: ${PRESET_NAME_RULE}.
Presets never keep a ClientToken: every run that starts from one gets a fresh token.
`;

type Action = (args: string[], store: () => LocalStore) => number | Promise<number>;

const out = (text: string) => writeStdout(text);
const note = (text: string) => process.stderr.write(`${text}\n`);

/** `presets COMMAND --help`: the usage of every presets command, on stdout. */
class HelpRequested extends Error {}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T, positionals: string[], command: string) {
  const parsed = parseCommandArgs(`presets ${command}`, args, { ...options, ...INERT_GLOBAL_OPTIONS, help: { type: 'boolean', short: 'h' } }, true);
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
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

function describePreset(preset: Preset) {
  return { name: preset.name, description: preset.description ?? '', clientTokenPolicy: preset.clientTokenPolicy, createdAt: preset.createdAt, updatedAt: preset.updatedAt, request: presetRequest(preset) };
}

const list: Action = async (args, store) => {
  const { values } = parse(args, { output: { type: 'string' } }, [], 'list');
  const format = outputFormat(values.output);
  const presets = store().presets.list();
  if (format === 'json') out(`${JSON.stringify(presets.map(describePreset), null, 4)}\n`);
  else if (presets.length === 0) note('No presets yet. Save one with: healthlake-wizard presets save NAME --datastore-type-version R4');
  else {
    const rows = presets.map((preset) => ({ Name: preset.name, Description: preset.description ?? '', DatastoreName: typeof preset.answers.DatastoreName === 'string' ? preset.answers.DatastoreName : '', Updated: preset.updatedAt }));
    out(await renderTable(toPlainData(rows), 'Presets', undefined, false, true));
  }
  return EXIT.ok;
};

const show: Action = async (args, store) => {
  const { values, positionals } = parse(args, { output: { type: 'string' } }, ['NAME'], 'show');
  const format = outputFormat(values.output);
  const preset = requirePreset(store().presets, positionals[0]!);
  out(format === 'json' ? `${JSON.stringify(describePreset(preset), null, 4)}\n` : await renderTable(toPlainData(describePreset(preset)), 'Preset', undefined, false, true));
  return EXIT.ok;
};

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
  const { description, rest } = takeDescription(args);
  if (rest.includes('--help') || rest.includes('-h')) throw new HelpRequested();
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
  const existed = store().presets.get(name) !== undefined;
  store().presets.save(name, answersFromRequest(request), description);
  out(`${existed ? 'Updated' : 'Saved'} preset ${name}.\n`);
  return EXIT.ok;
};

const remove: Action = (args, store) => {
  const { positionals } = parse(args, {}, ['NAME'], 'delete');
  // Gone is what was asked: a preset deleted by another process meanwhile is not an error.
  requirePreset(store().presets, positionals[0]!);
  store().presets.delete(positionals[0]!);
  out(`Deleted preset ${positionals[0]}.\n`);
  return EXIT.ok;
};

const rename: Action = (args, store) => {
  const { positionals } = parse(args, {}, ['OLD', 'NEW'], 'rename');
  const renamed = store().presets.rename(positionals[0]!, positionals[1]!);
  out(`Renamed preset ${positionals[0]} to ${renamed.name}.\n`);
  return EXIT.ok;
};

const exportPreset: Action = (args, store) => {
  const { values, positionals } = parse(args, { file: { type: 'string' } }, ['NAME'], 'export');
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

const importPreset: Action = (args, store) => {
  const { values, positionals } = parse(args, { name: { type: 'string' }, description: { type: 'string' }, force: { type: 'boolean' } }, ['FILE'], 'import');
  const file = positionals[0]!;
  const name = values.name ?? basename(file, extname(file));
  const nameFlag = values.name === undefined ? 'preset name (from the file name)' : '--name';
  const nameProblem = checkPresetName(name, nameFlag);
  if (nameProblem) {
    if (values.name === undefined) nameProblem.fix = `Give a name with --name, e.g. --name ${JSON.stringify(nameProblem.fix.match(/"(.*)"/)?.[1] ?? 'imported')}.`;
    throw new InputError([nameProblem]);
  }
  const imported = readImportedRequest(readImportFile(file), file);
  if (!values.force && store().presets.get(name)) {
    const fix = values.name === undefined ? 'Add --force to replace it, or give it another name with --name NAME.' : 'Add --force to replace it, or choose another name with --name.';
    throw new InputError([{ field: '', flag: nameFlag, rule: 'duplicate', message: `A preset named ${JSON.stringify(name)} exists already.`, fix, value: name, severity: 'error' }]);
  }
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
  let store: LocalStore | undefined;
  const openOnce = () => {
    if (!store) {
      store = openStore();
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
