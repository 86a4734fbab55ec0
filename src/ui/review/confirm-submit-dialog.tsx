/**
 * The explicit confirmation before creating: where it goes (region and profile, or the sandbox), the choices
 * that cannot be changed afterwards, and that a data store is billed per hour.
 */
import { Box, Text } from 'ink';
import type { TargetReport } from '../../aws/types.js';
import type { CreateRequest } from '../../request/types.js';
import { MARK } from '../../wizard-flow/marks.js';
import { Footer } from '../components/footer.js';
import { useCommands } from '../use-commands.js';
import type { AnswerRow } from '../../wizard-flow/answer-rows.js';

/** Props of `ConfirmSubmitDialog`. */
export interface ConfirmSubmitDialogProps {
  /** The review's rows: those of parameters fixed after creation are listed. */
  rows: readonly AnswerRow[];
  request: CreateRequest;
  sandbox: boolean;
  /** The resolved target; undefined while it is being resolved. */
  target?: TargetReport;
  onConfirm: () => void;
  onCancel: () => void;
  /** The pre-flight checks that failed, by title (the creation would likely end CREATE_FAILED). */
  failedChecks?: readonly string[];
  isActive: boolean;
}

/** Where the data store will be created, in words: the Region, profile, account and identity (or the sandbox). */
export function describeTarget(sandbox: boolean, report: TargetReport | undefined): string {
  if (sandbox) return 'SANDBOX: the local emulator on this machine (nothing is sent to AWS or billed)';
  if (report?.target === undefined) return 'AWS (the target is still being checked)';
  const target = report.target;
  const who = report.ok && report.identity ? `account ${report.identity.account}${report.identity.name ? ` as ${report.identity.name}` : ''}` : '';
  return [`AWS region ${target.region}`, target.profile ? `profile ${target.profile}` : 'default credentials', who, target.endpoint ? `endpoint ${target.endpoint}` : '']
    .filter(Boolean)
    .join(' · ');
}

/** y creates, n or Esc goes back to review. */
export function ConfirmSubmitDialog({ rows, request, sandbox, target, onConfirm, onCancel, failedChecks = [], isActive }: ConfirmSubmitDialogProps) {
  const commands = useCommands({ confirm: onConfirm, cancel: onCancel }, { isActive });
  // One line per step that cannot change later: its first answer (the key type, the strategy) says what it is.
  const fixed = rows.filter((row, index) => row.fixedAfterCreation && rows.findIndex((other) => other.stepTitle === row.stepTitle) === index);
  const labelWidth = Math.max(...fixed.map((row) => row.stepTitle.length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Create the data store{request.DatastoreName ? ` "${request.DatastoreName}"` : ''}?</Text>
      <Text wrap="wrap">Target: {describeTarget(sandbox, target)}</Text>
      <Text>Cannot be changed after creation:</Text>
      {fixed.map((row) => (
        <Text key={row.path} wrap="truncate-end">
          {'  '}
          {row.stepTitle.padEnd(labelWidth)}
          {row.shown}
        </Text>
      ))}
      <Text wrap="wrap">
        A HealthLake data store is billed per hour from the moment it is created until it is deleted.
        {sandbox ? ' (In the sandbox nothing is billed: it runs on this machine.)' : ''}
      </Text>
      {failedChecks.length > 0 ? (
        <Text color="red" wrap="wrap">
          {`${MARK.error} Pre-flight failed for ${failedChecks.join(', ')}: the creation will likely end CREATE_FAILED (the Checks tab shows the fix).`}
        </Text>
      ) : null}
      <Footer commands={commands} isActive={isActive} />
    </Box>
  );
}

