/**
 * `healthlake-wizard completion bash|zsh|fish`: prints a shell completion script (see src/completion/).
 * `healthlake-wizard completion presets` prints the presets' names (yours and the project's), one per line: the
 * scripts call it.
 */
import { commandModel } from '../completion/command-model.js';
import { renderCompletion, SHELLS, type Shell } from '../completion/shell-completion.js';
import { EXIT } from '../options.js';
import { usageError, reportCommandError } from '../store/command-report.js';
import { nearest } from '../request/suggest.js';
import { writeStdout } from '../stdout.js';

const USAGE = `Usage: healthlake-wizard completion bash|zsh|fish

  Prints a completion script for the shell: commands, flags, the values a flag
  takes and preset names.
    bash, in ~/.bashrc:
      source <(healthlake-wizard completion bash)
    zsh, in ~/.zshrc after compinit:
      source <(healthlake-wizard completion zsh)
    fish:
      healthlake-wizard completion fish \\
        > ~/.config/fish/completions/healthlake-wizard.fish
`;

export async function run(argv: string[]): Promise<number> {
  const [shell, ...rest] = argv;
  if (shell === '--help' || shell === '-h') {
    writeStdout(USAGE);
    return EXIT.ok;
  }
  try {
    if (shell === 'presets' && rest.length === 0) {
      const { openStoreWithProject } = await import('../store/index.js');
      writeStdout(openStoreWithProject().presets.list().map((preset) => `${preset.name}\n`).join(''));
      return EXIT.ok;
    }
    if (shell === undefined || !(SHELLS as readonly string[]).includes(shell) || rest.length > 0) {
      const meant = shell === undefined ? undefined : nearest(shell, SHELLS);
      const fix = meant && meant !== shell ? `Did you mean ${meant}? Run: healthlake-wizard completion ${meant}` : `Run for example: healthlake-wizard completion ${meant ?? 'bash'}`;
      throw usageError('completion', 'completion takes one shell: bash, zsh or fish.', fix, shell === undefined ? undefined : [shell, ...rest].join(' '));
    }
    writeStdout(renderCompletion(shell as Shell, commandModel()));
    return EXIT.ok;
  } catch (error) {
    return reportCommandError(error);
  }
}
