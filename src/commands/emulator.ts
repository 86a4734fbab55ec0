/**
 * `healthlake-wizard emulator`: runs the local HealthLake emulator until SIGINT/SIGTERM. Parsing is light; the
 * server is imported only once the flags are valid.
 */
import { EMULATOR_HELP, EmulatorUsageError, parseEmulatorArgs } from '../emulator/command-line.js';
import { EXIT } from '../options.js';
import { fitHelp } from '../request/help.js';
import { writeStdout } from '../stdout.js';

/** Runs the emulator; resolves with the exit code once it was stopped by a signal. */
export async function run(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseEmulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof EmulatorUsageError)) throw error;
    process.stderr.write(`healthlake-wizard emulator: ${error.message}\n`);
    return EXIT.usage;
  }
  if (command.help) {
    writeStdout(fitHelp(EMULATOR_HELP));
    return EXIT.ok;
  }
  const { options } = command;
  const { startEmulator, SANDBOX_CREDENTIALS, StateFileError, FixturesError } = await import('../emulator/index.js');
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof StateFileError || error instanceof FixturesError) {
      process.stderr.write(`healthlake-wizard emulator: ${error.message}\n  Fix: ${error.fix}\n`);
      return EXIT.config;
    }
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(`healthlake-wizard emulator: cannot listen on port ${options.port}: ${code === 'EADDRINUSE' ? 'it is in use' : 'permission denied'}.\n  Fix: pick another --port, or --port 0 for a free one.\n`);
      return EXIT.config;
    }
    throw error;
  }

  // Signal handlers first: whoever reads the listening line may stop the emulator at once.
  const running = emulator;
  const stopped = new Promise<number>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      void running.stop().then(() => resolve(EXIT.ok));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  for (const notice of emulator.notices) process.stderr.write(`healthlake-wizard emulator: warning: ${notice}\n`);

  // Only the sandbox pair is printed: it is public. A key pair given on the command line is never echoed.
  const sandbox = options.credentials === undefined;
  const keys = sandbox
    ? `AWS_ACCESS_KEY_ID=${SANDBOX_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${SANDBOX_CREDENTIALS.secretAccessKey}`
    : 'AWS_ACCESS_KEY_ID=<your key> AWS_SECRET_ACCESS_KEY=<your secret>';
  process.stdout.write(
    `listening on ${emulator.url}\n` +
      `use it: ${keys} AWS_REGION=${emulator.region} AWS_DEFAULT_REGION=${emulator.region} aws healthlake list-fhir-datastores --endpoint-url ${emulator.url}` +
      ` (or healthlake-wizard create --endpoint-url ${emulator.url})\n`,
  );
  return stopped;
}
