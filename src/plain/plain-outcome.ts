/** What the plain mode prints once the watch ends: the endpoint and next steps, or the cause and what to try. */
import type { StatusEvent, Target } from '../aws/types.js';
import type { CreateRequest } from '../request/types.js';
import { MARK } from '../wizard-flow/marks.js';

/** The lines after the last status line. `target` is where the data store was created. */
export function outcomeLines(event: Extract<StatusEvent, { type: 'done' }>, request: CreateRequest, target: Target | undefined): string[] {
  const { properties } = event;
  const id = properties.DatastoreId;
  if (event.outcome === 'failed') {
    const cause = properties.ErrorCause;
    const customerKey = request.SseConfiguration?.KmsEncryptionConfig?.CmkType === 'CUSTOMER_MANAGED_KMS_KEY';
    // The last status line already gave the cause (describeEvent): said once is enough for a screen reader.
    return [
      `${MARK.error} Creation failed (${properties.DatastoreStatus})${cause?.ErrorMessage ? '.' : ': HealthLake gave no cause.'}`,
      customerKey
        ? `What to try: check that the KMS key exists in ${target?.region ?? 'the data store\'s Region'}, is symmetric and enabled, and that its key policy lets HealthLake create a grant; then run the wizard again (from the last answers).`
        : 'What to try: read the cause above, then run the wizard again (from the last answers).',
    ];
  }
  const lines = [`${MARK.ok} The data store is ACTIVE.`, `FHIR endpoint: ${properties.DatastoreEndpoint}`, 'Next steps:', `  See it again: healthlake-wizard status ${id}`];
  // The history knows where the data store lives (its region, profile, or the sandbox): the id is enough.
  const deleteIt = `healthlake-wizard delete ${id}`;
  if (target?.sandbox) {
    lines.push('  It exists in the sandbox on this machine only: AWS does not know it, and nothing is billed.', `  Delete it when done: ${deleteIt}`);
    return lines;
  }
  const where = [
    ...(target ? [`--region ${target.region}`] : []),
    ...(target?.profile ? [`--profile ${target.profile}`] : []),
    ...(target?.endpoint ? [`--endpoint-url ${target.endpoint}`] : []),
  ].join(' ');
  const aws = (operation: string, rest: string) => `aws healthlake ${operation}${where ? ` ${where}` : ''} --datastore-id ${id}${rest}`;
  lines.push(
    `  Import FHIR data from S3: ${aws('start-fhir-import-job', ' ...')}`,
    `  It is billed per hour while it exists; delete it when done: ${deleteIt}`,
  );
  return lines;
}
