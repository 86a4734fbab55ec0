/**
 * The non-interactive submission of `create`: the pre-flight checks (unless `--no-preflight`), then send the validated request (to the sandbox with `--sandbox`),
 * print the response as the AWS CLI does (`--output`, `--query`), and with `--wait` follow the status on stderr.
 *
 * The ClientToken is journaled before anything is sent, and nothing is sent when it cannot be (unless
 * `--no-journal`). The same request to the same target as a pending journal entry (a run whose answer never
 * arrived) is sent again with that entry's ClientToken, so re-running the command never makes a second data store.
 */
import { EXIT, type CreateOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { formatFriendlyError, toFriendlyError } from '../aws/errors.js';
import { checkQuery, outputFormatFor, renderOutput } from '../cli-output/render-output.js';
import { debugLogFor, openLocalStore, openSession, tryOpenStore, watchToExitCode, type Session, type SessionDeps } from '../aws/session.js';
import type { FriendlyError } from '../aws/types.js';
import type { WizardStore } from '../store/types.js';
import type { PolicyCheck } from '../request/policy-types.js';
import { writeStdout } from '../stdout.js';
import { formatIssue } from '../request/issues.js';
import { validateRequest } from '../request/validate.js';

/** What the submission may be given instead of the real world (tests): retries of the gateway, the outputs. */
export interface SubmitDeps {
  maxAttempts?: SessionDeps['maxAttempts'];
  stdout?: (text: string) => void;
  stderr?: NodeJS.WritableStream;
}

/** The store to journal in; a number (the exit code) when it cannot be opened and `--no-journal` was not given. */
async function storeForSubmission(options: CreateOptions, stderr: NodeJS.WritableStream): Promise<WizardStore | undefined | number> {
  if (options.noJournal) return openLocalStore(stderr, 'the history is not recorded either');
  const opened = await tryOpenStore(stderr);
  if ('store' in opened) return opened.store;
  const why = opened.error.message.replace(/\.$/, '');
  const fix = (opened.error.fix ?? 'Make the config directory a readable, writable directory of yours, or point HEALTHLAKE_WIZARD_CONFIG_DIR at one').replace(/\.$/, '');
  stderr.write(
    'healthlake-wizard: nothing was sent: the local store cannot be opened, so the ClientToken cannot be journaled.\n' +
      `  ${why}.\n` +
      '  Without the journal a lost response could be neither resumed nor retried without risking a second data store.\n' +
      `  Fix: ${fix}. Or pass --no-journal to send without a journal.\n`,
  );
  return EXIT.config;
}

/**
 * After an unknown outcome (time-out, reset, 5xx), what a re-run does, true for this run: with the journal (or a
 * given --client-token) it resends the same ClientToken; without either it would send a new one.
 */
function afterUnknownOutcome(friendly: FriendlyError, journaled: boolean, tokenGiven: boolean): { friendly: FriendlyError; note?: string } {
  if (journaled) {
    return {
      friendly,
      note: '  The submission is kept in the journal: running the same command again resends it with the same ClientToken (so does resuming it in the wizard), which never creates a second data store.\n',
    };
  }
  if (tokenGiven) return { friendly, note: '  Running the same command again (with the same --client-token) never creates a second data store.\n' };
  return {
    friendly: {
      ...friendly,
      fix:
        'Nothing was journaled (--no-journal), so running the command again sends a new ClientToken and may create a second data store: ' +
        'first check whether this one was created (aws healthlake list-fhir-datastores), or pass the same --client-token TOKEN to every retry.',
    },
  };
}

/** Sends the request, prints the response, optionally waits; returns the exit code. */
export async function submitCreate(request: CreateRequest, options: CreateOptions, deps: SubmitDeps = {}, policy?: PolicyCheck): Promise<number> {
  const stderr = deps.stderr ?? process.stderr;
  const queryProblem = await checkQuery(options.query);
  if (queryProblem) {
    stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  const store = await storeForSubmission(options, stderr);
  if (typeof store === 'number') return store;
  const journaled = store !== undefined && !options.noJournal;
  let session: Session | undefined;
  try {
    session = await openSession(options, store, {
      journal: options.noJournal ? 'skip' : 'required',
      warn: (message) => stderr.write(`healthlake-wizard: warning: ${message}\n`),
      ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}),
      ...(options.debug ? { debug: debugLogFor(options, stderr) } : {}),
      stderr,
    });
    // The Region is known now (a profile's too): a KMS key or Lambda ARN in another one is refused before sending.
    const { region } = await session.gateway.target();
    const inOtherRegion = validateRequest(request, { region }).filter((issue) => issue.rule === 'region');
    // The team policy's Region rules (and account rules, once STS says whose the credentials are) hold here too.
    const account = policy && needsAccount(policy) && !options.sandbox ? await callerAccount(options) : undefined;
    if (typeof account === 'object') {
      stderr.write(formatFriendlyError(account));
      return account.exitCode;
    }
    const broken = [...inOtherRegion, ...(policy ? policy.issues(request, region, account) : [])];
    if (broken.length > 0) {
      stderr.write(`${broken.map(formatIssue).join('\n')}\n`);
      return EXIT.usage;
    }
    if (options.preflight !== false) {
      const { preflightBeforeSending } = await import('./create-preflight.js');
      const blocked = await preflightBeforeSending(session, options, request, { stderr, stdout: deps.stdout ?? writeStdout, ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}) });
      if (blocked !== undefined) return blocked;
    }
    const created = await sendOrResend(session, request, journaled ? store : undefined, stderr);
    (deps.stdout ?? writeStdout)(await renderOutput(created, { output: await outputFormatFor(options), query: options.query, operation: 'CreateFHIRDatastore', shape: 'CreateFHIRDatastoreResponse', color: options.color }));
    if (!options.wait) return EXIT.ok;
    return await watchToExitCode(session.gateway, created.DatastoreId, { stderr });
  } catch (error) {
    const reported = toFriendlyError(error, { operation: 'create', request });
    const { friendly, note } = reported.transient ? afterUnknownOutcome(reported, journaled, request.ClientToken !== undefined) : { friendly: reported, note: undefined };
    stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    if (note) stderr.write(note);
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}

/** Whether a rule of the policy needs the account. */
function needsAccount(policy: PolicyCheck): boolean {
  return policy.policy.rules.some((rule) => rule.accounts !== undefined || rule.when?.accounts !== undefined);
}

/** The account of the credentials (STS GetCallerIdentity), or the problem that kept STS from saying. */
async function callerAccount(options: CreateOptions): Promise<string | FriendlyError> {
  const { callerAccount: ask } = await import('../aws/caller-account.js');
  return ask(options).catch((error: { friendly: FriendlyError }) => error.friendly);
}

/** Creates; or, when this very request to this target is pending in the journal, resends it with its token. */
async function sendOrResend(session: Session, request: CreateRequest, store: WizardStore | undefined, stderr: NodeJS.WritableStream) {
  if (store && request.ClientToken === undefined) {
    const [{ describeTarget, findPendingResend }, target] = await Promise.all([import('../aws/pending-submission.js'), session.gateway.target()]);
    const pending = findPendingResend(store.journal.pending(), request, target);
    if (pending) {
      stderr.write(
        `healthlake-wizard: the same request to ${describeTarget(target)} was sent at ${pending.startedAt} and its answer never arrived: ` +
          `sending it again with the same ClientToken (${pending.clientToken}), so no second data store is created.\n`,
      );
      return session.gateway.resume(pending);
    }
  }
  return session.gateway.create(request);
}
