/** The header on every screen: the product, and what will be targeted (region + profile, or SANDBOX). */
import { Box, Text } from 'ink';
import type { Target } from '../../aws/types.js';

/** Props of `Header`. */
export interface HeaderProps {
  /** The resolved target; undefined while it is being resolved (after the first frame), `unresolved` on failure. */
  target?: Target | 'unresolved';
  /** Running against the built-in emulator: shown as a badge even before the target is resolved. */
  sandbox: boolean;
  /** `--dry-run`: a badge says that nothing will be sent. */
  dryRun?: boolean;
}

/** One line: name, target, badge. */
export function Header({ target, sandbox, dryRun = false }: HeaderProps) {
  const where = sandbox
    ? 'local emulator — nothing is sent to AWS'
    : target === 'unresolved'
      ? 'no region or credentials configured'
      : target
      ? `region ${target.region}${target.profile ? ` · profile ${target.profile}` : ''}${target.endpoint ? ` · ${target.endpoint}` : ''}`
      : 'resolving region…';
  return (
    <Box>
      <Box flexShrink={0}>
        <Text bold>healthlake-wizard</Text>
      </Box>
      <Text dimColor wrap="truncate-end"> · {where} </Text>
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
