/**
 * The pre-flight report as lines for a terminal (stderr before sending, stdout for `--dry-run --preflight`):
 * one line per check with its mark, then the reason, the details and the exact fix indented under it.
 */
import type { PreflightFix, PreflightReport, PreflightResult, PreflightStatus } from './types.js';

/** The mark and word of each status; "not checked" is spelled out, never a tick. */
export const STATUS_MARKS: Record<PreflightStatus, string> = {
  passed: '✓',
  failed: '✗',
  warning: '!',
  'not-checked': '?',
};

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

/**
 * One result as lines. `fixText` says a fix: the command line's words unless told (the wizard's review says its
 * own, where a fix has them: `wizardFix`).
 */
export function resultLines(result: PreflightResult, fixText: (fix: PreflightFix) => string = (fix) => fix.text): string {
  const head = `${STATUS_MARKS[result.status]} ${result.title}: ${result.status === 'not-checked' ? 'not checked. ' : ''}${result.summary}`;
  const lines = [head];
  if (result.reason) lines.push(`    Why not checked: ${result.reason}`);
  for (const detail of result.details ?? []) lines.push(`    - ${detail}`);
  if (result.fix) {
    lines.push(`    Fix: ${fixText(result.fix)}`);
    if (result.fix.command) lines.push(`      ${result.fix.command}`);
    if (result.fix.policyStatement) lines.push(indent(result.fix.policyStatement, '      '));
    if (result.fix.field && result.fix.value !== undefined) lines.push(`      ${result.fix.field}: ${result.fix.value}`);
  }
  return lines.join('\n');
}

/** The whole report, with a closing line saying what it means for sending. */
export function reportText(report: PreflightReport, region: string): string {
  const count = (status: PreflightStatus) => report.results.filter((result) => result.status === status).length;
  const failed = count('failed');
  const unchecked = count('not-checked');
  const end = failed > 0
    ? `${failed} check${failed === 1 ? '' : 's'} failed: nothing was sent.`
    : `No check failed${unchecked ? ` (${unchecked} not checked)` : ''}.`;
  return `Pre-flight checks (${region}):\n${report.results.map((result) => indent(resultLines(result), '  ')).join('\n')}\n${end}\n`;
}
