/** The flags of the presets commands, apart from their code so the shell completion reads them without loading it. */
import type { CommandFlags } from './command-args.js';

const OUTPUT_FLAG = { output: { type: 'string', choices: ['table', 'json'], help: 'Output format (default table).' } } as const satisfies CommandFlags;
const DESCRIPTION_FLAG = { description: { type: 'string', valueName: '<text>', help: 'What the preset is for.' } } as const satisfies CommandFlags;

/**
 * The own flags of each presets command (read by its parser, the shell completion and man page; `save` takes
 * create's request flags too); `-h, --help` and the AWS CLI global options of COMMAND_GLOBALS come with every one.
 */
export const PRESET_FLAGS = {
  list: OUTPUT_FLAG,
  show: OUTPUT_FLAG,
  save: {
    ...DESCRIPTION_FLAG,
    project: { type: 'boolean', help: 'Save it for the team, as .healthlake-wizard/presets/NAME.json (the folder found from here upward).' },
  },
  delete: {},
  rename: {},
  export: { file: { type: 'string', valueName: '<path>', help: 'Write the document to this file.' } },
  import: {
    name: { type: 'string', valueName: '<name>', help: "The preset's name (default: the file's name)." },
    ...DESCRIPTION_FLAG,
    force: { type: 'boolean', help: 'Replace a preset of that name.' },
  },
} as const satisfies Record<string, CommandFlags>;

/** The `--help` flag every presets command takes. */
export const HELP_FLAG = { help: { type: 'boolean', short: 'h', help: 'Show this help.' } } as const satisfies CommandFlags;

/** A presets command's name. */
export type PresetCommand = keyof typeof PRESET_FLAGS;

/** What each presets command takes besides its flags and what it does: its help line and the command model read it. */
export const PRESET_COMMANDS: Record<PresetCommand, { arguments: string; presetArgument: boolean; fileArgument?: boolean; extra?: string; summary: string }> = {
  list: { arguments: '', presetArgument: false, summary: "your presets and the project's (.healthlake-wizard/presets/), with their origin" },
  show: { arguments: 'NAME', presetArgument: true, summary: 'one preset: origin, description, times and its request' },
  save: { arguments: 'NAME', presetArgument: true, extra: "[create's request flags]", summary: 'save (or replace) a preset from flags, --cli-input-json or --cli-input-yaml; --project: for the team, in .healthlake-wizard/presets/' },
  delete: { arguments: 'NAME', presetArgument: true, summary: 'delete one of your presets' },
  rename: { arguments: 'OLD NEW', presetArgument: true, summary: 'rename one of your presets' },
  export: { arguments: 'NAME', presetArgument: true, summary: 'print (or write) the request as a --cli-input-json document, usable with "aws healthlake create-fhir-datastore" too' },
  import: { arguments: 'FILE', presetArgument: false, fileArgument: true, summary: "save a JSON or YAML request file as a preset (NAME: the file's name)" },
};

/** A presets command's synopsis, from its arguments and flags: `NAME [--output table|json]`. */
export function presetSynopsis(name: PresetCommand): string {
  const { arguments: args, extra } = PRESET_COMMANDS[name];
  const flags = Object.entries(PRESET_FLAGS[name] as CommandFlags).map(([flag, declared]) => {
    const value = declared.type === 'boolean' ? '' : ` ${declared.choices ? declared.choices.join('|') : (declared.valueName ?? '<value>').replace(/[<>]/g, '').toUpperCase()}`;
    return `[--${flag}${value}]`;
  });
  return [args, ...flags, extra ?? ''].filter(Boolean).join(' ');
}

/** The positional arguments a presets command expects, by name (`OLD`, `NEW`). */
export function presetArguments(name: PresetCommand): string[] {
  return PRESET_COMMANDS[name].arguments.split(' ').filter(Boolean);
}
