/**
 * `create`'s command line, read like the AWS CLI reads `aws healthlake create-fhir-datastore`: every request
 * flag from the spec, the global options and our own (`create-flags.ts`). Node's `util.parseArgs` tokenizes;
 * on top of it, a list parameter (`--tags`) takes every following argument up to the next flag, as the AWS
 * CLI's nargs='+' does, and `--generate-cli-skeleton` takes an optional value.
 */
import { parseArgs } from 'node:util';
import type { CreateOptions } from '../options.js';
import { PARAMETERS, parameterByFlag, type TopLevelParameter } from '../parameter-model/index.js';
import { loadYamlParser, readCliInput, type YamlParser } from './cli-input.js';
import { OPTION_FLAGS, optionFlag, type OptionFlag } from './create-flags.js';
import { applyOptionValue, notTakenIssue, takesValue } from './global-flags.js';
import { FLAG_SYNTAX, InputError, syntaxIssue, type FieldIssue } from './issues.js';
import { parseParameterValue } from './parameter-value.js';

/** What the command line asks for. */
export interface ParsedCreateArgs {
  /** The partial request from cli-input and flags (flags replace whole top-level keys). */
  request: Record<string, unknown>;
  /** Top-level request keys given explicitly, by a flag or the cli-input. */
  given: string[];
  options: CreateOptions;
}

type Occurrence =
  | { type: 'parameter'; parameter: TopLevelParameter; args: string[]; inline: boolean }
  | { type: 'option'; option: OptionFlag; value: string | undefined; inline: boolean }
  | { type: 'unknown' };

const ALL_FLAGS = [...PARAMETERS.map((parameter) => parameter.flag), ...OPTION_FLAGS.map((option) => option.flag)];

function parseTokens(argv: readonly string[]) {
  const options = Object.fromEntries(
    ALL_FLAGS.map((flag) => {
      const option = optionFlag(flag);
      const type = option && !takesValue(option) ? 'boolean' : 'string';
      return [flag.slice(2), { type }] as const;
    }),
  );
  return parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

/** Walks the tokens into flag occurrences; collects usage problems instead of stopping at the first. */
function collect(argv: readonly string[], issues: FieldIssue[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  let open: Occurrence | undefined;
  for (const token of parseTokens(argv)) {
    if (token.kind === 'option-terminator') {
      issues.push(syntaxIssue('--', 'A bare "--" is not accepted here.', 'Remove it; quote values that start with a dash as --flag=VALUE.'));
      open = undefined;
      continue;
    }
    if (token.kind === 'positional') {
      // `healthlake-wizard help` and `create help`, as `aws ... help`: the help, not a stray word.
      if (token.index === 0 && token.value === 'help') {
        occurrences.push({ type: 'option', option: optionFlag('--help')!, value: undefined, inline: false });
        continue;
      }
      if (open?.type === 'unknown') continue; // the unknown flag's own value: already reported with the flag
      if (open?.type === 'parameter' && open.parameter.kind === 'list' && !open.inline) {
        open.args.push(token.value);
      } else if (open?.type === 'option' && open.option.kind === 'optional-choice' && open.value === undefined) {
        open.value = token.value;
        open = undefined;
      } else {
        issues.push(syntaxIssue('healthlake-wizard create', `Unexpected argument ${JSON.stringify(token.value)}.`, 'Every value follows its flag, e.g. --datastore-name NAME; quote values that hold spaces.', token.value));
        open = undefined;
      }
      continue;
    }
    open = undefined;
    // `-h` is the short spelling of `--help` that most commands take.
    const flag = token.rawName === '-h' ? '--help' : token.rawName;
    const parameter = parameterByFlag(flag);
    const option = optionFlag(flag);
    if (!parameter && !option) {
      issues.push(notTakenIssue(flag, 'create', ALL_FLAGS));
      open = { type: 'unknown' };
      continue;
    }
    const value = token.value;
    const needsValue = parameter !== undefined || takesValue(option!);
    if (needsValue && (value === undefined || (!token.inlineValue && value.startsWith('-') && value.length > 1))) {
      issues.push(FLAG_SYNTAX.needsValue(flag));
      // The dash-led word was a flag: tokenize again from there so it is not lost.
      if (value !== undefined && !token.inlineValue) occurrences.push(...collect(argv.slice(token.index + 1), issues));
      return occurrences;
    }
    if (!needsValue && option!.kind === 'boolean' && token.inlineValue) {
      issues.push(FLAG_SYNTAX.takesNoValue(flag, value));
      continue;
    }
    const occurrence: Occurrence = parameter
      ? { type: 'parameter', parameter, args: [value!], inline: token.inlineValue === true }
      : { type: 'option', option: option!, value, inline: token.inlineValue === true };
    occurrences.push(occurrence);
    open = occurrence;
  }
  return occurrences;
}

function applyOption(options: CreateOptions, cliInput: Map<string, string>, option: OptionFlag, value: string | undefined, issues: FieldIssue[]): void {
  if (option.key === 'cliInputJson' || option.key === 'cliInputYaml') cliInput.set(option.flag, value!);
  else applyOptionValue(options as Record<string, unknown>, option, value, issues);
}

/**
 * `parseCreateArgs`, with the YAML parser loaded first when `--cli-input-yaml` may be among the arguments. What
 * the commands call; rejects with InputError (exit 252).
 */
export async function readCreateArgs(argv: readonly string[]): Promise<ParsedCreateArgs> {
  const mayHoldYaml = argv.some((arg) => arg.startsWith('--cli-input-yaml'));
  return parseCreateArgs(argv, mayHoldYaml ? await loadYamlParser() : undefined);
}

/**
 * Parses `create`'s argv into a partial request, the keys given and the options. Throws InputError (exit 252).
 * `parseYaml` is needed for `--cli-input-yaml` (readCreateArgs loads it).
 */
export function parseCreateArgs(argv: readonly string[], parseYaml?: YamlParser): ParsedCreateArgs {
  const issues: FieldIssue[] = [];
  const occurrences = collect(argv, issues);
  const options: CreateOptions = {};
  const cliInput = new Map<string, string>();
  // As with argparse, a flag given twice keeps its last value.
  const parameterArgs = new Map<TopLevelParameter, string[]>();
  for (const occurrence of occurrences) {
    if (occurrence.type === 'parameter') parameterArgs.set(occurrence.parameter, occurrence.args);
    else if (occurrence.type === 'option') applyOption(options, cliInput, occurrence.option, occurrence.value, issues);
  }
  if (cliInput.size > 1) {
    issues.push(syntaxIssue('--cli-input-json', 'Only one of --cli-input-json and --cli-input-yaml may be given.', 'Keep one of them.'));
  }
  const request: Record<string, unknown> = {};
  const read = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (error instanceof InputError) issues.push(...error.issues);
      else throw error;
    }
  };
  if (cliInput.size === 1) {
    const [flag, value] = [...cliInput][0]!;
    read(() => Object.assign(request, readCliInput(flag as '--cli-input-json' | '--cli-input-yaml', value, parseYaml)));
  }
  for (const [parameter, args] of parameterArgs) {
    read(() => {
      request[parameter.name] = parseParameterValue(parameter, args);
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  const given = PARAMETERS.map((parameter) => parameter.name).filter((name) => Object.hasOwn(request, name));
  return { request, given, options };
}
