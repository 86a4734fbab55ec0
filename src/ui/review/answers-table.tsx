/** Every answer in one table, problems flagged, the selected row's problem spelled out. */
import { Box, Text } from 'ink';
import { inWizardWords } from '../../wizard-flow/issues.js';
import { keyName } from '../keys.js';
import { ACCENT } from '../theme.js';
import { MARK } from '../../wizard-flow/marks.js';
import type { AnswerRow } from '../../wizard-flow/answer-rows.js';

/** Props of `AnswersTable`. */
export interface AnswersTableProps {
  rows: AnswerRow[];
  selected: number;
  /** A field named by a submission error, highlighted. */
  highlightedField?: string;
  width: number;
}

function columns(rows: readonly AnswerRow[], width: number): { labelWidth: number; valueWidth: number } {
  const labelWidth = Math.min(28, Math.max(...rows.map((row) => row.label.length)) + 2);
  return { labelWidth, valueWidth: Math.max(10, width - labelWidth - 6) };
}

/** Whether the row's value is cut with "…" in the table at this width (so it is worth viewing whole). */
export function isCutInTable(rows: readonly AnswerRow[], row: AnswerRow, width: number): boolean {
  return row.shown.length > columns(rows, width).valueWidth;
}

/** Label column, value column, a mark. */
export function AnswersTable({ rows, selected, highlightedField, width }: AnswersTableProps) {
  const { labelWidth, valueWidth } = columns(rows, width);
  const current = rows[selected];
  const problem = current?.issues.find((issue) => issue.severity === 'error') ?? current?.issues[0];
  return (
    <Box flexDirection="column">
      {rows.map((row, index) => {
        const error = row.issues.some((issue) => issue.severity === 'error');
        const flagged = error || row.path === highlightedField;
        const mark = error ? MARK.error : row.issues.length > 0 ? MARK.warning : row.path === highlightedField ? '!' : ' ';
        const value = row.shown.length > valueWidth ? `${row.shown.slice(0, valueWidth - 1)}…` : row.shown;
        return (
          <Text key={row.path} wrap="truncate-end">
            <Text color={index === selected ? ACCENT : undefined}>{index === selected ? '› ' : '  '}</Text>
            <Text color={flagged ? 'red' : undefined}>{mark} </Text>
            <Text bold={index === selected}>{row.label.padEnd(labelWidth)}</Text>
            <Text dimColor={row.shown.startsWith('(')}>{value}</Text>
          </Text>
        );
      })}
      {problem ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={problem.severity === 'error' ? 'red' : 'yellow'}>
            {problem.severity === 'error' ? MARK.error : MARK.warning} {inWizardWords(problem).message}
          </Text>
          <Text dimColor>  Fix: {inWizardWords(problem, keyName).fix}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
