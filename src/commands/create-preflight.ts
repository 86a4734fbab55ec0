/**
 * `create`'s pre-flight step without the wizard: runs the checks for the session's target (the sandbox's
 * emulator with `--sandbox`), prints the report for people on stderr unless every check passed (for
 * `--dry-run --preflight`, always, on stdout), and the checks as data when `--output` is given. A failed check
 * means nothing is sent: exit 254.
 */
import { formatFriendlyError, toFriendlyError } from '../aws/errors.js';
import { renderOutput } from '../cli-output/render-output.js';
import { openAccountResources } from '../aws/account-resources.js';
import { reportText } from '../aws/preflight/report-text.js';
import type { PreflightFix, PreflightReport } from '../aws/preflight/types.js';
import { debugLogFor, openSession, type Session } from '../aws/session.js';
import { EXIT, type CreateOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { writeStdout } from '../stdout.js';

/** Reasons that mean the credentials themselves are missing or rejected, not a permission on one resource. */
const CREDENTIALS_PROBLEM = /CredentialsProviderError|No AWS credentials|Could not load credentials|ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidSignature/;

/** Runs the checks for the session's target; resolves to the report and the Region it was for. */
export async function preflightReport(session: Session, options: CreateOptions, request: CreateRequest, settings: { maxAttempts?: number } = {}): Promise<{ report: PreflightReport; region: string }> {
  const { region } = await session.gateway.target();
  const resources = await openAccountResources(session, options, settings);
  try {
    return { report: await resources.preflightReport(request), region };
  } finally {
    resources.close();
  }
}

/** The report as data, in the `--output` format (with `--query`). */
export function preflightData(report: PreflightReport, options: CreateOptions): Promise<string> {
  // The command line's words only: the wizard's (Ctrl+T) mean nothing here.
  const results = report.results.map((result) => (result.fix?.wizardFix === undefined ? result : { ...result, fix: withoutWizardFix(result.fix) }));
  return renderOutput({ ...report, results }, { output: options.output, query: options.query, operation: 'preflight' });
}

function withoutWizardFix({ wizardFix: _wizard, ...fix }: PreflightFix): PreflightFix {
  return fix;
}

/**
 * Before sending: prints the report on stderr (and as data on stdout when `--output` was given and a check
 * failed). Resolves to an exit code when nothing may be sent, undefined when sending may go on.
 */
export async function preflightBeforeSending(session: Session, options: CreateOptions, request: CreateRequest, io: { stderr: NodeJS.WritableStream; stdout: (text: string) => void; maxAttempts?: number }): Promise<number | undefined> {
  const { report, region } = await preflightReport(session, options, request, io.maxAttempts ? { maxAttempts: io.maxAttempts } : {});
  // Quiet when every check passed, as a command that succeeds is; otherwise the whole report, for what is unknown too.
  if (report.results.every((result) => result.status === 'passed')) return undefined;
  // Checks that could not run for want of usable credentials say nothing the sending will not say better (it
  // fails on the same credentials, with their fix): no report then.
  if (report.ok && report.results.some((result) => CREDENTIALS_PROBLEM.test(result.reason ?? ''))) return undefined;
  io.stderr.write(reportText(report, region));
  if (report.ok) return undefined;
  if (options.output) io.stdout(await preflightData(report, options));
  io.stderr.write('  Fix what failed and run the command again, or send anyway with --no-preflight.\n');
  return EXIT.service;
}

/** `--dry-run --preflight`: the report on stdout (as data with `--output`); nothing is sent. Returns the exit code. */
export async function dryRunPreflight(request: CreateRequest, options: CreateOptions): Promise<number> {
  let session: Session | undefined;
  try {
    session = await openSession(options, undefined, { ...(options.debug ? { debug: debugLogFor(options) } : {}) });
    const { report, region } = await preflightReport(session, options, request);
    writeStdout(options.output ? await preflightData(report, options) : reportText(report, region));
    return report.ok ? EXIT.ok : EXIT.service;
  } catch (error) {
    const friendly = toFriendlyError(error, { operation: 'create', request });
    process.stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
