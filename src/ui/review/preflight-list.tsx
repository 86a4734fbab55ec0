/**
 * The pre-flight checks on the review screen: one line per check that fills in as results arrive (the Answers
 * tab), and the whole report with each cause and fix (the Checks tab, as text for the scrolling pane).
 */
import { Box, Text } from 'ink';
import { resultLines, STATUS_MARKS } from '../../aws/preflight/report-text.js';
import type { PreflightFix, PreflightStatus } from '../../aws/preflight/types.js';
import { fixInWizardWords } from '../../wizard-flow/issues.js';
import { keyName } from '../keys.js';
import type { PreflightState } from '../effects/use-preflight.js';

const COLORS: Record<PreflightStatus, string | undefined> = { passed: 'green', failed: 'red', warning: 'yellow', 'not-checked': undefined };

/** Props of `PreflightList`. */
export interface PreflightListProps {
  /** Undefined: nothing to check yet (the answers have errors); `skipped`: --no-preflight. */
  preflight: PreflightState | 'skipped' | undefined;
  /** The tab that shows each cause and fix, for the pointer line. */
  checksTab: string;
  /** Rows the list may take; fewer than it needs (a long review on a short terminal): one summary line. */
  maxLines?: number;
}

/** `✓ 3 passed · ✗ 1 failed · … 1 checking`: the counts that are not zero. */
function counts(preflight: PreflightState): string {
  const parts: string[] = [];
  const words: Record<PreflightStatus, string> = { passed: 'passed', failed: 'failed', warning: 'warning', 'not-checked': 'not checked' };
  for (const status of ['failed', 'warning', 'not-checked', 'passed'] as const) {
    const count = preflight.checks.filter((check) => check.result?.status === status).length;
    if (count > 0) parts.push(`${STATUS_MARKS[status]} ${count} ${words[status]}`);
  }
  const pending = preflight.checks.filter((check) => !check.result).length;
  if (pending > 0) parts.push(`… ${pending} ${preflight.failure ? 'not checked' : 'checking'}`);
  return parts.join(' · ');
}

/** One line per check: its mark, title and what was found (or that it is still checking). */
export function PreflightList({ preflight, checksTab, maxLines = Number.POSITIVE_INFINITY }: PreflightListProps) {
  if (preflight === undefined) return null;
  if (preflight === 'skipped') return <Text dimColor>Pre-flight checks: skipped (--no-preflight).</Text>;
  if (preflight.checks.length === 0 && !preflight.failure) return null;
  const done = preflight.checks.filter((check) => check.result).length;
  const explained = preflight.checks.some((check) => check.result && check.result.status !== 'passed');
  const pointer = explained ? ` — the ${checksTab} tab (←) shows each cause and fix` : '';
  // The margin, the title, the failure line and one line per check.
  if (2 + (preflight.failure ? 1 : 0) + preflight.checks.length > maxLines) {
    return (
      <Text wrap="truncate-end">
        <Text bold>Pre-flight checks: </Text>
        <Text color={preflight.checks.some((check) => check.result?.status === 'failed') ? 'red' : undefined}>{counts(preflight)}</Text>
        <Text dimColor>{pointer}</Text>
      </Text>
    );
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>
        Pre-flight checks{done < preflight.checks.length && !preflight.failure ? ` (${done} of ${preflight.checks.length} done)` : ''}
        <Text dimColor bold={false}>{pointer}</Text>
      </Text>
      {preflight.failure ? <Text color="yellow">{`${STATUS_MARKS['not-checked']} Not checked: ${preflight.failure}`}</Text> : null}
      {preflight.checks.map(({ planned, result }) => (
        <Text key={planned.id} wrap="truncate-end">
          {result ? (
            <Text color={COLORS[result.status]}>{`${STATUS_MARKS[result.status]} ${result.title}: `}</Text>
          ) : (
            <Text dimColor>{`… ${planned.title}: `}</Text>
          )}
          <Text dimColor={!result}>{result ? `${result.status === 'not-checked' ? 'not checked. ' : ''}${result.summary}` : preflight.failure ? 'not checked' : 'checking'}</Text>
        </Text>
      ))}
    </Box>
  );
}

/** The Checks tab's text: every check with its cause and the exact fix (the policy statement, the command). */
export function preflightText(preflight: PreflightState | 'skipped' | undefined, /** What they wait for while undefined. */ waiting: 'answers' | 'target' = 'answers'): string {
  if (preflight === undefined) return waiting === 'answers' ? 'The checks run once the answers have no errors.' : 'The checks run once the target is checked and works (the header says which it is).';
  if (preflight === 'skipped') return 'Pre-flight checks: skipped (--no-preflight).';
  const lines = preflight.failure ? [`${STATUS_MARKS['not-checked']} Not checked: ${preflight.failure}`] : [];
  const wizardWords = (fix: PreflightFix) => fixInWizardWords({ fix: fix.text, wizardFix: fix.wizardFix }, keyName);
  for (const { planned, result } of preflight.checks) lines.push(result ? resultLines(result, wizardWords) : `… ${planned.title}: ${preflight.failure ? 'not checked' : 'checking'}`);
  return `${lines.join('\n')}\n`;
}
