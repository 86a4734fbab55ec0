/** Errors are values with a fix: the CLI and the UI render the same `FieldIssue`. */

/** Which rule an input broke. */
export type Rule =
  | 'required'
  | 'type'
  | 'min-length'
  | 'max-length'
  | 'pattern'
  | 'enum'
  | 'min-items'
  | 'max-items'
  | 'unknown'
  | 'duplicate'
  | 'json'
  | 'depends-on'
  | 'syntax'
  | 'file'
  | 'nesting'
  /** An ARN in another Region than the data store's. */
  | 'region'
  /** A rule of the team policy (`.healthlake-wizard/policy.yaml`). */
  | 'policy';

/** One problem with the input, naming the field, the rule, the value and the fix. */
export interface FieldIssue {
  /** JSON path in the request, e.g. `Tags[1].Key`; empty for the command line as a whole. */
  field: string;
  /** The AWS CLI flag that sets it, e.g. `--tags`. */
  flag: string;
  rule: Rule;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
  /**
   * The fix in the wizard's words, where the CLI's names a flag or syntax the wizard does not show
   * ("choose CUSTOMER_MANAGED_KMS_KEY in Encryption" rather than "use CmkType=CUSTOMER_MANAGED_KMS_KEY"). A key
   * of the wizard is written `wizardKey(command)`: the screen names it from its key table.
   */
  wizardFix?: string;
  /** The message in the wizard's words, where the CLI's names a JSON path (`Tags[1]`). */
  wizardMessage?: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** Warnings are shown but do not block a submission. */
  severity: 'error' | 'warning';
}

/** The wizard's commands a fix may name the key of (commands of the key table, src/ui/keys.ts). */
export type WizardKey = 'add' | 'expire' | 'changeTarget';

/** A key of the wizard in a `wizardFix`, e.g. `{key:expire}`; `inWizardWords` names it (`x`). */
export function wizardKey(command: WizardKey): string {
  return `{key:${command}}`;
}

/** Invalid input: exits 252 (the AWS CLI's code for a bad command line or parameter value). */
export class InputError extends Error {
  readonly exitCode = 252;
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
  }
}

// A YAML input can hold a value that refers to itself (`&a [*a]`), which JSON cannot show (a TypeError); a
// value nested thousands of levels deep exhausts the stack instead (a RangeError).
function jsonOrString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    const kind = Array.isArray(value) ? 'list' : 'object';
    return error instanceof RangeError ? `[a ${kind} nested too deeply to show]` : `[a ${kind} that contains itself]`;
  }
}

/** Shortens a value for a message. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : jsonOrString(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One issue as a line or two of text: `--tags (Tags[1].Key): message Fix: ...`. */
export function formatIssue(issue: FieldIssue): string {
  const where = issue.field ? `${issue.flag} (${issue.field})` : issue.flag;
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  const shown = issue.value === undefined ? '' : ` Got ${showValue(issue.value)}.`;
  return `${prefix}${where}: ${issue.message}${shown}\n  Fix: ${issue.fix}`;
}

/** Only the issues that block a submission. */
export function errorsOnly(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

/** A problem with how the command line is written (not with a value's content). */
export function syntaxIssue(flag: string, message: string, fix: string, value?: unknown): FieldIssue {
  return { field: '', flag, rule: 'syntax', message, fix, ...(value === undefined ? {} : { value }), severity: 'error' };
}

/** The flag-syntax problems every command words alike. */
export const FLAG_SYNTAX = {
  /** `suggestion` is a " Did you mean …?" sentence, or empty. */
  unknown: (flag: string, command: string, suggestion: string): FieldIssue =>
    syntaxIssue(flag, `Unknown flag ${flag}.${suggestion}`, `Run healthlake-wizard ${command} --help for the list of flags.`),
  needsValue: (flag: string): FieldIssue =>
    syntaxIssue(flag, `${flag} needs a value.`, `Give one after it (${flag} VALUE); a value starting with "-" is written ${flag}=-VALUE.`),
  takesNoValue: (flag: string, value?: unknown): FieldIssue => syntaxIssue(flag, `${flag} takes no value.`, `Write ${flag} alone.`, value),
};
