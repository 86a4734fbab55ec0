/**
 * Flag parsing for the commands besides `create` (whose flags come from the spec): node:util's parseArgs, with
 * its errors worded as `create`'s are (the flag, the rule, a "did you mean", the fix) instead of Node's.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FLAG_SYNTAX, InputError, syntaxIssue, type FieldIssue } from '../request/issues.js';
import { didYouMean } from '../request/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** AWS CLI global options every command accepts, though a local one (history, presets) has no use for them. */
export const INERT_GLOBAL_OPTIONS = { debug: { type: 'boolean' }, 'no-cli-pager': { type: 'boolean' }, 'no-paginate': { type: 'boolean' } } as const;

/** Parses `args` for `command` (e.g. `presets show`); throws an InputError (exit 252) on bad syntax. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new InputError([commandArgsIssue(command, error, Object.keys(options).map((name) => `--${name}`))]);
  }
}

function commandArgsIssue(command: string, error: unknown, flags: string[]): FieldIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes what it stumbled on: '--bogus', '--output <value>', '-o, --output <value>', 'stray'.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const flag = /--?[^\s,<=]+(?=[^,]*$)/.exec(quoted)?.[0] ?? quoted;
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return FLAG_SYNTAX.unknown(flag, command, didYouMean(flag, flags));
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
