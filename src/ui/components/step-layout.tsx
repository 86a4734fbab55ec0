/** The shared layout of every step: header, progress, title, help, constraints, input, validation, footer. */
import { Box, Text, useStdout } from 'ink';
import type { ReactNode } from 'react';
import type { Target } from '../../aws/types.js';
import type { Help } from '../../spec/index.js';
import type { Command } from '../keys.js';
import type { StepProgress as Progress } from '../flow/progress.js';
import { ACCENT } from '../theme.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpPanel } from './help-panel.js';
import { StepProgress } from './step-progress.js';

/** Props of `StepLayout`. */
export interface StepLayoutProps {
  target?: Target | 'unresolved';
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
  footer: readonly Command[];
}

/** Lays a step out top to bottom; fits 80x24 with the short help. */
export function StepLayout(props: StepLayoutProps) {
  const { stdout } = useStdout();
  // Everything but the long help takes about 16 rows (more for a list input); the help gets the rest.
  const maxHelpLines = Math.max(4, (stdout.rows || 24) - 18);
  return (
    <Box flexDirection="column">
      <Header target={props.target} sandbox={props.sandbox} dryRun={props.dryRun} />
      <StepProgress {...props.progress} />
      <Box marginTop={1} flexDirection="column">
        <Text bold color={ACCENT}>
          {props.title}
        </Text>
        <HelpPanel helps={props.helps} long={props.longHelp} width={stdout.columns || 80} maxLines={maxHelpLines} />
        <Text dimColor>{props.constraints}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        {props.children}
      </Box>
      {props.validation ? <Box marginTop={1}>{props.validation}</Box> : null}
      <Box marginTop={1}>
        <Footer commands={props.footer} />
      </Box>
    </Box>
  );
}
