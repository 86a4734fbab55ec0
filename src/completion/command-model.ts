/**
 * Every command of healthlake-wizard with its flags and the values each flag takes, read from the tables the
 * parsers use: the parameter spec and create's option table, the own flag tables of the other commands with
 * the AWS CLI global options each takes (request/global-flags.ts), and the emulator's. The shell completions and the man page are generated from it, so a flag added to a parser shows in
 * both (a test runs every flag of this model through the real command).
 */
import type { CommandFlags } from '../commands/command-args.js';
import { FLAGS as CLEANUP_FLAGS } from '../commands/cleanup.js';
import { FLAGS as DELETE_FLAGS } from '../commands/delete.js';
import { FLAGS as LIST_FLAGS } from '../commands/list.js';
import { FLAGS as STATUS_FLAGS } from '../commands/status/status.js';
import { HISTORY_FLAGS } from '../commands/history.js';
import { HELP_FLAG, PRESET_COMMANDS, PRESET_FLAGS, presetSynopsis, type PresetCommand } from '../commands/preset-flags.js';
import { POLICY_CHECK_FLAGS } from '../commands/policy.js';
import { EMULATOR_FLAGS } from '../emulator/command-line.js';
import { commandSummary } from '../request/command-list.js';
import { OPTION_FLAGS } from '../request/create-flags.js';
import { globalFlagsOf, type CommandName, type OptionFlag } from '../request/global-flags.js';
import { PARAMETERS } from '../parameter-model/index.js';

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
  /** Whether its arguments are files. */
  fileArgument?: boolean;
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
  const options: FlagModel[] = OPTION_FLAGS.map(optionModel);
  return [...parameters, ...options];
}

/** A flag of an option table (create's own and every global option) as the model shows it. */
function optionModel(option: OptionFlag): FlagModel {
  const value: FlagValue =
    option.kind === 'boolean'
      ? BOOLEAN
      : option.kind === 'choice' || option.kind === 'optional-choice'
        ? { kind: 'choice', choices: option.choices!, ...(option.kind === 'optional-choice' ? { optional: true } : {}) }
        : option.key === 'preset' || option.key === 'savePreset'
          ? { kind: 'preset' }
          : option.key === 'caBundle'
            ? { kind: 'file' }
            : { kind: 'text', name: option.valueName?.replace(/[<>]/g, '') ?? 'value' };
  return { flag: option.flag, value, help: option.help };
}

/** A command's own flags, then the AWS CLI global options the one table gives it. */
function commandFlags(command: CommandName, own: CommandFlags): FlagModel[] {
  const mine = Object.entries(own).map(([name, flag]): FlagModel => {
    const value: FlagValue =
      flag.type === 'boolean'
        ? BOOLEAN
        : flag.choices
          ? { kind: 'choice', choices: flag.choices }
          : flag.valueName === '<path>'
            ? { kind: 'file' }
            : { kind: 'text', name: flag.valueName?.replace(/[<>]/g, '') ?? 'value' };
    return { flag: `--${name}`, value, help: flag.help };
  });
  return [...mine, ...globalFlagsOf(command).map(optionModel)];
}

const presetCommand = (name: PresetCommand, extra: FlagModel[] = []): CommandModel => ({
  name: `presets ${name}`,
  synopsis: presetSynopsis(name),
  summary: PRESET_COMMANDS[name].summary,
  flags: [...commandFlags('presets', { ...PRESET_FLAGS[name], ...HELP_FLAG }), ...extra],
  ...(PRESET_COMMANDS[name].presetArgument ? { presetArgument: true } : {}),
  ...(PRESET_COMMANDS[name].fileArgument ? { fileArgument: true } : {}),
});

/** Every command, in the order the help lists them. */
export function commandModel(): CommandModel[] {
  return [
    { name: 'create', synopsis: '[parameters] [options]', summary: commandSummary('create'), flags: createFlags() },
    {
      name: 'status',
      synopsis: '[DATASTORE_ID] [options]',
      summary: commandSummary('status'),
      flags: commandFlags('status', STATUS_FLAGS),
    },
    {
      name: 'list',
      synopsis: '[--filter FILTER] [--max-results N] [--next-token TOKEN] [options]',
      summary: commandSummary('list'),
      flags: commandFlags('list', LIST_FLAGS),
    },
    {
      name: 'delete',
      synopsis: 'DATASTORE_ID [--yes] [--no-wait] [options]',
      summary: commandSummary('delete'),
      flags: commandFlags('delete', DELETE_FLAGS),
    },
    {
      name: 'cleanup',
      synopsis: '[--yes] [--dry-run] [options]',
      summary: commandSummary('cleanup'),
      flags: commandFlags('cleanup', CLEANUP_FLAGS),
    },
    {
      name: 'history',
      synopsis: '[options]',
      summary: commandSummary('history'),
      flags: commandFlags('history', HISTORY_FLAGS),
    },
    ...(Object.keys(PRESET_COMMANDS) as PresetCommand[]).map((name) =>
      presetCommand(name, name === 'save' ? createFlags().filter((flag) => PARAMETERS.some((parameter) => parameter.flag === flag.flag) || ['--cli-input-json', '--cli-input-yaml'].includes(flag.flag)) : []),
    ),
    {
      name: 'policy check',
      synopsis: '[FILE...] [--preset NAME] [--region REGION] [--account ID]',
      summary: commandSummary('policy check'),
      fileArgument: true,
      flags: commandFlags('policy', POLICY_CHECK_FLAGS).map((flag) => (flag.flag === '--preset' ? { ...flag, value: { kind: 'preset' } } : flag)),
    },
    {
      name: 'emulator',
      synopsis: '[options]',
      summary: commandSummary('emulator'),
      flags: [
        ...EMULATOR_FLAGS.map(
          (option: { flag: string; value?: string; file?: boolean; help: string }): FlagModel => ({
            flag: option.flag,
            value: option.value === undefined ? BOOLEAN : option.file ? { kind: 'file' } : { kind: 'text', name: option.value },
            help: `${option.help.charAt(0).toUpperCase()}${option.help.slice(1)}.`,
          }),
        ),
      ],
    },
    {
      name: 'completion',
      synopsis: 'bash|zsh|fish',
      summary: commandSummary('completion'),
      flags: [],
    },
    { name: 'man', synopsis: '', summary: commandSummary('man'), flags: [] },
  ];
}

/** The commands that take a subcommand (`presets`, `policy`), with their subcommands. */
export function commandGroups(model: CommandModel[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const command of model) {
    const [group, subcommand] = command.name.split(' ');
    if (subcommand) groups.set(group!, [...(groups.get(group!) ?? []), subcommand]);
  }
  return groups;
}

/** The words after `healthlake-wizard` that name a command (`presets` and `policy` take a subcommand). */
export function topLevelCommands(model: CommandModel[]): string[] {
  return [...new Set(model.map((command) => command.name.split(' ')[0]!))];
}
