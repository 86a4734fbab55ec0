/**
 * The pre-flight checks' results as plain data, for the review screen, the plain mode and `create --output json`.
 * Type-only: importing this file loads nothing (no SDK type appears here).
 */

/** Which check. */
export type PreflightCheckId = 'region' | 'kms-key' | 'idp-lambda' | 'smart-metadata' | 'quota' | 'same-name';

/**
 * `passed`: checked and fine. `failed`: checked, and the creation would fail or be wrong (nothing is sent).
 * `warning`: checked, worth knowing, not blocking. `not-checked`: could not be checked (the reason says why);
 * never counted as passed.
 */
export type PreflightStatus = 'passed' | 'failed' | 'warning' | 'not-checked';

/** What to do about a failed (or warned) check: a sentence, and the exact command or policy statement when there is one. */
export interface PreflightFix {
  /** The fix as the command line and the plain mode say it (a flag such as `--region`). */
  text: string;
  /**
   * The fix in the wizard's words, where `text` names a flag the wizard does not take (there the Region changes
   * with the target picker), its keys as `{key:NAME}` tokens: `fixInWizardWords` names them, as it does for an
   * issue's fix. The command line never shows it.
   */
  wizardFix?: string;
  /** A command to run as is, e.g. `aws lambda add-permission ...`. */
  command?: string;
  /** A key-policy statement to add, as pretty-printed JSON. */
  policyStatement?: string;
  /** For the metadata: the field to correct and the value the issuer publishes. */
  field?: string;
  value?: string;
}

/** A check that will run for this request, before its result is known (a list can show it as pending). */
export interface PlannedCheck {
  id: PreflightCheckId;
  /** E.g. `KMS key alias/my-key`. */
  title: string;
  /** The request field it concerns (a spec path), when there is one. */
  field?: string;
}

/** One finished check. */
export interface PreflightResult extends PlannedCheck {
  status: PreflightStatus;
  /** One line: what was found. */
  summary: string;
  /** More lines when there are several findings (the metadata fields that disagree, ...). */
  details?: string[];
  /** For `failed` and `warning`. */
  fix?: PreflightFix;
  /** For `not-checked`: why it could not be checked (e.g. AccessDenied on kms:GetKeyPolicy). */
  reason?: string;
}

/** An issuer's `.well-known/smart-configuration`, or why there is none (for the checks and the metadata builder). */
export type SmartConfigurationAnswer =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; kind: 'http' | 'not-json' | 'network' | 'tls' | 'timeout'; message: string };

/** Every result, in the planned order. */
export interface PreflightReport {
  results: PreflightResult[];
  /** True when no check failed (warnings and not-checked do not block). */
  ok: boolean;
}
