/** The shared layout of every step: header, progress, title, help, constraints, input, validation, footer. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Target } from '../../aws/types.js';
import type { Help } from '../../spec/index.js';
import type { Command } from '../keys.js';
import type { StepProgress as Progress } from '../flow/progress.js';
import { ACCENT } from '../theme.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpPanel, longHelpRows } from './help-panel.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { StepProgress } from './step-progress.js';

/** Props of `StepLayout`. */
export interface StepLayoutProps {
  target?: Target | 'unresolved';
  sandbox: boolean;
  progress: { steps: Progress[]; current: number; total: number };
  title: string;
  helps: Help[];
  longHelp: boolean;
  /** How far the long help is scrolled. */
  helpOffset?: number;
  constraints: string;
  /** The current step's input (only it is mounted). */
  children: ReactNode;
  /** The live validation line. */
  validation?: ReactNode;
  footer: readonly Command[];
}

/** Lays a step out top to bottom; fits 80x24 with the short help. */
export function StepLayout(props: StepLayoutProps) {
  const { columns, rows } = useTerminalSize();
  return (
    <Box flexDirection="column">
      <Header target={props.target} sandbox={props.sandbox} />
      <StepProgress {...props.progress} />
      <Box marginTop={1} flexDirection="column">
        <Text bold color={ACCENT}>
          {props.title}
        </Text>
        <HelpPanel helps={props.helps} long={props.longHelp} width={columns} maxLines={longHelpRows(rows)} offset={props.helpOffset} />
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
