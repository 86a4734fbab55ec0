/**
 * The target in words, for the header, the start screen, the review, the confirmation and the plain mode: where
 * the data store goes and whose credentials sign, or what is wrong and how to fix it. No Ink: the plain mode
 * says the same.
 */
import { HEALTHLAKE_REGIONS, isHealthLakeRegion } from '../aws/healthlake-regions.js';
import type { FriendlyError, TargetReport } from '../aws/types.js';
import { MARK } from './marks.js';
import { wrapWords } from './wrap-words.js';

/** The target in one line, e.g. `region us-east-1 · profile dev · account 111122223333 (Admin)`. */
export function targetLine(sandbox: boolean, report: TargetReport | undefined): string {
  return targetHeading(sandbox, report, { room: Infinity, width: Infinity, problem: 'brief', changeTarget: '' }).line;
}

/** How a line of the heading is shown: as the target, a problem, its fix, a choice still to make, a warning. */
export type HeadingTone = 'target' | 'problem' | 'fix' | 'choice' | 'warning';

/** The target as the header shows it: one line, and lines of their own for what does not fit in it. */
export interface TargetHeading {
  /** `region … · profile … · account … (identity)`, the problem when it fits whole, or the sandbox. */
  line: string;
  tone: HeadingTone;
  /** Lines under it, each at most `width` wide: the identity when it did not fit, or the problem and its fix. */
  more: { text: string; tone: HeadingTone }[];
}

/** Where the heading goes and what the screen under it says itself. */
export interface HeadingRoom {
  /** Columns the first line has (after the product's name, before the badges). */
  room: number;
  /** Columns of the lines under it. */
  width: number;
  /**
   * Where the problem (or the warning) and its fix are said: `here`, under the line (the screen does not say
   * them); `below`, by the screen (the line points there); `brief`, only the problem in the line, cut at its end
   * (no room for more).
   */
  problem: 'here' | 'below' | 'brief';
  /** How the person changes the target here, e.g. `press Ctrl+T`. */
  changeTarget: string;
}

/**
 * The heading for this report: the account and identity whole (the identity, or the account with it, on a line
 * of its own when the first is too narrow), a problem whole or, when it is too long, under the line with its fix
 * where the screen does not show them.
 */
export function targetHeading(sandbox: boolean, report: TargetReport | undefined, { room, width, problem: told, changeTarget }: HeadingRoom): TargetHeading {
  const details = told === 'here';
  // The SANDBOX badge follows: short enough for the emulator's account to fit 80 columns (its identity is itself).
  if (sandbox) return { line: ['local, nothing goes to AWS', report?.ok && report.identity ? `account ${report.identity.account}` : ''].filter(Boolean).join(' · '), tone: 'target', more: [] };
  if (!report) return { line: 'checking the target…', tone: 'target', more: [] };
  const target = report.target;
  const warning = regionWarning(report, changeTarget);
  // No Region yet: a choice still to make, not an error (the start screen offers the Regions); the credentials
  // were checked all the same, so who they are (or what is wrong with them) is said beside it.
  const noRegion = !report.ok && report.problem.code === 'NoRegion';
  const credentials = report.ok ? undefined : report.credentials;
  const profile = target?.profile ?? credentials?.profile;
  const where = [target ? `region ${target.region}${warning ? ' (no HealthLake there)' : ''}` : noRegion ? 'Region not chosen yet' : '', profile ? `profile ${profile}` : ''];
  const endpoint = target?.endpoint ?? '';
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  // The endpoint comes last and may be cut: what must be whole is the rest.
  const fits = (...parts: string[]) => [...join(...parts)].length <= room;
  const wrapped = (text: string, tone: HeadingTone) => wrapWords(text, width).map((line) => ({ text: line, tone }));
  const choose = noRegion && details ? wrapped(`To choose a Region, ${changeTarget}.`, 'choice') : [];
  const problem = report.ok ? undefined : noRegion ? (credentials?.ok === false ? credentials.problem : undefined) : report.problem;
  if (!problem) {
    const tone: HeadingTone = noRegion ? 'choice' : 'target';
    const after = noRegion ? choose : details && warning ? wrapped(`${MARK.warning} ${warning.message} Fix: ${warning.fix}`, 'warning') : [];
    const identity = report.ok ? report.identity : credentials?.ok ? credentials.identity : undefined;
    if (!identity) return { line: join(...where, endpoint), tone, more: after };
    const account = `account ${identity.account}`;
    const named = identity.name ? `${account} (${identity.name})` : account;
    if (fits(...where, named)) return { line: join(...where, named, endpoint), tone, more: after };
    if (fits(...where, account)) return { line: join(...where, account, endpoint), tone, more: [...wrapped(`identity ${identity.name}`, 'target'), ...after] };
    // Not even the account fits beside the Region (a warning in it, a long profile name): it goes under the line,
    // whole, with the identity.
    return { line: join(...where, endpoint), tone, more: [...wrapped(identity.name ? `${account} · identity ${identity.name}` : account, 'target'), ...after] };
  }
  const said = `${MARK.error} ${problem.message}`;
  const fix = details ? [...wrapped(`Fix: ${problem.fix}`, 'fix'), ...choose] : [];
  if (fits(...where, said)) return { line: join(...where, said, endpoint), tone: 'problem', more: fix };
  if (told === 'brief') return { line: join(...where, said, endpoint), tone: 'problem', more: [] };
  if (told === 'below') return { line: join(...where, `${MARK.error} problem below`, endpoint), tone: 'problem', more: [] };
  return { line: join(...where, endpoint) || `${MARK.error} the target cannot be used`, tone: 'problem', more: [...wrapped(said, 'problem'), ...fix] };
}

/**
 * What stops the target, each with its fix, in the order to mend them: credentials that do not work (told even
 * before a Region is chosen), then `NoRegion`, a choice still to make (the start screen offers the Regions), not
 * an error. Empty when nothing does (or in a dry run, which sends nothing).
 */
export function targetProblems(report: TargetReport | undefined): Pick<FriendlyError, 'code' | 'message' | 'fix'>[] {
  if (!report || report.ok) return [];
  const { code, message, fix } = report.problem;
  if (code !== 'NoRegion') return [{ code, message, fix }];
  const credentials = report.credentials;
  return [
    ...(credentials?.ok === false ? [{ code: credentials.problem.code, message: credentials.problem.message, fix: credentials.problem.fix }] : []),
    {
      code,
      message: 'Choose the Region to create the data store in: none is set (--region, AWS_REGION, AWS_DEFAULT_REGION or the profile).',
      fix: 'Pick one of the Regions where HealthLake is offered.',
    },
  ];
}

/**
 * A Region where HealthLake is not offered (by the General Reference's table): not a blocker, since the table
 * may lag a new Region, but creating there fails, so the person is told at once with the way to change it.
 */
export function regionWarning(report: TargetReport | undefined, changeTarget: string): { message: string; fix: string } | undefined {
  const region = report?.target?.region;
  if (!region || !regionNotOffered(report)) return undefined;
  return {
    message: `HealthLake is not offered in ${region}.`,
    fix: `${capitalised(changeTarget)} to choose a Region where it is (${HEALTHLAKE_REGIONS.map((candidate) => candidate.code).join(', ')}).`,
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The target's Region is not one where HealthLake is offered (never said of the sandbox). */
export function regionNotOffered(report: TargetReport | undefined): boolean {
  const region = report?.target?.region;
  return region !== undefined && !report?.target?.sandbox && !isHealthLakeRegion(region);
}
