/**
 * The non-interactive submission of `create`: send the validated request (to the sandbox with `--sandbox`),
 * print the response as the AWS CLI does (`--output`, `--query`), and with `--wait` follow the status on stderr.
 */
import { EXIT, type CreateOptions } from '../options.js';
import type { CreateRequest } from '../request/types.js';
import { formatFriendlyError, toFriendlyError } from '../aws/errors.js';
import { checkQuery, renderOutput } from '../aws/output.js';
import { openLocalStore, openSession, watchToExitCode, type Session } from '../aws/session.js';
import { writeStdout } from '../stdout.js';
import { formatIssue } from '../request/issues.js';
import { validateRequest } from '../request/validate.js';

/** Sends the request, prints the response, optionally waits; returns the exit code. */
export async function submitCreate(request: CreateRequest, options: CreateOptions): Promise<number> {
  const queryProblem = await checkQuery(options.query);
  if (queryProblem) {
    process.stderr.write(`healthlake-wizard: ${queryProblem}\n`);
    return EXIT.usage;
  }
  let session: Session | undefined;
  try {
    session = await openSession(options, await openLocalStore());
    // The Region is known now (a profile's too): a KMS key or Lambda ARN in another one is refused before sending.
    const { region } = await session.gateway.target();
    const inOtherRegion = validateRequest(request, { region }).filter((issue) => issue.rule === 'region');
    if (inOtherRegion.length > 0) {
      process.stderr.write(`${inOtherRegion.map(formatIssue).join('\n')}\n`);
      return EXIT.usage;
    }
    const created = await session.gateway.create(request);
    writeStdout(await renderOutput(created, { output: options.output, query: options.query, operation: 'CreateFHIRDatastore', shape: 'CreateFHIRDatastoreResponse', color: options.color }));
    if (!options.wait) return EXIT.ok;
    return await watchToExitCode(session.gateway, created.DatastoreId, { stderr: process.stderr });
  } catch (error) {
    const friendly = toFriendlyError(error, { operation: 'create', request });
    process.stderr.write(formatFriendlyError(friendly, options.debug ? { original: error } : undefined));
    if (friendly.transient && session?.store) {
      process.stderr.write('  The submission is kept: running the wizard again offers to resume it with the same ClientToken.\n');
    }
    return friendly.exitCode;
  } finally {
    await session?.close();
  }
}
