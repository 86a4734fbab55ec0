/**
 * Every command of healthlake-wizard with its flags and the values each flag takes, read from the tables the
 * parsers use: the parameter spec and create's option table, and the flag tables of status, history and the
 * emulator. The shell completions and the man page are generated from it, so a flag added to a parser shows in
 * both (a test runs every flag of this model through the real command).
 */
import { FLAGS as DELETE_FLAGS } from '../commands/delete.js';
import { FLAGS as LIST_FLAGS } from '../commands/list.js';
import { FLAGS as STATUS_FLAGS } from '../commands/status.js';
import { FORMATS as HISTORY_FORMATS, HISTORY_FLAGS } from '../commands/history.js';
import { VALUE_FLAGS as EMULATOR_VALUE_FLAGS } from '../emulator/command-line.js';
import { OUTPUT_FORMATS, OPTION_FLAGS } from '../request/create-flags.js';
import { PARAMETERS } from '../spec/index.js';

/** What a flag's value is, for completing it. */
export type FlagValue =
  /** A boolean flag: no value. */
  | { kind: 'none' }
  /** One of these words. */
  | { kind: 'choice'; choices: readonly string[]; optional?: boolean }
  /** The name of a saved preset. */
  | { kind: 'preset' }
  /** A path. */
  | { kind: 'file' }
  /** Anything (text, a number, shorthand or JSON). */
  | { kind: 'text'; name: string };

/** One flag of a command. */
export interface FlagModel {
  flag: string;
  value: FlagValue;
  /** One line about it. */
  help: string;
}

/** One command (or a presets subcommand). */
export interface CommandModel {
  /** As typed after `healthlake-wizard`, e.g. `status` or `presets show`. */
  name: string;
  /** What it does, in a line. */
  summary: string;
  /** Its arguments, as a synopsis shows them, e.g. `[DATASTORE_ID]`. */
  synopsis: string;
  /** Whether its first argument is a preset's name (completed from the saved presets). */
  presetArgument?: boolean;
  flags: FlagModel[];
}

const BOOLEAN: FlagValue = { kind: 'none' };

/** create's flags: one per request parameter (enum values from the spec), then its option table. */
function createFlags(): FlagModel[] {
  const parameters: FlagModel[] = PARAMETERS.map((parameter) => ({
    flag: parameter.flag,
    value: parameter.kind === 'enum' ? { kind: 'choice', choices: parameter.values.map((v) => v.value) } : { kind: 'text', name: parameter.kind === 'structure' || parameter.kind === 'list' ? 'shorthand|json|file://path' : 'value' },
    help: parameter.help.short,
  }));
  const options: FlagModel[] = OPTION_FLAGS.map((option) => ({
    flag: option.flag,
    value:
      option.kind === 'boolean'
        ? BOOLEAN
        : option.kind === 'choice' || option.kind === 'optional-choice'
          ? { kind: 'choice', choices: option.choices!, ...(option.kind === 'optional-choice' ? { optional: true } : {}) }
          : option.key === 'preset' || option.key === 'savePreset'
            ? { kind: 'preset' }
            : option.key === 'caBundle'
              ? { kind: 'file' }
              : { kind: 'text', name: option.valueName?.replace(/[<>]/g, '') ?? 'value' },
    help: option.help,
  }));
  return [...parameters, ...options];
}

/** The help of a flag that create shares (the AWS CLI's global options, --wait...), else `fallback`. */
function sharedHelp(flag: string, fallback: string): string {
  return OPTION_FLAGS.find((option) => option.flag === flag)?.help ?? fallback;
}

/** Flags from a node:util parseArgs table; `choices` gives the words of those that take one. */
function parseArgsFlags(table: Record<string, { type: 'string' | 'boolean' }>, choices: Record<string, readonly string[]>, help: Record<string, string> = {}): FlagModel[] {
  return Object.entries(table).map(([name, { type }]) => {
    const flag = `--${name}`;
    const value: FlagValue =
      type === 'boolean' ? BOOLEAN : choices[name] ? { kind: 'choice', choices: choices[name]! } : name === 'ca-bundle' ? { kind: 'file' } : { kind: 'text', name: 'value' };
    return { flag, value, help: help[name] ?? sharedHelp(flag, '') };
  });
}

const INERT = { debug: { type: 'boolean' }, 'no-cli-pager': { type: 'boolean' }, help: { type: 'boolean' } } as const;
const presetCommand = (name: string, synopsis: string, summary: string, flags: FlagModel[], presetArgument = false): CommandModel => ({
  name: `presets ${name}`,
  synopsis,
  summary,
  flags: [...flags, ...parseArgsFlags(INERT, {})],
  ...(presetArgument ? { presetArgument } : {}),
});
const presetOutput: FlagModel = { flag: '--output', value: { kind: 'choice', choices: ['table', 'json'] }, help: 'Output format.' };

/** Every command, in the order the help lists them. */
export function commandModel(): CommandModel[] {
  return [
    { name: 'create', synopsis: '[parameters] [options]', summary: 'guided creation of a FHIR data store (the default command)', flags: createFlags() },
    {
      name: 'status',
      synopsis: '[DATASTORE_ID] [options]',
      summary: 'live status of a data store; without an id, a picker over the data stores and the history',
      flags: parseArgsFlags(STATUS_FLAGS, { output: OUTPUT_FORMATS, color: ['on', 'off', 'auto'] }, { wait: 'Wait until the data store is ACTIVE (or failed), printing each change.', 'no-interactive': 'Describe once (or wait with --wait) and print, with no status panel.', sandbox: 'Look in the built-in local emulator instead of AWS.' }),
    },
    {
      name: 'list',
      synopsis: '[--filter FILTER] [--max-results N] [--next-token TOKEN] [options]',
      summary: "the Region's data stores (ListFHIRDatastores), those created with this tool marked",
      flags: parseArgsFlags(LIST_FLAGS, { output: OUTPUT_FORMATS, color: ['on', 'off', 'auto'] }, { filter: 'Filter by DatastoreName, DatastoreStatus, CreatedBefore, CreatedAfter (shorthand, JSON or file://).', 'max-results': 'At most this many data stores (1-500).', 'next-token': 'The page after the one that gave this token.', sandbox: 'List the built-in local emulator instead of AWS.', help: 'Show the help.' }),
    },
    {
      name: 'delete',
      synopsis: 'DATASTORE_ID [--yes] [--no-wait] [options]',
      summary: 'delete a data store after a confirmation, then watch it to DELETED',
      flags: parseArgsFlags(DELETE_FLAGS, { output: OUTPUT_FORMATS, color: ['on', 'off', 'auto'] }, { yes: 'Delete without asking (required with --no-interactive or without a terminal).', wait: 'Follow the deletion to DELETED (the default).', 'no-wait': 'Stop once the deletion started.', 'no-interactive': 'Ask nothing (needs --yes).', sandbox: 'Delete in the built-in local emulator instead of AWS.', help: 'Show the help.' }),
    },
    {
      name: 'history',
      synopsis: '[options]',
      summary: 'the data stores created with this tool',
      flags: parseArgsFlags(HISTORY_FLAGS, { output: HISTORY_FORMATS }, { output: 'Output format.', 'sandbox-only': 'Only those created in the local sandbox.', 'no-sandbox': 'Only those created on AWS.', help: 'Show the help.' }),
    },
    presetCommand('list', '[--output table|json]', 'the saved presets', [presetOutput]),
    presetCommand('show', 'NAME [--output table|json]', 'one preset: description, times and its request', [presetOutput], true),
    presetCommand('save', "NAME [--description TEXT] [create's request flags]", 'save (or replace) a preset from flags, --cli-input-json or --cli-input-yaml', [
      { flag: '--description', value: { kind: 'text', name: 'text' }, help: 'What the preset is for.' },
      ...createFlags().filter((flag) => PARAMETERS.some((parameter) => parameter.flag === flag.flag) || ['--cli-input-json', '--cli-input-yaml'].includes(flag.flag)),
    ], true),
    presetCommand('delete', 'NAME', 'delete a preset', [], true),
    presetCommand('rename', 'OLD NEW', 'rename a preset', [], true),
    presetCommand('export', 'NAME [--file PATH]', 'print (or write) the request as a --cli-input-json document', [{ flag: '--file', value: { kind: 'file' }, help: 'Write the document to this file.' }], true),
    presetCommand('import', 'FILE [--name NAME] [--description TEXT] [--force]', 'save a JSON or YAML request file as a preset', [
      { flag: '--name', value: { kind: 'text', name: 'name' }, help: "The preset's name (default: the file's name)." },
      { flag: '--description', value: { kind: 'text', name: 'text' }, help: 'What the preset is for.' },
      { flag: '--force', value: BOOLEAN, help: 'Replace a preset of that name.' },
    ]),
    {
      name: 'emulator',
      synopsis: '[options]',
      summary: 'a local HealthLake emulator (no AWS account needed)',
      flags: [
        ...EMULATOR_VALUE_FLAGS.map((flag): FlagModel => ({ flag, value: flag === '--state' || flag === '--fixtures' ? { kind: 'file' } : { kind: 'text', name: 'value' }, help: '' })),
        { flag: '--no-verify-signatures', value: BOOLEAN, help: 'Accept unsigned or wrongly signed requests.' },
        { flag: '--help', value: BOOLEAN, help: 'Show the help.' },
      ],
    },
    {
      name: 'completion',
      synopsis: 'bash|zsh|fish',
      summary: 'print a shell completion script',
      flags: [],
    },
    { name: 'man', synopsis: '', summary: 'print this manual page (roff; read it with `healthlake-wizard man | man -l -`)', flags: [] },
  ];
}

/** The words after `healthlake-wizard` that name a command (`presets` takes a subcommand). */
export function topLevelCommands(model: CommandModel[]): string[] {
  return [...new Set(model.map((command) => command.name.split(' ')[0]!))];
}
