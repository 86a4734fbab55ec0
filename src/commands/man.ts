/** `healthlake-wizard man`: prints the manual page in roff; read it with `healthlake-wizard man | man -l -`. */
import { commandModel } from '../completion/command-model.js';
import { renderManPage } from '../completion/man-page.js';
import { EXIT } from '../options.js';
import { usageError, reportCommandError } from '../store/command-report.js';
import { writeStdout } from '../stdout.js';
import packageJson from '../../package.json' with { type: 'json' };

const USAGE = `Usage: healthlake-wizard man

  Prints the manual page (roff): every command with its flags and what they do.
    healthlake-wizard man | man -l -
`;

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    writeStdout(USAGE);
    return EXIT.ok;
  }
  if (argv.length > 0) return reportCommandError(usageError('man', 'man takes no arguments.', 'Run: healthlake-wizard man | man -l -', argv.join(' ')));
  writeStdout(renderManPage(commandModel(), packageJson.version));
  return EXIT.ok;
}
