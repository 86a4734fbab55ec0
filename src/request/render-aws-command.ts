/**
 * The request as an `aws healthlake create-fhir-datastore` command line to copy and paste: one flag per line
 * with the shell's continuation character, each value quoted for that shell. Structures and lists are written
 * as compact JSON (exact, and the AWS CLI reads JSON wherever a value starts with `{` or `[`). A text value the
 * AWS CLI would read as a file reference (`file://...`) goes into `--cli-input-json`, which it never treats so.
 *
 * Shells: bash/zsh (single quotes); PowerShell 7.3+ (single quotes; its native argument passing keeps embedded
 * double quotes, which Windows PowerShell 5.1 does not); cmd.exe (double quotes with `\"` inside, as the
 * Windows argument rules read them, `^` before cmd's special characters wherever cmd sees them unquoted, and a
 * `%` in JSON written `\u0025`, as cmd would expand it).
 */
import type { GlobalOptions } from '../options.js';
import { OPERATION, parameterByName } from '../parameter-model/index.js';
import { orderRequest } from './request-order.js';
import type { CreateRequest } from './types.js';

/** A shell to quote for. */
export type Shell = 'bash' | 'powershell' | 'cmd';

/** The global options worth repeating in the command. */
export type AwsCommandOptions = Pick<GlobalOptions, 'region' | 'profile' | 'endpointUrl'>;

const CONTINUATION: Record<Shell, string> = { bash: ' \\', powershell: ' `', cmd: ' ^' };
const PARAM_FILE_PREFIXES = ['file://', 'fileb://'];

function quoteBash(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function quotePowerShell(word: string): string {
  if (/^[A-Za-z0-9_./:=-]+$/.test(word) && !word.startsWith('-')) return word;
  // PowerShell also ends single-quoted strings at the typographic single quotes; doubling escapes each one.
  return `'${word.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** Windows argument rules (CommandLineToArgvW): `"` inside is `\"`, and backslashes before a quote double. */
function quoteWindowsArgument(word: string): string {
  if (/^[A-Za-z0-9_./:=@+-]+$/.test(word)) return word;
  const escaped = word.replace(/(\\*)"/g, (_all, slashes: string) => `${slashes}${slashes}\\"`).replace(/(\\+)$/, '$1$1');
  return `"${escaped}"`;
}

/**
 * cmd.exe reads `^ & | < > ( )` as operators where its own quote state (toggled by every `"`) is off, and
 * expands `%...%` everywhere, quoted or not (in a batch file a lone `%1` too), with no escape that works both at
 * the prompt and in a .cmd file. A `%` can only be inside a string of a JSON value (SMART metadata, a file name
 * in --cli-input-json), where JSON's own `\u0025` says the same to the AWS CLI: the command holds no `%`.
 */
function quoteCmd(word: string): string {
  const argument = quoteWindowsArgument(/^[[{]/.test(word) ? word.replaceAll('%', '\\u0025') : word);
  let quoted = false;
  let out = '';
  for (const char of argument) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && '^&|<>()'.includes(char)) out += '^';
    out += char;
  }
  return out;
}

const QUOTE: Record<Shell, (word: string) => string> = { bash: quoteBash, powershell: quotePowerShell, cmd: quoteCmd };

/**
 * The command as argument words (without `aws`), before quoting: what the AWS CLI should receive. For cmd, a
 * text value with a `%` (a data store name may have one) also goes into --cli-input-json, where it can be
 * written without one (see quoteCmd).
 */
export function awsCommandArguments(request: CreateRequest | Record<string, unknown>, options: AwsCommandOptions = {}, shell?: Shell): string[][] {
  const ordered = orderRequest(request);
  const lines: string[][] = [];
  const viaCliInput: Record<string, unknown> = {};
  const inJson = (text: string) => PARAM_FILE_PREFIXES.some((prefix) => text.startsWith(prefix)) || (shell === 'cmd' && text.includes('%'));
  for (const [key, value] of Object.entries(ordered)) {
    const parameter = parameterByName(key);
    if (!parameter || (typeof value === 'string' && inJson(value))) {
      viaCliInput[key] = value;
      continue;
    }
    if (typeof value === 'string') {
      // argparse would take a value starting with '-' for a flag; the --flag=value form is unambiguous.
      lines.push(value.startsWith('-') ? [`${parameter.flag}=${value}`] : [parameter.flag, value]);
    } else {
      lines.push([parameter.flag, JSON.stringify(value)]);
    }
  }
  if (Object.keys(viaCliInput).length > 0) lines.push(['--cli-input-json', JSON.stringify(viaCliInput)]);
  if (options.region) lines.push(['--region', options.region]);
  if (options.profile) lines.push(['--profile', options.profile]);
  if (options.endpointUrl) lines.push(['--endpoint-url', options.endpointUrl]);
  return lines;
}

/** The copy-paste-runnable command for a shell, one flag per line. */
export function renderAwsCommand(request: CreateRequest | Record<string, unknown>, shell: Shell, options: AwsCommandOptions = {}): string {
  const quote = QUOTE[shell];
  const head = `aws ${OPERATION.service} ${OPERATION.command}`;
  // Flags are plain words in every shell; only values (and --flag=value words) need quoting.
  const shown = (word: string, index: number) => (index === 0 && /^--[a-z-]+$/.test(word) ? word : quote(word));
  const lines = [head, ...awsCommandArguments(request, options, shell).map((words) => `  ${words.map(shown).join(' ')}`)];
  return `${lines.join(`${CONTINUATION[shell]}\n`)}\n`;
}
