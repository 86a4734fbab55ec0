/**
 * A preset as a file others can use: the request body alone, a valid `--cli-input-json` for this tool and for
 * `aws healthlake create-fhir-datastore` (both reject unknown keys, so the description and timestamps stay out),
 * and the reverse: a JSON or YAML request file read back into answers, checked like any input.
 */
import { parse as parseYaml } from 'yaml';
import { answersFromRequest, buildCreateRequest, type Answers } from '../request/answers.js';
import { errorsOnly, InputError, type FieldIssue } from '../request/issues.js';
import { orderRequest } from '../request/request-order.js';
import type { CreateRequest } from '../request/types.js';
import { validateRequest } from '../request/validate.js';
import { isRecord } from './entry-shapes.js';
import type { Preset } from './types.js';

/** The request a preset stands for, without a ClientToken (a fresh one is made for every run). */
export function presetRequest(preset: Pick<Preset, 'answers'>): CreateRequest {
  const request = buildCreateRequest(preset.answers);
  delete request.ClientToken;
  return request;
}

/**
 * The export document: the request as indented JSON, as `--generate-cli-skeleton` prints it, its keys in the
 * service model's order at every level (so a project preset saved again changes only the lines that changed).
 */
export function renderPresetExport(preset: Pick<Preset, 'answers'>): string {
  return `${JSON.stringify(orderRequest(presetRequest(preset)), null, 4)}\n`;
}

/** What an import file held. */
export interface ImportedRequest {
  answers: Answers;
  /** The file had a ClientToken; it was left out (presets never keep one). */
  droppedClientToken: boolean;
}

function fileIssue(source: string, rule: FieldIssue['rule'], message: string, fix: string): FieldIssue {
  return { field: '', flag: source, rule, message, fix, severity: 'error' };
}

function parseDocument(text: string, source: string): unknown {
  const yamlByName = /\.ya?ml$/i.test(source);
  const jsonByName = /\.json$/i.test(source);
  if (!yamlByName) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (jsonByName) {
        throw new InputError([fileIssue(source, 'json', `The file is not valid JSON (${(error as Error).message}).`, 'Fix the JSON; healthlake-wizard presets export NAME prints an example.')]);
      }
    }
  }
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new InputError([fileIssue(source, 'syntax', `The file is neither valid JSON nor valid YAML (${reason}).`, 'Give a request document as printed by healthlake-wizard presets export or create --generate-cli-skeleton.')]);
  }
}

/**
 * Reads a request document (JSON, or YAML by extension or when it is not JSON) into answers. Throws InputError
 * naming every problem: not an object, unknown keys, invalid values. An empty ClientToken, as in the AWS CLI's
 * skeleton, and any other ClientToken are dropped.
 */
export function readImportedRequest(text: string, source: string): ImportedRequest {
  const parsed = parseDocument(text, source);
  if (!isRecord(parsed)) {
    throw new InputError([fileIssue(source, 'type', 'The file must hold one object of CreateFHIRDatastore parameters.', 'Start from healthlake-wizard create --generate-cli-skeleton input.')]);
  }
  const droppedClientToken = Object.hasOwn(parsed, 'ClientToken');
  const request = { ...parsed };
  delete request.ClientToken;
  const errors = errorsOnly(validateRequest(request));
  if (errors.length > 0) throw new InputError(errors);
  return { answers: answersFromRequest(request), droppedClientToken };
}
