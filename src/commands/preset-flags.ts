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
  save: DESCRIPTION_FLAG,
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
