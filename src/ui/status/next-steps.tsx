/** What to do once the data store is ACTIVE: a first request, importing data, billing and deleting. */
import { Box, Text } from 'ink';
import { commandLines } from '../../request/help.js';

/** Width of the copyable command lines: they break between a flag and the next (kept with its value), continued with a backslash. */
const COMMAND_WIDTH = 78;

/** Props of `NextSteps`. */
export interface NextStepsProps {
  datastoreId: string;
  endpoint: string;
  region: string;
  sandbox: boolean;
}

/** A few lines a person can copy. */
export function NextSteps({ datastoreId, endpoint, region, sandbox }: NextStepsProps) {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const command = (args: string[]) => commandLines(args, COMMAND_WIDTH, '   ').join('\n');
  return (
    <Box flexDirection="column">
      <Text bold>Next steps</Text>
      <Text>
        1. A first FHIR request, signed with your AWS credentials (awscurl works too)
        {sandbox ? '; the sandbox emulates the control plane only, so try this one on AWS' : ''}:
      </Text>
      <Text color="cyan">
        {command([
          `curl --aws-sigv4 "aws:amz:${region}:healthlake"`,
          '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
          '-H "x-amz-security-token: $AWS_SESSION_TOKEN"',
          `"${base}metadata"`,
        ])}
      </Text>
      <Text>2. Import FHIR data from S3 (the data store's FHIR import):</Text>
      <Text color="cyan">{command(['aws healthlake start-fhir-import-job', `--datastore-id ${datastoreId}`, '...'])}</Text>
      <Text>3. It is billed per hour while it exists{sandbox ? ' (not in the sandbox)' : ''}. Delete it when done:</Text>
      <Text color="cyan">{command(['aws healthlake delete-fhir-datastore', `--datastore-id ${datastoreId}`])}</Text>
    </Box>
  );
}
