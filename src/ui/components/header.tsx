/** The header on every screen: the product, and the target (Region, profile, account; or the sandbox, or its problem). */
import { Box, Text } from 'ink';
import type { TargetReport } from '../../aws/types.js';
import { targetLine } from '../../wizard-flow/target-words.js';

/** Props of `Header`. */
export interface HeaderProps {
  /** The target's check; undefined while it runs (after the first frame). */
  target?: TargetReport;
  /** Running against the built-in emulator: shown as a badge even before the target is checked. */
  sandbox: boolean;
  /** `--dry-run`: a badge says that nothing will be sent. */
  dryRun?: boolean;
}

/** One line: name, target, badge. A broken target is red (its cause and fix are on the start and review screens). */
export function Header({ target, sandbox, dryRun = false }: HeaderProps) {
  const broken = !sandbox && !dryRun && target?.ok === false;
  return (
    <Box>
      <Box flexShrink={0}>
        <Text bold>healthlake-wizard</Text>
      </Box>
      <Text dimColor={!broken} color={broken ? 'red' : undefined} wrap="truncate-end">
        {' '}· {targetLine(sandbox, target)}{' '}
      </Text>
      {dryRun ? (
        <Box flexShrink={0}>
          <Text inverse bold>
            {' DRY RUN: nothing is sent '}
          </Text>
        </Box>
      ) : null}
      {sandbox ? (
        <Box flexShrink={0}>
          <Text backgroundColor="yellow" color="black" bold>
            {' SANDBOX '}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
