/**
 * Entry point: argv -> command. Each command lives in its own module under `src/commands/` and is imported only
 * when chosen, so that a command pays only for what it uses (the dry run never loads Ink or the AWS SDK).
 */
import { redactUrlsInText } from './redact-url.js';
import { EXIT } from './options.js';
import { setStartupHooks, type StartupHooks } from './startup-hooks.js';

type CommandModule = { run(argv: string[]): Promise<number> };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  create: () => import('./commands/create.js'),
  status: () => import('./commands/status/status.js'),
  list: () => import('./commands/list.js'),
  delete: () => import('./commands/delete.js'),
  cleanup: () => import('./commands/cleanup.js'),
  history: () => import('./commands/history.js'),
  presets: () => import('./commands/presets.js'),
  policy: () => import('./commands/policy.js'),
  emulator: () => import('./commands/emulator.js'),
  completion: () => import('./commands/completion.js'),
  man: () => import('./commands/man.js'),
};

/** Runs the command named by argv and sets the process exit code. */
export async function main(argv: string[], hooks: StartupHooks = {}): Promise<void> {
  setStartupHooks(hooks);
  // `healthlake-wizard help [COMMAND]`, as `aws help`: the command's help (create's without one).
  const [first, ...rest] = argv[0] === 'help' && argv.length <= 2 ? [argv[1] ?? 'create', '--help'] : argv;
  const named = first !== undefined && Object.hasOwn(COMMANDS, first);
  const load = named ? COMMANDS[first]! : COMMANDS.create!;
  const args = named ? rest : argv;
  try {
    const command = await load();
    process.exitCode = await command.run(args);
  } catch (error) {
    // A configuration problem found late (an invalid `output` in the profile): its message, fix and exit code.
    if (typeof error === 'object' && error !== null && 'friendly' in error) {
      const { formatFriendlyError, toFriendlyError } = await import('./aws/errors.js');
      const friendly = toFriendlyError(error);
      process.stderr.write(formatFriendlyError(friendly));
      process.exitCode = friendly.exitCode;
      return;
    }
    // Last resort: never a stack trace for the user (unless --debug).
    // An endpoint's password may be quoted in either.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(redactUrlsInText(`healthlake-wizard: ${message}\n`));
    if (argv.includes('--debug') && error instanceof Error && error.stack) process.stderr.write(redactUrlsInText(`${error.stack}\n`));
    process.exitCode = EXIT.other;
  }
}
