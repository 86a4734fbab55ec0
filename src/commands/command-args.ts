/**
 * Flag parsing for the commands besides `create` (whose flags come from the spec): each declares its own flags
 * (`CommandFlags`: node:util parseArgs's shape plus help), and the AWS CLI global options it takes come from the one
 * table (request/global-flags.ts). Parsing, value checks, `--help`, the shell completion and the man page all
 * come from these declarations; errors are worded as `create`'s are (the flag, the rule, a "did you mean", the fix).
 */
import { parseArgs } from 'node:util';
import { EXIT, type GlobalOptions } from '../options.js';
import { applyOptionValue, COMMAND_GLOBALS, globalFlagsOf, notTakenIssue, takesValue, valueSyntax, type CommandName, type OptionFlag } from '../request/global-flags.js';
import { fitHelp } from '../request/help.js';
import { FLAG_SYNTAX, InputError, syntaxIssue, type FieldIssue } from '../request/issues.js';
import { writeStdout } from '../stdout.js';
import { reportCommandError } from '../store/command-report.js';

/** One flag of a command besides create: node:util parseArgs's shape, plus what `--help` and completion say of it. */
export interface CommandFlag {
  type: 'boolean' | 'string';
  /** A one-letter spelling (`-h`). */
  short?: string;
  /** One line about it. */
  help: string;
  /** How its value is shown in help, e.g. `<token>`. */
  valueName?: string;
  /** The words it takes, for help and completion (the command checks the value). */
  choices?: readonly string[];
  /** The GlobalOptions key it sets to true, for a boolean shared with the client side (`--sandbox`). */
  option?: 'sandbox';
}

/** A command's own flags, by name without the dashes. */
export type CommandFlags = Record<string, CommandFlag>;

/** The values parseArgs gives for a table of own flags. */
export type FlagValues<T extends CommandFlags> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/** The table name of a command (`presets show` takes the globals of `presets`). */
function tableOf(command: string): CommandName {
  const name = command.split(' ')[0]!;
  // A new command needs its row in the one table: which AWS CLI global options it takes (none is a row too).
  if (!Object.hasOwn(COMMAND_GLOBALS, name)) throw new Error(`${name} has no row in COMMAND_GLOBALS (request/global-flags.ts)`);
  return name as CommandName;
}

/** Every flag a command takes, own then global, as typed (`--wait`). */
export function flagsOf(command: string, own: CommandFlags): string[] {
  return [...Object.keys(own).map((name) => `--${name}`), ...globalFlagsOf(tableOf(command)).map((option) => option.flag)];
}

/**
 * Parses `args` for `command` (e.g. `status`, `presets show`): its own flags and its global options, whose values
 * are checked and read into GlobalOptions. Throws an InputError (exit 252) on bad syntax or a bad value.
 */
export function parseCommandArgs<T extends CommandFlags>(command: string, args: string[], own: T, allowPositionals: boolean): { values: FlagValues<T>; positionals: string[]; options: GlobalOptions } {
  const globals = globalFlagsOf(tableOf(command));
  const table = {
    ...Object.fromEntries(Object.entries(own).map(([name, flag]) => [name, { type: flag.type, ...(flag.short ? { short: flag.short } : {}) }])),
    ...Object.fromEntries(globals.map((option) => [option.flag.slice(2), { type: takesValue(option) ? 'string' : 'boolean' }] as const)),
  } as Record<string, { type: 'string' | 'boolean'; short?: string }>;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof table; allowPositionals: boolean; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: table, allowPositionals, strict: true });
  } catch (error) {
    throw new InputError([commandArgsIssue(command, error, flagsOf(command, own))]);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const options: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const option of globals) {
    const value = values[option.flag.slice(2)];
    if (value !== undefined) applyOptionValue(options, option, typeof value === 'string' ? value : undefined, issues);
  }
  for (const [name, flag] of Object.entries(own)) if (flag.option && values[name] === true) options[flag.option] = true;
  if (issues.length > 0) throw new InputError(issues);
  return { values: values as FlagValues<T>, positionals: parsed.positionals, options };
}

function commandArgsIssue(command: string, error: unknown, flags: string[]): FieldIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes what it stumbled on: '--bogus', '--output <value>', '-o, --output <value>', 'stray'.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const flag = /--?[^\s,<=]+(?=[^,]*$)/.exec(quoted)?.[0] ?? quoted;
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return notTakenIssue(flag, command, flags);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "does not take an argument" for a boolean given one; "argument missing" or "ambiguous" (a dash-led word
      // after it) for a flag without its value.
      return message.includes('does not take an argument') ? FLAG_SYNTAX.takesNoValue(flag) : FLAG_SYNTAX.needsValue(flag);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return syntaxIssue(command, 'takes no arguments.', `Remove it; run healthlake-wizard ${command} --help for what it takes.`, quoted);
    default:
      throw error;
  }
}

/** One help row: the flag with its value syntax, then what it does. */
function helpRow(syntax: string, help: string): string {
  const column = 30;
  // A long flag (`--output <json|yaml|...>`) has its help on the next line, under the others'.
  return syntax.length <= column ? `  ${syntax.padEnd(column)}  ${help}` : `  ${syntax}\n${' '.repeat(column + 4)}${help}`;
}

/** The flag as help shows it, with its short spelling and value (`-h, --help`, `--filter <filter>`). */
function ownSyntax(name: string, flag: CommandFlag): string {
  const value = flag.type === 'boolean' ? '' : valueSyntax({ kind: flag.choices ? 'choice' : 'string', ...(flag.choices ? { choices: flag.choices } : {}), valueName: flag.valueName ?? `<${name}>` });
  return `${flag.short ? `-${flag.short}, ` : ''}--${name}${value}`;
}

/** A global option as help shows it. */
export function globalSyntax(option: OptionFlag): string {
  return `${option.flag}${valueSyntax(option)}`;
}

/**
 * A command's `--help`, generated from its declarations: the usage line and what it does (`about`, prose), then its
 * own flags and the AWS CLI global options it takes, each with its help. Fitted to 80 columns.
 */
export function commandHelp(command: string, synopsis: string, about: string, own: CommandFlags): string {
  const lines = [
    `Usage: healthlake-wizard ${command} ${synopsis}`.trimEnd(),
    '',
    about.trimEnd(),
    '',
    'Options:',
    ...Object.entries(own).map(([name, flag]) => helpRow(ownSyntax(name, flag), flag.help)),
    '',
    globalOptionsHelp(command),
  ];
  return fitHelp(lines.join('\n'));
}

/** The help section of the AWS CLI global options a command takes (not fitted). */
export function globalOptionsHelp(command: string): string {
  const globals = globalFlagsOf(tableOf(command));
  const local = globals.every((option) => option.flag !== '--region');
  const title = local ? 'AWS CLI global options (accepted as the AWS CLI does; nothing here calls AWS):' : 'AWS CLI global options:';
  return `${[title, ...globals.map((option) => helpRow(globalSyntax(option), option.help))].join('\n')}\n`;
}

/**
 * The life of a command that parses, then acts: bad usage is reported with the usage text (exit 252), `help`
 * prints it (exit 0), anything else runs `act` (usually a lazy import of the code that talks to HealthLake).
 */
export async function runParsedCommand<T>(argv: string[], usageText: string, parse: (argv: string[]) => T | 'help', act: (parsed: T) => Promise<number>): Promise<number> {
  let parsed: T | 'help';
  try {
    parsed = parse(argv);
  } catch (error) {
    const code = reportCommandError(error);
    process.stderr.write(fitHelp(usageText));
    return code;
  }
  if (parsed === 'help') {
    writeStdout(fitHelp(usageText));
    return EXIT.ok;
  }
  return act(parsed);
}
