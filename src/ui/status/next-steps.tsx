/** What to do once the data store is ACTIVE (under the line that says so): a first request, importing data, billing and deleting. */
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
  /** The AWS profile the data store was created with, when one was named: the commands name it too. */
  profile?: string | undefined;
  /** The endpoint override it was created through (not the sandbox's): the aws commands send there too. */
  endpointUrl?: string | undefined;
}

/** A few lines a person can copy. */
export function NextSteps({ datastoreId, endpoint, region, sandbox, smart, profile, endpointUrl }: NextStepsProps) {
  const { stdout } = useStdout();
  const width = Math.min(MAX_COMMAND_WIDTH, stdout.columns || 80);
  // A sandbox id exists only on this machine, and no FHIR server answers at its URL: the commands are shown for
  // a data store on AWS, its id in a shell variable.
  const id = sandbox ? '"$DATASTORE_ID"' : datastoreId;
  const fhirBase = sandbox ? `https://healthlake.${region}.amazonaws.com/datastore/$DATASTORE_ID/r4/` : endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const command = (args: string[]) => copyableCommand(args, width).join('\n');
  // Every aws command goes where the wizard went: without them it would use the shell's own Region and profile
  // (often none). The sandbox's profile and endpoint are its own: the commands there are for a data store on AWS.
  const withProfile = !sandbox && profile ? [`--profile ${profile}`] : [];
  const awsTarget = [`--region ${region}`, ...withProfile, ...(!sandbox && endpointUrl ? [`--endpoint-url ${endpointUrl}`] : [])];
  // curl signs with keys in the environment, which a profile or an SSO session does not set: the AWS CLI exports them.
  const exportCredentials = ['eval', `"$(aws configure export-credentials ${[...withProfile, '--format env'].join(' ')})"`];
  const firstRequest = smart
    ? ['curl', '-H "Authorization: Bearer $ACCESS_TOKEN"', `"${fhirBase}metadata"`]
    : [`curl --aws-sigv4 "aws:amz:${region}:healthlake"`, '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"', '-H "x-amz-security-token: $AWS_SESSION_TOKEN"', `"${fhirBase}metadata"`];
  // Short lines: the ACTIVE screen, status panel and all, fits 80x24 in the sandbox.
  return (
    <Box flexDirection="column">
      {sandbox ? <Text>The sandbox has no FHIR server. On AWS, with DATASTORE_ID set to its id:</Text> : null}
      <Text>
        1. A first FHIR request,{' '}
        {smart ? 'with an access token from your SMART authorization server in ACCESS_TOKEN' : 'signed with the credentials the AWS CLI exports'}:
      </Text>
      {smart ? null : <Text color="cyan">{command(exportCredentials)}</Text>}
      <Text color="cyan">{command(firstRequest)}</Text>
      <Text>2. Import FHIR data from S3:</Text>
      <Text color="cyan">{command(['aws healthlake start-fhir-import-job', `--datastore-id ${id}`, ...awsTarget, '...'])}</Text>
      <Text>3. {sandbox ? 'Delete the sandbox one when done' : 'It is billed per hour while it exists; delete it when done'} (asks first):</Text>
      {/* The history knows where this data store lives (its region, profile, or the sandbox): its own id works. */}
      <Text color="cyan">{command(['healthlake-wizard delete', datastoreId])}</Text>
    </Box>
  );
}
