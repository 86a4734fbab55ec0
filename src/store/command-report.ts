/** How the store's commands (`presets`, `history`) turn failures into messages and exit codes. */
import { EXIT } from '../options.js';
import { formatIssue, InputError, syntaxIssue } from '../request/issues.js';
import { CONFIG_DIR_ENV } from './location.js';
import { formatStoreError, StoreError } from './store-error.js';

// File-system failures that mean "your config location is unusable" (253), not a bug (255).
const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EISDIR', 'EDQUOT']);

/** Bad command-line usage as an InputError (exit 252). */
export function usageError(flag: string, message: string, fix: string, value?: unknown): InputError {
  return new InputError([syntaxIssue(flag, message, fix, value)]);
}

/** Prints a failure on stderr and returns its exit code; anything unexpected is rethrown for the CLI's last resort. */
export function reportCommandError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof InputError) {
    for (const issue of error.issues) stderr.write(`healthlake-wizard: ${formatIssue(issue)}\n`);
    return EXIT.usage;
  }
  if (error instanceof StoreError) {
    stderr.write(`healthlake-wizard: ${formatStoreError(error)}\n`);
    return EXIT.config;
  }
  // A team policy that cannot be used (request/policy-file.ts's PolicyFileError, not imported here: it loads Ajv).
  if (error instanceof Error && error.name === 'PolicyFileError' && typeof (error as { fix?: unknown }).fix === 'string') {
    stderr.write(`healthlake-wizard: ${error.message}\n  Fix: ${(error as Error & { fix: string }).fix}\n`);
    return EXIT.config;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FILE_SYSTEM_CODES.has(code)) {
    stderr.write(`healthlake-wizard: the local store cannot be used (${(error as Error).message}).\n  Fix: check the permissions and free space of the config directory, or set ${CONFIG_DIR_ENV} to a writable directory.\n`);
    return EXIT.config;
  }
  throw error;
}
