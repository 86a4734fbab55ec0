/**
 * The live status panel: id, ARN, endpoint, a badge that follows the watcher, elapsed time, last and next check,
 * transient errors while retrying; next steps on ACTIVE, the cause on CREATE_FAILED.
 */
import { Box, Text } from 'ink';
import type { TargetReport } from '../../aws/types.js';
import { Footer } from '../components/footer.js';
import { Header } from '../components/header.js';
import type { ExpiryAnswer, Phase, WatchState } from '../../wizard-flow/state.js';
import { describeExpiry, EXPIRY_TAG_KEY, utcSecond } from '../../request/expiry.js';
import { formatClock, formatElapsed, regionOfArn } from './format-time.js';
import { NextSteps } from './next-steps.js';
import { StatusBadge } from './status-badge.js';
import { useTickingClock } from './use-ticking-clock.js';
import { MARK } from '../../wizard-flow/marks.js';

/** Props of `StatusPanel`. */
export interface StatusPanelProps {
  watch: WatchState;
  phase: Phase;
  sandbox: boolean;
  target?: TargetReport;
  now: () => number;
}

/** A label and its value; a long value (ARN, endpoint) wraps under itself so it stays whole and copyable. */
function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Box width={10} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Text wrap="wrap">{children}</Text>
    </Box>
  );
}

/**
 * The expiry its tags give: nothing until they are asked (and when there is no expiry tag), then what they say,
 * or why it is not known.
 */
function ExpiryField({ expiry, time }: { expiry: ExpiryAnswer | undefined; time: number }) {
  switch (expiry?.kind) {
    case 'asked':
      return <Field label="Expires">reading its tags…</Field>;
    case 'at':
      return (
        <Field label="Expires">
          {describeExpiry(new Date(expiry.at), new Date(time))} ({utcSecond(new Date(expiry.at))}){expiry.at <= time ? ' · healthlake-wizard cleanup deletes it' : ''}
        </Field>
      );
    case 'unreadable':
      return (
        <Field label="Expires">
          <Text color="yellow">
            unknown: its tag {EXPIRY_TAG_KEY} holds "{expiry.value}", not an ISO 8601 time
          </Text>
        </Field>
      );
    case 'failed':
      return (
        <Field label="Expires">
          <Text color="yellow">unknown: its tags could not be read. {expiry.reason}</Text>
        </Field>
      );
    default:
      return null;
  }
}

/** The panel for one data store. */
export function StatusPanel({ watch, phase, sandbox, target, now }: StatusPanelProps) {
  const watching = phase === 'watching';
  const time = useTickingClock(now, watching);
  const { result, properties } = watch;
  const status = properties?.DatastoreStatus ?? result.DatastoreStatus;
  const endpoint = properties?.DatastoreEndpoint ?? result.DatastoreEndpoint;
  const region = target?.target?.region ?? regionOfArn(properties?.DatastoreArn ?? result.DatastoreArn) ?? 'us-east-1';
  const finishedAt = watching ? time : (watch.lastCheckAt ?? time);
  // Elapsed since creation when the service says when that was (a resumed panel), else since submission.
  const createdAt = properties?.CreatedAt ? new Date(properties.CreatedAt).getTime() : Number.NaN;
  const since = Number.isFinite(createdAt) ? Math.min(createdAt, watch.startedAt) : watch.startedAt;
  return (
    <Box flexDirection="column">
      <Header target={target} sandbox={sandbox} />
      <Box marginTop={1} flexDirection="column">
        <Text>
          <StatusBadge status={status} />
          <Text> {properties?.DatastoreName ?? 'Data store'}</Text>
          <Text dimColor> · {formatElapsed(finishedAt - since)}</Text>
        </Text>
        <Field label="Id">{result.DatastoreId}</Field>
        {phase === 'done' ? null : <Field label="ARN">{properties?.DatastoreArn ?? result.DatastoreArn}</Field>}
        {phase === 'done' ? (
          <Field label="FHIR URL">
            <Text color="green">{endpoint}</Text>
          </Field>
        ) : (
          <Field label="Endpoint">{endpoint}</Field>
        )}
        {Number.isFinite(createdAt) ? (
          <Field label="Created">
            {utcSecond(new Date(createdAt))} ({formatElapsed(time - createdAt)} ago)
          </Field>
        ) : null}
        <ExpiryField expiry={watch.expiry} time={time} />
        {watch.lastCheckAt ? (
          <Field label="Checked">
            {formatClock(watch.lastCheckAt)}
            {watch.nextCheckAt ? ` · next check ${formatClock(watch.nextCheckAt)} (in ${formatElapsed(watch.nextCheckAt - time + 999)})` : ''}
          </Field>
        ) : null}
      </Box>
      {watch.transientError ? (
        <Box marginTop={1} flexDirection="column">
          <Text color="yellow">{MARK.warning} {watch.transientError.message} Retrying…</Text>
          <Text dimColor>  {watch.transientError.fix}</Text>
        </Box>
      ) : null}
      {watching ? (
        <Box marginTop={1} flexDirection="column">
          <Text>Creating usually takes several minutes. Leaving is safe: creation goes on.</Text>
          <Text>
            Resume with <Text color="cyan">healthlake-wizard status {result.DatastoreId}</Text>
          </Text>
        </Box>
      ) : null}
      {phase === 'done' ? (
        <Box marginTop={1} flexDirection="column">
          <Text>
            <Text color="green" bold>
              {MARK.ok} The data store is ACTIVE.
            </Text>{' '}
            <Text bold>Next steps:</Text>
          </Text>
          <NextSteps
            datastoreId={result.DatastoreId}
            endpoint={endpoint}
            region={region}
            sandbox={sandbox}
            profile={target?.target?.profile}
            endpointUrl={target?.target?.endpoint}
            smart={properties?.IdentityProviderConfiguration?.AuthorizationStrategy?.startsWith('SMART_ON_FHIR') === true}
          />
        </Box>
      ) : null}
      {phase === 'failed' ? (
        <Box marginTop={1} flexDirection="column">
          <Text color="red" bold>
            {MARK.error} Creation failed ({status}).
          </Text>
          <Text>{properties?.ErrorCause?.ErrorMessage ?? 'HealthLake gave no cause.'}</Text>
          {properties?.ErrorCause?.ErrorCategory ? <Text dimColor>Category: {properties.ErrorCause.ErrorCategory}</Text> : null}
          <Text>
            What to try: check that the KMS key exists in {region}, is symmetric and enabled, and that its key policy lets
            HealthLake create a grant; then run the wizard again (from the last answers).
          </Text>
        </Box>
      ) : null}
      {watching ? (
        <Box marginTop={1}>
          <Footer commands={[]} />
        </Box>
      ) : null}
    </Box>
  );
}
