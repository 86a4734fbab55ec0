/** The shared layout of every step: header, progress, title, help, constraints, input, validation, footer. */
import { Box, Text } from 'ink';
import { useState, type ReactNode } from 'react';
import type { TargetReport } from '../../aws/types.js';
import type { Help } from '../../parameter-model/index.js';
import type { Command } from '../keys.js';
import { useCommands } from '../use-commands.js';
import type { StepProgress as Progress } from '../../wizard-flow/progress.js';
import { ACCENT } from '../theme.js';
import { Footer } from './footer.js';
import { Header, headerHeading } from './header.js';
import { HelpPanel, longHelpLines, longHelpRows, longHelpSqueezed, maxHelpOffset } from './help-panel.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { StepProgress } from './step-progress.js';

/** Props of `StepLayout`. */
export interface StepLayoutProps {
  target?: TargetReport;
  sandbox: boolean;
  /** `--dry-run`: the header says that nothing will be sent. */
  dryRun?: boolean;
  progress: { steps: Progress[]; current: number; total: number };
  title: string;
  helps: Help[];
  longHelp: boolean;
  constraints: string;
  /** The current step's input (only it is mounted). */
  children: ReactNode;
  /** The live validation line. */
  validation?: ReactNode;
  /** The commands the step's input and screen handle now (from `useCommands`); the layout adds its own. */
  footer: readonly Command[];
  /** Whether the step has the keys (not under a dialog): its footer shows only then. */
  isActive: boolean;
}

/** Lays a step out top to bottom; fits 80x24 with the short help, the long help scrolling (PgUp/PgDn). */
export function StepLayout(props: StepLayoutProps) {
  const { columns, rows } = useTerminalSize();
  // The header's lines beyond its first (the identity, the target's problem and fix) come out of the long help's rows.
  // With the long help open on a short terminal, the problem goes in the header's line alone (cut at its end).
  const full = { target: props.target, sandbox: props.sandbox, dryRun: props.dryRun ?? false };
  const header = { ...full, brief: props.longHelp && longHelpSqueezed(rows - headerHeading(full, columns).more.length) };
  const helpRows = longHelpRows(rows - headerHeading(header, columns).more.length);
  // The long help scrolls page by page; the offset belongs to the help of this title (0 for any other).
  const [helpScroll, setHelpScroll] = useState({ for: '', by: 0 });
  const helpMax = props.longHelp ? maxHelpOffset(longHelpLines(props.helps, columns).length, helpRows) : 0;
  const helpOffset = helpScroll.for === props.title ? Math.min(helpScroll.by, helpMax) : 0;
  const page = Math.max(1, helpRows - 3);
  const scrolling = useCommands(
    {
      helpDown: () => setHelpScroll({ for: props.title, by: Math.min(helpMax, helpOffset + page) }),
      helpUp: () => setHelpScroll({ for: props.title, by: Math.max(0, helpOffset - page) }),
    },
    { isActive: props.isActive && helpMax > 0 },
  );
  return (
    <Box flexDirection="column">
      <Header {...header} />
      <StepProgress {...props.progress} />
      <Box marginTop={1} flexDirection="column">
        <Text bold color={ACCENT}>
          {props.title}
        </Text>
        <HelpPanel helps={props.helps} long={props.longHelp} width={columns} maxLines={helpRows} offset={helpOffset} />
        <Text dimColor>{props.constraints}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        {props.children}
      </Box>
      {props.validation ? <Box marginTop={1}>{props.validation}</Box> : null}
      <Box marginTop={1}>
        <Footer commands={[...props.footer, ...scrolling]} isActive={props.isActive} />
      </Box>
    </Box>
  );
}
