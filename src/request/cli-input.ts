/**
 * `--cli-input-json` and `--cli-input-yaml`: a whole request from JSON or YAML, inline or `file://`. As in the
 * AWS CLI, flags given too replace the file's top-level keys (no deep merge), and unknown keys are errors.
 */
import { PARAMETERS, parameterByName } from '../parameter-model/index.js';
import { InputError, type FieldIssue } from './issues.js';
import { loadYaml } from './load-yaml.js';
import { MAX_NESTING, nestingIssue } from './nesting.js';
import { readParamFile } from './param-files.js';
import { didYouMean } from './suggest.js';

/** Which of the two flags. */
export type CliInputFlag = '--cli-input-json' | '--cli-input-yaml';

/** Parses YAML text (the `yaml` package's `parse`, loaded only when `--cli-input-yaml` is given). */
export type YamlParser = (text: string, options: { prettyErrors: boolean; logLevel: 'error' }) => unknown;

/** Loads the YAML parser; kept out of the start-up path, which the JSON input never needs. */
export async function loadYamlParser(): Promise<YamlParser> {
  return (await loadYaml()).parse;
}

/**
 * The request the input holds, checked to be an object whose keys are all request parameters. `parseYaml` is
 * needed for `--cli-input-yaml` (see loadYamlParser).
 */
export function readCliInput(flag: CliInputFlag, value: string, parseYaml?: YamlParser): Record<string, unknown> {
  const text = readParamFile(value, flag, '') ?? value;
  const format = flag === '--cli-input-json' ? 'JSON' : 'YAML';
  const fail = (issues: FieldIssue[]): never => {
    throw new InputError(issues);
  };
  if (format === 'YAML' && !parseYaml) throw new Error('readCliInput: --cli-input-yaml needs the YAML parser (loadYamlParser)');
  let parsed: unknown;
  try {
    parsed = format === 'JSON' || !parseYaml ? JSON.parse(text) : parseYaml(text, { prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    // The YAML parser recurses per level, and reports running out of stack as a YAMLParseError with V8's
    // RangeError message: only input nested hundreds of levels deep gets there.
    if (/Maximum call stack size exceeded/.test((error as Error).message)) {
      return fail([{ field: '', flag, rule: 'nesting', message: `The input nests lists and objects far deeper than ${MAX_NESTING} levels, the most a parameter value may have.`, fix: `Check the brackets and indentation; --generate-cli-skeleton ${format === 'JSON' ? 'input' : 'yaml-input'} shows the shape.`, severity: 'error' }]);
    }
    const reason = (error as Error).message.split('\n')[0];
    return fail([{ field: '', flag, rule: 'syntax', message: `The input is not valid ${format} (${reason}).`, fix: `Fix the ${format}; --generate-cli-skeleton ${format === 'JSON' ? 'input' : 'yaml-input'} prints a template.`, severity: 'error' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail([{ field: '', flag, rule: 'type', message: `The input must be a ${format} object of request parameters.`, fix: `Start from --generate-cli-skeleton ${format === 'JSON' ? 'input' : 'yaml-input'}.`, value: parsed, severity: 'error' }]);
  }
  const names = PARAMETERS.map((parameter) => parameter.name);
  const unknown = Object.keys(parsed).filter((key) => !parameterByName(key));
  if (unknown.length > 0) {
    fail(unknown.map((key) => ({
      field: key,
      flag,
      rule: 'unknown' as const,
      message: `The input has a key ${JSON.stringify(key)} that is not a parameter of CreateFHIRDatastore.${didYouMean(key, names)}`,
      fix: `Remove it or rename it; the keys are: ${names.join(', ')}.`,
      severity: 'error' as const,
    })));
  }
  const tooDeep = Object.entries(parsed).flatMap(([key, value]) => nestingIssue(value, key, flag) ?? []);
  if (tooDeep.length > 0) fail(tooDeep);
  return parsed as Record<string, unknown>;
}
