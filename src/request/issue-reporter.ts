/** Building FieldIssues: a reporter per field, with the flag from the spec. Shared by the validators. */
import { describeField, type Wording } from '../parameter-model/index.js';
import type { FieldIssue, Rule } from './issues.js';

/** Words for the command line, and for the wizard where they differ (it has screens, not flags). */
export type Worded = Wording;

/** Reports one issue about a field. */
export type Report = (rule: Rule, message: Worded, fix: Worded, value?: unknown, severity?: FieldIssue['severity']) => void;

/** A reporter that appends issues about `field` (set by `flag`) to `out`. */
export function reporter(out: FieldIssue[], flag: string, field: string): Report {
  return (rule, message, fix, value, severity = 'error') =>
    out.push({
      field,
      flag,
      rule,
      ...(typeof message === 'string' ? { message } : { message: message.cli, wizardMessage: message.wizard }),
      ...(typeof fix === 'string' ? { fix } : { fix: fix.cli, wizardFix: fix.wizard }),
      value,
      severity,
    });
}

/** A reporter for a field given by its path; the flag comes from the spec. */
export function fieldReporter(out: FieldIssue[], field: string): Report {
  return reporter(out, describeField(field).flag, field);
}

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
