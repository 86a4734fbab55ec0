/** What to do once the data store is ACTIVE: a first request, importing data, billing and deleting. */
import { Box, Text, useStdout } from 'ink';
import { copyableCommand } from './copyable-command.js';

/** The widest the commands are laid out, even on a wider terminal: short lines read and copy better. */
const MAX_COMMAND_WIDTH = 100;

/** Props of `NextSteps`. */
export interface NextStepsProps {
  datastoreId: string;
  endpoint: string;
  region: string;
  sandbox: boolean;
  /** A SMART on FHIR data store: FHIR requests carry an OAuth access token, not a SigV4 signature. */
  smart: boolean;
}

/** A few lines a person can copy. */
export function NextSteps({ datastoreId, endpoint, region, sandbox, smart }: NextStepsProps) {
  const { stdout } = useStdout();
  const width = Math.min(MAX_COMMAND_WIDTH, stdout.columns || 80);
  // A sandbox id exists only on this machine, and no FHIR server answers at its URL: the commands are shown for
  // a data store on AWS, its id in a shell variable.
  const id = sandbox ? '"$DATASTORE_ID"' : datastoreId;
  const fhirBase = sandbox ? `https://healthlake.${region}.amazonaws.com/datastore/$DATASTORE_ID/r4/` : endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const command = (args: string[]) => copyableCommand(args, width).join('\n');
  const firstRequest = smart
    ? ['curl', '-H "Authorization: Bearer $ACCESS_TOKEN"', `"${fhirBase}metadata"`]
    : [`curl --aws-sigv4 "aws:amz:${region}:healthlake"`, '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"', '-H "x-amz-security-token: $AWS_SESSION_TOKEN"', `"${fhirBase}metadata"`];
  return (
    <Box flexDirection="column">
      <Text bold>Next steps</Text>
      {sandbox ? (
        <Text>
          The sandbox emulates the control plane only: its data stores exist on this machine, and no FHIR server
          answers at their URL. For a data store on AWS, set DATASTORE_ID to its id and:
        </Text>
      ) : null}
      <Text>
        1. A first FHIR request,{' '}
        {smart
          ? 'with an access token from your SMART authorization server in ACCESS_TOKEN'
          : 'signed with your AWS credentials (awscurl works too)'}
        :
      </Text>
      <Text color="cyan">{command(firstRequest)}</Text>
      <Text>2. Import FHIR data from S3 (the data store's FHIR import):</Text>
      <Text color="cyan">{command(['aws healthlake start-fhir-import-job', `--datastore-id ${id}`, '...'])}</Text>
      <Text>3. {sandbox ? 'Delete the sandbox one' : 'It is billed per hour while it exists. Delete it'} when done (asks first, then follows it to DELETED):</Text>
      {/* The history knows where this data store lives (its region, profile, or the sandbox): its own id works. */}
      <Text color="cyan">{command(['healthlake-wizard delete', datastoreId])}</Text>
    </Box>
  );
}
