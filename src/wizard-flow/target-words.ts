/**
 * The target in words, for the header, the start screen, the review, the confirmation and the plain mode: where
 * the data store goes and whose credentials sign, or what is wrong and how to fix it. No Ink: the plain mode
 * says the same.
 */
import type { FriendlyError, TargetReport } from '../aws/types.js';
import { MARK } from './marks.js';

/** The target in one line, e.g. `region us-east-1 · profile dev · account 111122223333 (Admin)`. */
export function targetLine(sandbox: boolean, report: TargetReport | undefined): string {
  const account = report?.ok && report.identity ? `account ${report.identity.account}${report.identity.name ? ` (${report.identity.name})` : ''}` : '';
  // The SANDBOX badge follows: short enough for the emulator's account to fit 80 columns (its identity is itself).
  if (sandbox) return ['local, nothing goes to AWS', report?.ok && report.identity ? `account ${report.identity.account}` : ''].filter(Boolean).join(' · ');
  if (!report) return 'checking the target…';
  const target = report.target;
  const where = target ? [`region ${target.region}`, target.profile ? `profile ${target.profile}` : ''] : [];
  const state = report.ok ? account : `${MARK.error} ${shortProblem(report.problem)}`;
  return [...where, state, target?.endpoint ?? ''].filter(Boolean).join(' · ');
}

/** The problem as a few words for the header. */
function shortProblem(problem: FriendlyError): string {
  return problem.code === 'NoRegion' ? 'no Region chosen yet' : problem.message;
}

/**
 * What stops the target, with its fix: `NoRegion` is a choice still to make (the start screen offers the
 * Regions), not an error; undefined when nothing does (or in a dry run, which sends nothing).
 */
export function targetProblem(report: TargetReport | undefined): Pick<FriendlyError, 'code' | 'message' | 'fix'> | undefined {
  if (!report || report.ok) return undefined;
  const { code, message, fix } = report.problem;
  if (code === 'NoRegion') {
    return {
      code,
      message: 'Choose the Region to create the data store in: none is set (--region, AWS_REGION, AWS_DEFAULT_REGION or the profile).',
      fix: 'Pick one of the Regions where HealthLake is offered.',
    };
  }
  return { code, message, fix };
}
