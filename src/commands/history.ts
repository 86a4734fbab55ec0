/**
 * `healthlake-wizard history`: the data stores created with this tool, newest first (id, name, region, status,
 * sandbox or AWS, created time), as a table, text or JSON.
 */
import { renderOutput } from '../cli-output/render-output.js';
import { EXIT } from '../options.js';
import { commandHelp, parseCommandArgs, type CommandFlags } from './command-args.js';
import { didYouMean } from '../request/suggest.js';
import { reportCommandError, usageError } from '../store/command-report.js';
import { openStore, type HistoryEntry } from '../store/index.js';
import { fitHelp } from '../request/help.js';
import { writeStdout } from '../stdout.js';

/** Values of `history --output`. */
export const FORMATS = ['table', 'json', 'text'] as const;

/** The own flags of `history` (read by the parser, its help, the shell completion and man page); its AWS CLI global options come from COMMAND_GLOBALS. */
export const HISTORY_FLAGS = {
  output: { type: 'string', choices: FORMATS, help: 'Output format (default table).' },
  'sandbox-only': { type: 'boolean', help: 'Only those created in the local sandbox.' },
  'no-sandbox': { type: 'boolean', help: 'Only those created on AWS.' },
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
} as const satisfies CommandFlags;

const USAGE = commandHelp(
  'history',
  '[--output table|json|text] [--sandbox-only | --no-sandbox]',
  'Lists the data stores created with healthlake-wizard, newest first, with the last status seen.',
  HISTORY_FLAGS,
);
type Format = (typeof FORMATS)[number];

interface HistoryArgs {
  format: Format;
  sandbox?: boolean;
  help: boolean;
}

function parseHistoryArgs(argv: string[]): HistoryArgs {
  const parsed = parseCommandArgs(
    'history',
    argv,
    HISTORY_FLAGS,
    false,
  );
  const { values } = parsed;
  const output = values.output ?? 'table';
  if (!(FORMATS as readonly string[]).includes(output)) {
    throw usageError('--output', `--output must be one of ${FORMATS.join(', ')}.${didYouMean(output, FORMATS)}`, 'Use --output table, --output json or --output text.', output);
  }
  if (values['sandbox-only'] && values['no-sandbox']) {
    throw usageError('--sandbox-only', '--sandbox-only and --no-sandbox exclude each other.', 'Keep one of them.');
  }
  const sandbox = values['sandbox-only'] ? true : values['no-sandbox'] ? false : undefined;
  return { format: output as Format, ...(sandbox === undefined ? {} : { sandbox }), help: values.help === true };
}

/** One entry as a table or text row: the columns a person looks for. */
function row(entry: HistoryEntry) {
  return {
    DatastoreId: entry.datastoreId,
    Name: entry.datastoreName ?? '',
    Region: entry.region,
    Status: entry.lastStatus,
    Sandbox: entry.sandbox,
    Created: entry.createdAt,
  };
}

/** Runs `history`; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    const args = parseHistoryArgs(argv);
    if (args.help) {
      writeStdout(fitHelp(USAGE));
      return EXIT.ok;
    }
    const store = openStore();
    for (const notice of store.notices()) process.stderr.write(`healthlake-wizard: ${notice}\n`);
    const entries = store.history.list().filter((entry) => args.sandbox === undefined || entry.sandbox === args.sandbox);
    if (args.format === 'json') {
      writeStdout(`${JSON.stringify(entries, null, 4)}\n`);
    } else if (entries.length > 0) {
      writeStdout(await renderOutput(entries.map(row), { output: args.format, operation: 'History', fit: true }));
    }
    if (entries.length === 0) {
      const which = args.sandbox === true ? ' in the sandbox' : args.sandbox === false ? ' on AWS' : '';
      process.stderr.write(`No data stores yet${which}. Create one with: healthlake-wizard create${args.sandbox ? ' --sandbox' : ''}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportCommandError(error);
  }
}
