/**
 * The header on every screen: the product, and the target (Region, profile, account and identity; or the
 * sandbox, or its problem). What does not fit its line goes on lines of its own: the identity, or the problem
 * with its fix where the screen under it does not say them.
 */
import { Box, Text } from 'ink';
import type { TargetReport } from '../../aws/types.js';
import { targetHeading, type HeadingTone, type TargetHeading } from '../../wizard-flow/target-words.js';
import { keyName } from '../keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

/** Props of `Header`. */
export interface HeaderProps {
  /** The target's check; undefined while it runs (after the first frame). */
  target?: TargetReport;
  /** Running against the built-in emulator: shown as a badge even before the target is checked. */
  sandbox: boolean;
  /** `--dry-run`: a badge says that nothing will be sent. */
  dryRun?: boolean;
  /** The screen says the target's problem and its fix itself (the start screen, the review): not repeated here. */
  problemShownBelow?: boolean;
  /** No room for lines under the header (the long help on a short terminal): the problem in its line, cut. */
  brief?: boolean;
}

const NAME = 'healthlake-wizard';
const DRY_RUN_BADGE = ' DRY RUN: nothing is sent ';
const SANDBOX_BADGE = ' SANDBOX ';

/** What the header shows at this width: the screens that fit a height count its rows (`1 + more.length`). */
export function headerHeading({ target, sandbox, dryRun = false, problemShownBelow = false, brief = false }: HeaderProps, columns: number): TargetHeading {
  const badges = (dryRun ? DRY_RUN_BADGE.length : 0) + (sandbox ? SANDBOX_BADGE.length : 0);
  // ` · ` after the name and a space before the badges.
  const room = columns - NAME.length - 3 - 1 - badges;
  const problem = brief || dryRun ? 'brief' : problemShownBelow ? 'below' : 'here';
  const heading = targetHeading(sandbox, target, { room, width: columns, problem, changeTarget: `press ${keyName('changeTarget')}` });
  // A dry run sends nothing: its target's problem stops nothing, so it is not shown as one.
  return dryRun ? { ...heading, tone: 'target' } : heading;
}

const COLOUR: Record<HeadingTone, string | undefined> = { target: undefined, problem: 'red', fix: undefined, choice: 'yellow', warning: 'yellow' };

/** The name, the target, the badges; then what did not fit. */
export function Header(props: HeaderProps) {
  const { columns } = useTerminalSize();
  const { sandbox, dryRun = false } = props;
  const heading = headerHeading(props, columns);
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0}>
          <Text bold>{NAME}</Text>
        </Box>
        <Text dimColor={heading.tone === 'target'} color={COLOUR[heading.tone]} wrap="truncate-end">
          {' '}· {heading.line}{' '}
        </Text>
        {dryRun ? (
          <Box flexShrink={0}>
            <Text inverse bold>
              {DRY_RUN_BADGE}
            </Text>
          </Box>
        ) : null}
        {sandbox ? (
          <Box flexShrink={0}>
            <Text backgroundColor="yellow" color="black" bold>
              {SANDBOX_BADGE}
            </Text>
          </Box>
        ) : null}
      </Box>
      {heading.more.map((line, index) => (
        <Text key={index} dimColor={line.tone === 'target' || line.tone === 'fix'} color={COLOUR[line.tone]} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
